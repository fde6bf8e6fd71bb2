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

describe("synpunkter och klagomål in the browser", () => {
  it("lets the enhetschef register a klagomål, answer and close it, and counts it per unit and category", async () => {
    const chef = await e2e.loginAs("enhetschef");
    await chef.goto(`${e2e.baseUrl}/kvalitet`);
    await chef
      .getByRole("navigation", { name: "Kvalitet" })
      .getByRole("link", { name: "Synpunkter och klagomål" })
      .click();
    await chef
      .getByRole("navigation", { name: "Synpunkter och klagomål" })
      .getByRole("link", { name: "Registrera" })
      .click();
    await chef.getByRole("heading", { name: "Registrera synpunkt eller klagomål" }).waitFor();
    expect(await chef.getByLabel("Enhet", { exact: true }).locator("option:checked").textContent()).toBe(
      "Gruppbostad Almen",
    );
    await chef.getByLabel("Typ", { exact: true }).selectOption("klagomal");
    await chef.getByLabel("Kategori", { exact: true }).selectOption("bemotande");
    await chef.getByLabel("Kanal", { exact: true }).selectOption("epost");
    await chef.getByLabel("Avsändare", { exact: true }).selectOption("anhorig");
    await chef.getByLabel("Mottagandet bekräftat").fill(today);
    await chef
      .getByLabel("Sammanfattning", { exact: true })
      .fill("Anhörig till 19850312-1234 upplevde ett otrevligt bemötande i telefon.");
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.getByRole("button", { name: "Registrera", exact: true }).click();
    const receipt = await waitForText(chef.getByRole("status"), "Registrerad, mottagen");
    expect(receipt).toContain("Ett personnummer maskerades i sammanfattningen");

    // The record: answered today, so in time; then closed.
    await chef.getByRole("link", { name: "Öppna ärendet" }).click();
    await chef.getByRole("heading", { name: /Klagomål .* – Gruppbostad Almen/ }).waitFor();
    const facts = chef.getByRole("definition");
    expect(await facts.allTextContents()).toContain(
      "Anhörig till ********-**** upplevde ett otrevligt bemötande i telefon.",
    );
    await chef.getByLabel("Besvarad", { exact: true }).fill(today);
    await chef.getByLabel("Svaret i korthet").fill("Enhetschefen har ringt upp och bett om ursäkt.");
    await chef.getByLabel("Åtgärder").fill("Bemötande tas upp på APT.");
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.getByRole("button", { name: "Avsluta" }).click();
    await waitForText(chef.getByRole("definition").filter({ hasText: "Besvarad i tid" }), "Besvarad i tid");
    await chef.getByRole("button", { name: "Avsluta" }).waitFor({ state: "detached" });
    expect(await chef.getByRole("form", { name: "Handlägg synpunkten" }).count()).toBe(0);

    // This year's statistics for her unit count it under Bemötande.
    await chef
      .getByRole("navigation", { name: "Synpunkter och klagomål" })
      .getByRole("link", { name: "Statistik" })
      .click();
    await chef.getByRole("heading", { name: "Statistik över synpunkter och klagomål" }).waitFor();
    await chef.getByLabel("År", { exact: true }).selectOption(year);
    const table = chef.getByRole("table", { name: `Klagomål ${year} per enhet och kategori` });
    await waitForText(table, "Gruppbostad Almen");
    const cells = await table
      .getByRole("row", { name: /Gruppbostad Almen/ })
      .locator("td")
      .allTextContents();
    expect(cells).toEqual(["–", "–", "1", "–", "1"]);
    const sums = await table.locator("tfoot td").allTextContents();
    expect(sums).toEqual(["0", "0", "1", "0", "1"]);
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.screenshot({ path: "test-results/klagomal-statistik.png", fullPage: true });
  });
});
