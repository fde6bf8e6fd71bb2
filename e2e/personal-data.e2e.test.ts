import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("personal data in the browser", () => {
  it("shows a förtroendevald the EVB figures as counts, without rows per decision", async () => {
    const page = await e2e.loginAs("fortroendevald");
    await page.goto(`${e2e.baseUrl}/evb`);
    await page.getByRole("heading", { name: "Ej verkställda beslut – läget" }).waitFor();
    await waitForText(page.getByRole("main"), "Antal under 3 visas som");
    const main = (await page.getByRole("main").textContent()) ?? "";
    expect(main).not.toContain("Längst väntan");
    expect(main).not.toMatch(/\d{8}-T\d{3}/);
    expect(await page.getByRole("table", { name: "Öppna beslut per enhet" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${e2e.baseUrl}/evb/rapport?kvartal=2023Q4`);
    await waitForText(page.getByRole("table", { name: /Ej verkställda beslut per insats/ }), "Totalt");
    const report = (await page.getByRole("main").textContent()) ?? "";
    expect(report).not.toContain("Till nämnden: per enhet");
    expect(report).not.toMatch(/\d{8}-T\d{3}/);
    expect(await page.getByRole("link", { name: "Nämndens tabeller (CSV)" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("lets an admin find who read a person's decision and download the extract", async () => {
    const reader = await e2e.loginAs("handlaggare");
    await reader.goto(`${e2e.baseUrl}/evb/register`);
    const link = reader.getByRole("table").locator("tbody tr a").first();
    await link.waitFor();
    await link.click();
    const heading = await reader.getByRole("heading", { name: /^Beslut \d{8}-T\d{3}$/ }).textContent();
    const personId = heading?.replace("Beslut ", "") ?? "";
    await reader.context().close();

    const page = await e2e.loginAs("admin");
    await page.goto(`${e2e.baseUrl}/admin/lasloggen`);
    await page.getByRole("heading", { name: "Logg över läsning av personuppgifter" }).waitFor();
    await page.getByLabel("Person-id").fill(personId);
    await page.getByRole("button", { name: "Filtrera" }).click();
    const table = page.getByRole("table");
    await waitForText(table, "Ej verkställt beslut: beslutssidan");
    expect(await table.textContent()).toContain("Hassan Handläggare");
    expect(await page.getByRole("link", { name: `Ladda ned registerutdrag för ${personId} (CSV)` }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
