import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("the budget and prognos grid", () => {
  it("lets the controller type budget per month, sums as typed, saves only the changes and keeps them", async () => {
    const page = await e2e.loginAs("controller");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Ekonomi" }).click();
    await page.getByRole("navigation", { name: "Ekonomi" }).getByRole("link", { name: "Budget och prognos" }).click();
    await page.getByRole("heading", { name: "Budget och prognos" }).waitFor();
    await page.getByLabel("År", { exact: true }).selectOption("2023");
    await page.getByLabel("Slag").selectOption("budget_revised");
    await page.getByLabel("Indelning").selectOption("month");
    const table = page.getByRole("table", { name: /Budget efter ombudgetering 2023/ });
    const january = table.getByLabel("Budget efter ombudgetering 2023, Nämnd, januari");
    const february = table.getByLabel("Budget efter ombudgetering 2023, Nämnd, februari");
    await january.fill("−1 234 000");
    await february.fill("-766 000");
    // The row, column and grand sums follow the typing, in sv-SE with a true minus sign.
    const nämnd = table.locator("tbody tr", { hasText: "Nämnd" }).first();
    await waitForText(nämnd.locator("td").last(), "\u22122\u00a0000\u00a0000");
    const sums = table.locator("tfoot tr");
    expect(await sums.locator("td").first().textContent()).toBe("\u22121\u00a0234\u00a0000");
    expect(await sums.locator("td").last().textContent()).toBe("\u22122\u00a0000\u00a0000");
    // Arrow keys move between cells like a spreadsheet.
    await january.focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Budget efter ombudgetering 2023, Stödfunktioner och central verksamhet, januari",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/ekonomi-budget-grid.png", fullPage: true });

    await page.getByRole("button", { name: "Spara 2 ändringar" }).click();
    await waitForText(page.getByRole("status"), "Sparat: 2 ändringar");
    await page.reload();
    const again = page.getByRole("table", { name: /Budget efter ombudgetering 2023/ });
    await waitForText(again.locator("tfoot"), "\u22122\u00a0000\u00a0000");
    expect(await again.getByLabel("Budget efter ombudgetering 2023, Nämnd, januari").inputValue()).toBe(
      "\u22121\u00a0234\u00a0000",
    );
    expect(await again.getByLabel("Budget efter ombudgetering 2023, Nämnd, februari").inputValue()).toBe(
      "\u2212766\u00a0000",
    );
    expect(await page.getByRole("button", { name: /^Spara/ }).textContent()).toBe("Spara 0 ändringar");

    // The original budget is stored per year: typing it per tertial is refused with the server's message.
    await page.getByLabel("Slag").selectOption("budget");
    await page.getByLabel("Indelning").selectOption("tertial");
    await page.getByLabel("Budget 2023, Nämnd, tertial 1 (jan–apr)").fill("−500 000");
    await page.getByRole("button", { name: "Spara 1 ändring" }).click();
    await waitForText(page.getByRole("alert"), "Nämnd: budget (ursprunglig) finns redan per år");
    await page.context().close();
  });

  it("shows a reader the demo's delår forecast per level, without fields to type in", async () => {
    const page = await e2e.loginAs("fortroendevald");
    await page.goto(`${e2e.baseUrl}/ekonomi/budget?ar=2021`);
    const slag = page.getByLabel("Slag");
    await slag.selectOption({ label: "Prognos: Delår april (per 2021-04-30)" });
    const table = page.getByRole("table", { name: /Prognos delår april 2021/ });
    // The annual report's −8 550 tkr against the budget −699 078 tkr: −707 628 tkr in all.
    await waitForText(table.locator("tfoot"), "\u2212707\u00a0628\u00a0000");
    expect(await table.locator("input").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Spara/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
