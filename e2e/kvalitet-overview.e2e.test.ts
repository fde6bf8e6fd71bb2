import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const sections = [
  "Händelser (avvikelser)",
  "Lex Sarah",
  "Klagomål",
  "Risker i kvalitetsplanen 2023",
  "Öppna åtgärder",
  "IVO-tillsyn",
];

/** Opens Översikt from the Kvalitet menu and shows 2023. */
async function overview2023(page: Page, unit: string) {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kvalitet" }).click();
  await page.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Översikt" }).click();
  await page.getByRole("heading", { name: `Kvalitetsöversikt – ${unit}` }).waitFor();
  await page.getByLabel("Från").fill("2023-01-01");
  await page.getByLabel("Till och med").fill("2023-12-31");
  await page.getByRole("button", { name: "Visa" }).click();
  await waitForText(page.getByText(/Det som är öppet bedöms den/), "2023-12-31");
  for (const name of sections) await page.getByRole("heading", { name, exact: true }).waitFor();
}

describe("Kvalitet's joint view and trends in the browser", () => {
  it("shows the kvalitet role a unit's sections with its records, and the nämnd's trends", async () => {
    const page = await e2e.loginAs("kvalitet");
    await page.getByLabel("Organisation").selectOption(e2e.demo.nodes["bss-almen"]?.id as string);
    await overview2023(page, "Gruppbostad Almen");
    const tiles = page.getByRole("list", { name: "Nyckeltal" });
    expect(await tiles.getByRole("listitem").filter({ hasText: "Avvikelser" }).textContent()).toContain("560");
    await page.getByRole("table", { name: "Pågående utredningar, äldst först" }).waitFor();
    expect(await page.getByText("Du ser antal, inte enskilda ärenden").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/kvalitet-overview.png", fullPage: true });

    await page.getByLabel("Organisation").selectOption(e2e.demo.nodes.ifo?.id as string);
    await page.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Trender" }).click();
    await page.getByRole("heading", { name: /Kvalitetstrender – Nämnden för Individ/ }).waitFor();
    const lexSarah = page.getByRole("table", { name: /Lex Sarah: rapporter under året/ });
    expect(await lexSarah.getByRole("row", { name: /2023/ }).locator("td").first().textContent()).toBe("96");
    const klagomal = page.getByRole("table", { name: /Klagomål i diariet per år/ });
    expect(await klagomal.getByRole("row", { name: /2023/ }).textContent()).toContain("50");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/kvalitet-trends.png", fullPage: true });
    await page.context().close();
  });

  it("shows the enhetschef her own unit", async () => {
    const page = await e2e.loginAs("enhetschef");
    await overview2023(page, "Gruppbostad Almen");
    // The long list folds away; the keyboard opens it.
    expect(await page.getByRole("table", { name: /De äldsta öppna avvikelserna/ }).isVisible()).toBe(false);
    await page.getByText("Visa de äldsta öppna avvikelserna").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: /De äldsta öppna avvikelserna/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("gives a förtroendevald counts with small ones hidden, and no records", async () => {
    const page = await e2e.loginAs("fortroendevald");
    await page.getByLabel("Organisation").selectOption(e2e.demo.nodes["stod-kansli"]?.id as string);
    await overview2023(page, "Förvaltningskansli");
    await page.getByText("Du ser antal, inte enskilda ärenden").waitFor();
    const tiles = page.getByRole("list", { name: "Nyckeltal" });
    expect(await tiles.getByRole("listitem").filter({ hasText: "Avvikelser" }).textContent()).toContain("<5");
    expect(await page.getByRole("table", { name: "Pågående utredningar, äldst först" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
