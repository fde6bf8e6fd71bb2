import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInSweden } from "../src/platform/calendar.ts";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("ej verkställda beslut in the browser", () => {
  it("lets a handläggare see the dashboard, register a decision and open the quarter report", async () => {
    const page = await e2e.loginAs("handlaggare");
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Ej verkställda beslut" })
      .click();
    await page.getByRole("heading", { name: "Ej verkställda beslut – läget" }).waitFor();
    await waitForText(page.getByRole("main"), "Myndighet funktionsnedsättning");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/evb-dashboard.png", fullPage: true });

    // The register shows her unit's open decisions only.
    await page
      .getByRole("navigation", { name: "Ej verkställda beslut" })
      .getByRole("link", { name: "Register" })
      .click();
    const register = page.getByRole("table");
    await waitForText(register, "Avlösarservice i hemmet");
    const units = await register.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(["Myndighet funktionsnedsättning"]));
    expect(await accessibilityViolations(page)).toEqual([]);

    // Register a decision taken 100 days ago: past its three months, so reportable at once.
    const decided = addDays(todayInSweden(), -100);
    await page.getByRole("link", { name: "Registrera beslut" }).click();
    await page.getByLabel("Id (ÅÅÅÅMMDD-T123)").fill("20150101-T244");
    await page
      .getByLabel("Insats", { exact: true })
      .selectOption({ label: "Korttidsvistelse utanför det egna hemmet (9 § 6 LSS)" });
    await page.getByLabel("Beslutsdatum", { exact: true }).fill(decided);
    await page.getByLabel("Orsak", { exact: true }).selectOption({ label: "Resursbrist/ingen plats" });
    await page.getByLabel("Beskrivning", { exact: true }).fill("Brist på korttidsplatser");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Spara beslutet" }).click();
    await page.getByRole("heading", { name: "Beslut 20150101-T244" }).waitFor();
    const clock = await waitForText(page.locator("#evb-clock"), "Ej verkställt");
    expect(clock).toContain("rapporteringspliktigt sedan");
    expect(await page.getByRole("table", { name: /Ändringar i beslutet/ }).textContent()).toContain(
      "Hassan Handläggare",
    );

    // A declined offer is recorded and the decision stays open.
    await page.getByLabel("Erbjudet datum", { exact: true }).fill(addDays(todayInSweden(), -10));
    await page.getByLabel("Svar", { exact: true }).selectOption("nej");
    await page.getByRole("button", { name: "Lägg till erbjudande" }).click();
    await waitForText(page.getByRole("table", { name: "1 erbjudande" }), "Tackat nej");
    expect(await page.locator("#evb-clock").textContent()).toContain("Ej verkställt");

    // The Q4 2023 report for her unit: an avlösarservice decision from August 2023 is new that quarter.
    await page.goto(`${e2e.baseUrl}/evb/rapport?kvartal=2023Q4`);
    await page.getByRole("heading", { name: "Ej verkställda beslut 2023Q4" }).waitFor();
    const ivo = await waitForText(page.getByRole("table", { name: /rapporter för 2023Q4/ }), "20110505-T271");
    expect(ivo).toContain("Ny");
    expect(ivo).toContain("Korttidsvistelse utanför det egna hemmet");
    const committee = await page.locator("#evb-committee").locator("..").textContent();
    expect(committee).toContain("Myndighet funktionsnedsättning");
    expect(committee).toContain("Ingen avlösare med rätt kompetens");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/evb-report.png", fullPage: true });
    await page.context().close();
  });

  it("shows a förtroendevald the KF figures but no ids or per-decision reasons", async () => {
    const page = await e2e.loginAs("fortroendevald");
    await page.goto(`${e2e.baseUrl}/evb/rapport?kvartal=2023Q4`);
    const kf = await waitForText(page.getByRole("table", { name: /Ej verkställda beslut per insats/ }), "Totalt");
    expect(kf).toContain("Bostad med särskild service för vuxna, gruppbostad");
    const main = (await page.getByRole("main").textContent()) ?? "";
    // The committee's per-decision table (with its free-text reasons) is personal data: counts only.
    expect(main).not.toContain("Saknas plats");
    expect(main).toContain("visas bara för den som har");
    expect(main).not.toMatch(/\d{8}-T\d{3}/);
    expect(
      await page
        .getByRole("navigation", { name: "Ej verkställda beslut" })
        .getByRole("link", { name: "Register" })
        .count(),
    ).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
