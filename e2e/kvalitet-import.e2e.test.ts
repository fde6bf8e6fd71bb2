import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const header = "enhet,kind,kategori,inträffade,upptäckt,vad,åtgärd,typer,orsaker,status,avslutad";
const good = [
  "Gruppbostad Björken,avvikelse,,2024-01-10,2024-01-10,Importerat fall i duschen,Larm,Fall,,,",
  "Gruppbostad Almen,arbetsmiljo,tillbud,2024-01-12,2024-01-12,Importerat halt golv,,,,rapporterad,",
];
const bad = "Gruppbostad Almen,avvikelse,,2024-01-10,2024-01-09,Importerad felrad,,Flygande tefat,,,";
const file = (name: string, rows: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from([header, ...rows].join("\n")),
});

describe("the händelse import page", () => {
  it("previews a file, refuses it while a row is bad, and imports it once every row passes", async () => {
    const page = await e2e.loginAs("kvalitet");
    await page.goto(`${e2e.baseUrl}/kvalitet`);
    await page.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Importera händelser" }).click();
    await page.getByRole("heading", { name: "Importera händelser" }).waitFor();

    // A bad row: the preview names it by row and column, and there is nothing to confirm.
    await page.getByLabel("CSV-fil", { exact: true }).setInputFiles(file("fel.csv", [...good, bad]));
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    const summary = await waitForText(page.getByRole("status"), "avvisad");
    expect(summary).toContain("2 rader godkända, 1 rad avvisad");
    const badRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "4", exact: true }) });
    expect(await badRow.textContent()).toContain("upptäckt: Händelsen kan inte ha upptäckts (2024-01-09)");
    expect(await badRow.textContent()).toContain("Avvisas");
    expect(await page.getByRole("button", { name: /^Importera/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The corrected file: confirm, and the händelser are in the register.
    await page.getByLabel("CSV-fil", { exact: true }).setInputFiles(file("ratt.csv", good));
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await waitForText(page.getByRole("status"), "2 rader godkända, 0 rader avvisade");
    const row2 = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2", exact: true }) });
    expect(await row2.textContent()).toContain("Under utredning");
    await page.getByRole("button", { name: "Importera 2 händelser" }).click();
    await waitForText(page.getByRole("status"), "Importen är klar: 2 händelser sparade");

    await page.goto(`${e2e.baseUrl}/kvalitet/handelser?status=alla&periodStart=2024-01-10&periodEnd=2024-01-10`);
    await page.getByRole("row").filter({ hasText: "Importerat fall i duschen" }).first().waitFor();
    expect(await page.getByRole("row").filter({ hasText: "Importerad felrad" }).count()).toBe(0);
  });
});
