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

const today = todayInSweden();
const year = today.slice(0, 4);
const riskText = "Nattpersonalen känner inte till rutinen för brandlarm.";
const atgardText = "Gå igenom brandlarmsrutinen med nattpersonalen.";

describe("the kvalitetsplan in the browser", () => {
  it("lets the enhetschef add a risk, see it in the matrix, add an åtgärd and close it", async () => {
    const chef = await e2e.loginAs("enhetschef");
    await chef.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kvalitet" }).click();
    await chef.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Kvalitetsplan" }).click();
    await chef.getByRole("heading", { name: `Kvalitetsplan ${year} – Gruppbostad Almen` }).waitFor();

    // A risk scored sannolikhet 3 × allvarlighetsgrad 4 = 12: Kritisk, in the cell (3, 4).
    const riskForm = chef.getByRole("form", { name: "Ny risk" });
    await riskForm.getByLabel("Sannolikhet").selectOption("3");
    await riskForm.getByLabel("Allvarlighetsgrad").selectOption("4");
    await riskForm
      .getByLabel("Process – aktivitet")
      .selectOption({ label: "Socialtjänstprocessen – Verkställa uppdrag" });
    await riskForm.getByLabel("Risk", { exact: true }).fill(riskText);
    await riskForm.getByRole("button", { name: "Lägg till risk" }).click();
    const row = chef.getByRole("row").filter({ hasText: riskText });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain("Kritisk");
    const cell = await waitForText(chef.locator('[data-cell="3-4"]'), "Risk 1");
    expect(cell).toContain("Kritisk (12)");
    expect(await accessibilityViolations(chef)).toEqual([]);

    // An åtgärd against it, closed "Avslutad – nyttan uppnådd" only with a comment on what it gave.
    const atgardForm = chef.getByRole("form", { name: "Ny åtgärd" });
    await atgardForm.getByLabel("Gäller").selectOption({ label: `Risk 1: ${riskText}` });
    await atgardForm.getByLabel("Ägare (funktion eller namn)").fill("Enhetschef");
    await atgardForm.getByLabel("Slutdatum").fill(addDays(today, 30));
    await atgardForm.getByLabel("Åtgärd", { exact: true }).fill(atgardText);
    await atgardForm.getByRole("button", { name: "Lägg till åtgärd" }).click();
    const atgard = chef.getByRole("row").filter({ hasText: atgardText });
    await waitForText(atgard, "Ej påbörjad");

    await atgard.getByRole("button", { name: `Ändra status: ${atgardText}` }).click();
    const statusForm = chef.getByRole("form", { name: "Ändra status" });
    await statusForm.getByLabel("Status").selectOption({ label: "Avslutad – nyttan uppnådd" });
    await statusForm.getByRole("button", { name: "Spara status" }).click();
    await waitForText(statusForm.getByRole("alert"), "Beskriv i kommentaren vad åtgärden gav");
    await statusForm.getByLabel("Kommentar (vad gav åtgärden?)").fill("All nattpersonal har gått igenom rutinen.");
    await statusForm.getByRole("button", { name: "Spara status" }).click();
    const closed = await waitForText(atgard, "Avslutad – nyttan uppnådd");
    expect(closed).toContain(today);
    expect(await atgard.getByRole("button").count()).toBe(0);
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.screenshot({ path: "test-results/kvalitetsplan.png", fullPage: true });
    await chef.context().close();
  });

  it("shows the nämnd's internkontroll 2023 and the follow-up report to KS", async () => {
    const k = await e2e.loginAs("kvalitet");
    await k.goto(`${e2e.baseUrl}/kvalitet/internkontroll`);
    await k.getByRole("heading", { name: /^Internkontroll \d{4} – Nämnden för Individ & Familjeomsorg$/ }).waitFor();
    await k.getByLabel("År", { exact: true }).selectOption("2023");
    const risks = await waitForText(k.getByRole("table").first(), "16 risker, 13 till plan");
    expect(risks).toContain("Kontanthantering.");
    expect(await accessibilityViolations(k)).toEqual([]);
    await k.screenshot({ path: "test-results/internkontroll.png", fullPage: true });

    await k.getByRole("link", { name: "Uppföljningsrapport till KS" }).click();
    await k.getByRole("heading", { name: "5.2 Risker, granskningsaktiviteter och åtgärder" }).waitFor();
    const summary = await waitForText(k.locator("main p").first(), "13 risker i planen");
    expect(summary).toContain("Hög 8");
    const self = k.getByRole("table").last();
    expect(await waitForText(self, "Summa")).toMatch(/Summa\s*20\s*12\s*8\s*0\s*0/);
    expect(await accessibilityViolations(k)).toEqual([]);
    await k.screenshot({ path: "test-results/internkontroll-rapport.png", fullPage: true });
  });
});
