import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../src/platform/calendar.ts";
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
const granskningTitle = "Kontroll av att beslut om insats följs upp inom sex månader.";
const controlText = "Genomförandeplan upprättad inom 14 dagar efter beslut.";

describe("the kvalitet forms for granskningar and egenkontroller", () => {
  it("lets the kvalitetsstrateg add a granskning to the internkontroll and change it", async () => {
    const k = await e2e.loginAs("kvalitet");
    await k.goto(`${e2e.baseUrl}/kvalitet/internkontroll`);
    await k.getByRole("heading", { name: /^Internkontroll \d{4} – Nämnden för Individ & Familjeomsorg$/ }).waitFor();
    await k.getByLabel("År", { exact: true }).selectOption("2023");
    const granskningar = k.getByRole("table", { name: /granskning(ar)?$/ });
    await waitForText(granskningar.locator("caption"), "12 granskningar");

    // A number already used in the year is refused, named by its field.
    const form = k.getByRole("form", { name: "Ny granskning" });
    await form.getByLabel("Nummer").fill("5.1.1");
    await form.getByLabel("Frekvens").fill("Två gånger per år");
    await form.getByLabel("Ansvarig").fill("Verksamhetschef");
    await form.getByLabel("Granskning", { exact: true }).fill(granskningTitle);
    await form.getByLabel("Metod").fill("Stickprov om 20 akter");
    await form.getByLabel(/^Risk 6: /).check();
    await form.getByRole("button", { name: "Lägg till granskning" }).click();
    await waitForText(form.getByRole("alert"), "Nummer: Granskning 5.1.1 finns redan för 2023.");

    await form.getByLabel("Nummer").fill("5.1.13");
    await form.getByRole("button", { name: "Lägg till granskning" }).click();
    const row = granskningar.getByRole("row").filter({ hasText: granskningTitle });
    expect(await waitForText(row, "5.1.13")).toContain("Stickprov om 20 akter");
    await waitForText(granskningar.locator("caption"), "13 granskningar");
    const risk6 = k
      .getByRole("table", { name: /till plan$/ })
      .getByRole("row")
      .filter({ hasText: /^6\D/ });
    expect(await waitForText(risk6, "5.1.13")).toContain("5.1.6");

    // Changed: deviations need a result; with one, the row shows both.
    await row.getByRole("button", { name: "Ändra granskning 5.1.13" }).click();
    const edit = k.getByRole("form", { name: "Ändra granskning 5.1.13" });
    expect(await edit.getByLabel("Metod").inputValue()).toBe("Stickprov om 20 akter");
    await edit.getByLabel("Ansvarig").fill("Enhetschef myndighet");
    await edit.getByLabel("Avvikelser").selectOption({ label: "Ja" });
    await edit.getByRole("button", { name: "Spara granskningen" }).click();
    await waitForText(edit.getByRole("alert"), "Resultat: Beskriv resultatet");
    await edit.getByLabel("Resultat").fill("3 av 20 uppföljningar gjordes för sent.");
    await edit.getByRole("button", { name: "Spara granskningen" }).click();
    const changed = await waitForText(row, "3 av 20 uppföljningar gjordes för sent.");
    expect(changed).toContain("Enhetschef myndighet");
    expect(changed).toMatch(/sent\.Ja/);
    await k.getByRole("form", { name: "Ny granskning" }).waitFor();
    expect(await accessibilityViolations(k)).toEqual([]);
    await k.context().close();
  });

  it("lets the kvalitetsstrateg record the nämnd's adoption of the plan and change a risk", async () => {
    const k = await e2e.loginAs("kvalitet");
    await k.goto(`${e2e.baseUrl}/kvalitet/internkontroll`);
    await k.getByRole("heading", { name: `Internkontroll ${year} – Nämnden för Individ & Familjeomsorg` }).waitFor();
    const planSection = k.getByRole("region", { name: "Plan" });
    await waitForText(planSection, "Nämnden har inte antagit någon plan för året.");
    const plan = k.getByRole("form", { name: "Nämndens beslut om planen" });
    await plan.getByLabel("Diarienummer").fill(`IF-${year}-00001`);
    await plan.getByLabel("Antagen").fill(today);
    await plan.getByLabel("Beslut (paragraf)").fill("§ 12");
    await plan.getByRole("button", { name: "Spara beslutet" }).click();
    expect(await waitForText(planSection.locator("p").first(), `IF-${year}-00001`)).toContain("§ 12");

    const add = k.getByRole("form", { name: "Ny risk i riskanalysen" });
    await add.getByLabel("Kategori").fill("Ekonomi");
    await add.getByLabel(/Sannolikhet/).selectOption("3");
    await add.getByLabel(/Konsekvens/).selectOption("2");
    await add.getByLabel("Risk", { exact: true }).fill("Risk att placeringskostnaderna överskrider budget.");
    await add.getByRole("button", { name: "Lägg till risk" }).click();
    const risks = k.getByRole("table", { name: /till plan$/ });
    const row = risks.getByRole("row").filter({ hasText: "placeringskostnaderna" });
    await waitForText(row, "Ekonomi");

    // Left out of the plan: a reason is required, named by its field; with one, the row shows both.
    await row.getByRole("button", { name: /^Ändra risk \d+$/ }).click();
    const edit = k.getByRole("form", { name: /^Ändra risk \d+$/ });
    expect(await edit.getByLabel("Kategori").inputValue()).toBe("Ekonomi");
    await edit.getByLabel("Till plan", { exact: true }).selectOption("nej");
    await edit.getByRole("button", { name: "Spara risken" }).click();
    await waitForText(edit.getByRole("alert"), "Ange anledningen till att risken inte tas till planen.");
    await edit.getByLabel(/^Anledning/).fill("Följs i budgetuppföljningen.");
    await edit.getByRole("button", { name: "Spara risken" }).click();
    expect(await waitForText(row, "Följs i budgetuppföljningen.")).toMatch(/Nej/);
    await k.getByRole("form", { name: "Ny risk i riskanalysen" }).waitFor();
    expect(await accessibilityViolations(k)).toEqual([]);
    await k.context().close();
  });

  it("lets the enhetschef enter an egenkontroll's result by changing it", async () => {
    const chef = await e2e.loginAs("enhetschef");
    await chef.goto(`${e2e.baseUrl}/kvalitet/kvalitetsplan`);
    await chef.getByRole("heading", { name: `Kvalitetsplan ${year} – Gruppbostad Almen` }).waitFor();
    const add = chef.getByRole("form", { name: "Ny egenkontroll" });
    await add.getByLabel("Egenkontroll (vad kontrolleras)").fill(controlText);
    await add.getByRole("button", { name: "Lägg till egenkontroll" }).click();
    const row = chef
      .getByRole("table", { name: /egenkontroll(er)?$/ })
      .getByRole("row")
      .filter({ hasText: controlText });
    await waitForText(row, "Stickprov");

    await row.getByRole("button", { name: `Ändra egenkontroll: ${controlText}` }).click();
    const edit = chef.getByRole("form", { name: `Ändra egenkontroll: ${controlText}` });
    await edit.getByLabel("Antal som uppfyllde kravet").fill("21");
    await edit.getByLabel("Antal granskade").fill("20");
    await edit.getByLabel("Datum").fill(today);
    await edit.getByRole("button", { name: "Spara egenkontrollen" }).click();
    await waitForText(
      edit.getByRole("alert"),
      "Antal som uppfyllde kravet: Fler uppfyllde kravet (21) än som granskades",
    );
    await edit.getByLabel("Antal som uppfyllde kravet").fill("18");
    await edit.getByLabel("Kommentar").fill("Två planer saknades.");
    await edit.getByRole("button", { name: "Spara egenkontrollen" }).click();
    const changed = await waitForText(row, "90 %");
    expect(changed).toContain("18 av 20");
    expect(changed).toContain(today);
    expect(changed).toContain("Två planer saknades.");
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.context().close();
  });

  it("shows no forms to roles without write:kvalitet", async () => {
    const politician = await e2e.loginAs("fortroendevald");
    await politician.goto(`${e2e.baseUrl}/kvalitet/internkontroll`);
    await politician.getByLabel("År", { exact: true }).selectOption("2023");
    await waitForText(politician.getByRole("table", { name: /granskning(ar)?$/ }), "5.1.6");
    expect(await politician.getByRole("form", { name: "Ny granskning" }).count()).toBe(0);
    expect(await politician.getByRole("button", { name: /^Ändra granskning/ }).count()).toBe(0);
    expect(await politician.getByRole("form", { name: "Nämndens beslut om planen" }).count()).toBe(0);
    expect(await politician.getByRole("button", { name: /^Ändra risk/ }).count()).toBe(0);
    await politician.context().close();

    const staff = await e2e.loginAs("medarbetare");
    await staff.goto(`${e2e.baseUrl}/kvalitet/kvalitetsplan`);
    await staff.getByRole("heading", { name: `Kvalitetsplan ${year} – Gruppbostad Almen` }).waitFor();
    await staff.getByRole("table", { name: /egenkontroll(er)?$/ }).waitFor();
    expect(await staff.getByRole("form", { name: "Ny egenkontroll" }).count()).toBe(0);
    expect(await staff.getByRole("button", { name: /^Ändra/ }).count()).toBe(0);
    await staff.context().close();
  });

  it("lets the kommun's admin rename and deactivate a process, which others then read as inactive", async () => {
    const admin = await e2e.loginAs("admin");
    await admin.goto(`${e2e.baseUrl}/kvalitet/kvalitetsplan/processer`);
    const form = admin.getByRole("form", { name: "Ändra Socialtjänstprocessen – Verkställa uppdrag" });
    await form.getByLabel("Aktivitet").fill("Verkställa beslut");
    await form.getByLabel("Aktiv", { exact: true }).uncheck();
    await form.getByRole("button", { name: "Spara" }).click();
    // The form keeps its place and is named anew from the saved process.
    const saved = admin.getByRole("form", { name: "Ändra Socialtjänstprocessen – Verkställa beslut" });
    await waitForText(saved.getByRole("status"), "Sparad.");
    expect(await saved.getByLabel("Aktiv", { exact: true }).isChecked()).toBe(false);
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.context().close();

    const k = await e2e.loginAs("kvalitet");
    await k.goto(`${e2e.baseUrl}/kvalitet/kvalitetsplan/processer`);
    await waitForText(k.getByRole("main"), "Socialtjänstprocessen – Verkställa beslut (inaktiv)");
    expect(await k.getByRole("form").count()).toBe(0);
    await k.context().close();
  });
});
