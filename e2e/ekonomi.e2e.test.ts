import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ledger = path.join(root, "demo/ekonomi/huvudbok-ifo-2023-jan-apr.csv");
const badAmounts = path.join(root, "src/ekonomi/fixtures/ogiltiga-belopp.csv");

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("ekonomi in the browser", () => {
  it("imports a ledger file through the mapping step and shows the follow-up table", async () => {
    const page = await e2e.loginAs("controller");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Ekonomi" }).click();
    await page.getByRole("navigation", { name: "Ekonomi" }).getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Importera från ekonomisystemet" }).waitFor();

    await page.getByLabel("Fil (CSV, XLSX eller SIE 4)").setInputFiles(ledger);
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.getByRole("heading", { name: "2. Koppla kolumner" }).waitFor();
    // The suggested mapping is filled in; the user can see and change it.
    expect(await page.getByLabel("Belopp (krävs)").inputValue()).toBe("Belopp");
    expect(await page.getByLabel("Ansvar").inputValue()).toBe("Ansvar");
    expect(await page.getByLabel("Period").inputValue()).toBe("Period");
    await waitForText(page.getByRole("table").first(), "3 305 039,94");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/ekonomi-import-mappning.png", fullPage: true });

    await page.getByRole("button", { name: "Importera till 2023" }).click();
    await waitForText(
      page.getByRole("status").filter({ hasText: "Importerat" }),
      "Importerat: 256 rader, 0 överhoppade, 52 belopp ändrade.",
    );
    await page.getByRole("link", { name: "Visa budgetuppföljningen 2023" }).click();

    const table = page.getByRole("table", { name: /budgetuppföljning 2023/ });
    await waitForText(table, "Utfall jan–apr");
    const headers = await table.locator("thead th").allTextContents();
    expect(headers).toEqual([
      "Verksamhetsområde",
      "Bokslut 2022",
      "Budget 2023",
      // The demo's latest forecast of 2023 (the delår forecasts are part of the demo).
      "Prognos delår augusti",
      "Utfall jan–apr",
      "Prognos\u00adavvikelse",
    ]);
    const rows = await table.locator("tbody th").allTextContents();
    expect(rows).toEqual([
      "Privat assistans",
      "Nämnd",
      "Stödfunktioner och central verksamhet",
      "Myndighet stöd och behandling",
      "Bostad med särskild service",
      "Stöd i hemmet och sysselsättning",
      "Daglig verksamhet",
    ]);
    const sum = await table.locator("tfoot tr").textContent();
    expect(sum).toContain("Summa");
    expect(sum).toContain("\u2212738\u00a0000");
    await waitForText(page.getByRole("region", { name: "Kontroller" }), "Alla delar summerar");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/ekonomi-uppfoljning.png", fullPage: true });
    await page.context().close();
  });

  it("shows which rows are wrong and imports nothing from a file with bad amounts", async () => {
    const page = await e2e.loginAs("controller");
    await page.goto(`${e2e.baseUrl}/ekonomi/import?ar=2023`);
    await page.getByLabel("Fil (CSV, XLSX eller SIE 4)").setInputFiles(badAmounts);
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.getByRole("button", { name: "Importera till 2023" }).click();
    const errors = page.getByRole("table", { name: /inget importerades/ });
    const text = await waitForText(errors, "tjugofem tusen");
    expect(text).toContain("380 000,5O");
    expect(await errors.locator("tbody th").allTextContents()).toEqual(["3", "5"]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("gives a förtroendevald the 2021 result, the budget donut with its sum check, and no import", async () => {
    const page = await e2e.loginAs("fortroendevald");
    await page.goto(`${e2e.baseUrl}/ekonomi?ar=2021`);
    const table = page.getByRole("table", { name: /budgetuppföljning 2021/ });
    const sum = await waitForText(table.locator("tfoot"), "+19\u00a0502");
    expect(sum).toContain("\u2212679\u00a0576");
    await waitForText(page.getByRole("region", { name: "Text till rapporten" }), "ett överskott på 19,5 mkr");
    expect(await page.getByRole("navigation", { name: "Ekonomi" }).getByRole("link", { name: "Import" }).count()).toBe(
      0,
    );
    expect(await page.getByRole("img", { name: /Avvikelse per verksamhetsområde 2021/ }).count()).toBe(1);
    await page.screenshot({ path: "test-results/ekonomi-uppfoljning-2021.png", fullPage: true });

    await page.getByRole("navigation", { name: "Ekonomi" }).getByRole("link", { name: "På en minut" }).click();
    await page.getByLabel("År").selectOption("2023");
    const split = page.getByRole("table", { name: /Budget 2023 per nivå/ });
    await waitForText(split.locator("tfoot"), "738,0 mkr");
    expect(await split.locator("tfoot").textContent()).toContain("100,0 %");
    await waitForText(page.getByRole("region", { name: "Kontroller" }), "Alla delar summerar");
    expect(await page.getByRole("img", { name: /Budgetens fördelning 2023/ }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/ekonomi-pa-en-minut.png", fullPage: true });

    await page
      .getByRole("navigation", { name: "Ekonomi" })
      .getByRole("link", { name: "Sammanfattning och prognossäkerhet" })
      .click();
    await page.getByLabel("År").selectOption("2021");
    const summary = page.getByRole("table", { name: /ekonomisk sammanfattning/ });
    await waitForText(summary, "2019");
    const y2019 = await summary.locator("tbody tr", { hasText: "2019" }).textContent();
    expect(y2019).toContain("68\u00a0489");
    expect(y2019).toContain("\u2212686\u00a0386");
    expect(y2019).toContain("\u221233\u00a0415");
    expect(y2019).toContain("\u22122\u00a0027,8");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/ekonomi-sammanfattning.png", fullPage: true });
    await page.context().close();
  });

  it("lets the controller see levels with their ledger codes", async () => {
    const page = await e2e.loginAs("controller");
    await page.goto(`${e2e.baseUrl}/ekonomi/nivaer?ar=2023`);
    const levels = page.getByRole("table", { name: "Uppföljningsnivåer 2023" });
    const text = await waitForText(levels, "Daglig verksamhet");
    expect(text).toContain("Ansvar 41*");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/ekonomi-nivaer.png", fullPage: true });
    await page.context().close();
  });
});
