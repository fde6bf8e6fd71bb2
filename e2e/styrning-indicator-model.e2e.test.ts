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

/** The demo's indicator ids by name, read through the API as the signed-in user. */
async function indicatorIds(page: Page): Promise<Record<string, string>> {
  const res = await page.request.get(`${e2e.baseUrl}/api/styrning/indicators?orgNodeId=${e2e.demo.nodes.ifo?.id}`);
  expect(res.status()).toBe(200);
  return Object.fromEntries(((await res.json()) as { id: string; name: string }[]).map((i) => [i.name, i.id]));
}

describe("the indicator model in the browser: forecasts, dimensions and relations", () => {
  it("enters a forecast, gives an indicator a dimension and values per member, and edits its relations", async () => {
    const page = await e2e.loginAs("controller");
    await page.setViewportSize({ width: 1366, height: 900 });
    const ids = await indicatorIds(page);
    const placed = ids["Placerade barn och unga"];
    const family = ids["Placerade i familjehem"];

    // A forecast sits in its own row and never replaces the outcome.
    await page.goto(`${e2e.baseUrl}/styrning/indikatorer/${placed}?ar=2024`);
    const forecastRow = page.getByRole("row", { name: /^Prognos/ });
    await waitForText(forecastRow, "45");
    await page.getByLabel("Prognos (antal)").fill("44");
    await page.getByRole("button", { name: "Spara prognos" }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("tr.styrning-forecast")].some((r) => r.textContent?.includes("44")),
    );
    const outcomes = () =>
      page
        .getByRole("row", { name: /^Totalt/ })
        .first()
        .textContent();
    expect(await outcomes()).toContain("47");
    expect(await outcomes()).not.toContain("44");
    // Removing the forecast takes its row away and leaves the outcome.
    await page.getByRole("button", { name: "Ta bort prognos 2024" }).click();
    await page.getByRole("list", { name: "Prognoser" }).waitFor({ state: "detached" });
    expect(await page.locator("tr.styrning-forecast").count()).toBe(0);
    expect(await outcomes()).toContain("47");
    // The breakdown by age group, with the sum the indicator is made of and its check.
    await waitForText(page.getByRole("table", { name: /per åldersgrupper barn och unga/ }), "0–12 år");
    const relations = page.getByRole("region", { name: "Samband med andra indikatorer" });
    expect(await relations.textContent()).toContain("Summan av Placerade på HVB");
    expect(await relations.textContent()).toContain("Värdena stämmer med sambanden.");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-indicator-model.png", fullPage: true });

    // A part that already belongs to the whole cannot also contain it: the refusal comes back in Swedish.
    await page.goto(`${e2e.baseUrl}/styrning/indikatorer/${family}?ar=2024`);
    const familyRelations = page.getByRole("region", { name: "Samband med andra indikatorer" });
    await waitForText(familyRelations, "Ingår i summan Placerade barn och unga");
    await familyRelations.getByText("Ändra samband").click();
    const subsets = familyRelations.getByRole("group", { name: "Indikatorn rymmer delmängderna" });
    await subsets.getByLabel("Placerade barn och unga").check();
    await familyRelations.getByRole("button", { name: "Spara delmängder" }).click();
    await waitForText(
      familyRelations.getByRole("alert"),
      "Delindikatorer: Placerade barn och unga innehåller redan Placerade i familjehem.",
    );

    // The family indicator takes the age groups; the grid then asks for a value per age group.
    await page
      .getByLabel("Indelning utöver kön")
      .selectOption({ label: "Åldersgrupper barn och unga (åldersgrupper: 0–12 år, 13–17 år, 18–20 år)" });
    await page.getByRole("button", { name: "Spara indelning" }).click();
    const breakdown = page.getByRole("table", { name: /Placerade i familjehem per åldersgrupper barn och unga/ });
    await waitForText(breakdown, "13–17 år");
    await page.goto(`${e2e.baseUrl}/styrning/varden?ar=2024`);
    const cell = page.getByLabel("Värde för Placerade i familjehem, 2024, 13–17 år");
    await cell.fill("11");
    // The indicator that had its age groups from the start has a row per age group too.
    expect(await page.getByLabel("Värde för Placerade barn och unga, 2024, 0–12 år").count()).toBe(1);
    await page.getByRole("button", { name: "Spara 1 ändring" }).click();
    await page.getByText("Sparat: 1 ändrat värde.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${e2e.baseUrl}/styrning/indikatorer/${family}?ar=2024`);
    await waitForText(breakdown.getByRole("row", { name: /^13–17 år/ }), "11");

    // Without HVB, the sum no longer adds up: the check names the indicator and the year.
    await page.goto(`${e2e.baseUrl}/styrning/indikatorer/${placed}?ar=2024`);
    await relations.getByText("Ändra samband").click();
    await relations.getByRole("group", { name: "Indikatorn är summan av" }).getByLabel("Placerade på HVB").uncheck();
    await relations.getByRole("button", { name: "Spara summa" }).click();
    const problems = relations.getByRole("list", { name: "Värden som inte stämmer med sambanden" });
    await waitForText(
      problems,
      "Placerade barn och unga 2023: summan av Placerade i familjehem är 29, men Placerade barn och unga är 47.",
    );
    expect(await relations.textContent()).not.toContain("Summan av Placerade på HVB");

    // A new breakdown is made on the page: the server's refusal of a bad code is shown, then it can be chosen.
    await page.locator("summary", { hasText: "Ny indelning" }).click();
    const newDimension = page.getByRole("form", { name: "Ny indelning" });
    await newDimension.getByLabel("Namn på indelningen").fill("Målgrupper placering");
    await newDimension.getByLabel("Slag av indelning").selectOption({ label: "Målgrupper" });
    await newDimension.getByLabel("Kod, del 1").fill("flickor");
    await newDimension.getByLabel("Benämning, del 1").fill("Flickor");
    await newDimension.getByLabel("Kod, del 2").fill("Pojkar och unga män");
    await newDimension.getByLabel("Benämning, del 2").fill("Pojkar och unga män");
    await newDimension.getByRole("button", { name: "Lägg till del" }).click();
    await newDimension.getByLabel("Kod, del 3").fill("ovriga");
    await newDimension.getByLabel("Benämning, del 3").fill("Övriga");
    await newDimension.getByRole("button", { name: "Skapa indelning" }).click();
    await waitForText(newDimension.getByRole("alert"), "Delar, rad 2 – Kod: Koden får innehålla a–z, 0–9");
    await newDimension.getByLabel("Kod, del 2").fill("pojkar");
    await newDimension.getByRole("button", { name: "Skapa indelning" }).click();
    await waitForText(newDimension.getByRole("status"), "Indelningen Målgrupper placering är skapad");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page
      .getByLabel("Indelning utöver kön")
      .getByRole("option", { name: /^Målgrupper placering \(målgrupper: Flickor, Pojkar och unga män, Övriga\)$/ })
      .waitFor({ state: "attached" });
    await page.context().close();
  });

  it("shows an indicator by age group and unit with a conditional target, and sets one for a combination", async () => {
    const page = await e2e.loginAs("controller");
    await page.setViewportSize({ width: 1366, height: 900 });
    const ids = await indicatorIds(page);
    const inTime = ids["Barnavårdsutredningar klara inom fyra månader"];

    await page.goto(`${e2e.baseUrl}/styrning/indikatorer/${inTime}?ar=2023`);
    const breakdown = page.getByRole("table", {
      name: /per åldersgrupper barn och unga och enheter barn och unga/,
    });
    // 13–17 år in the investigation group had enough cases and met 90 %; 18–20 år had too few for a target.
    await waitForText(breakdown.getByRole("row", { name: /^13–17 år · Utredningsgruppen/ }), "Ja");
    expect(await breakdown.getByRole("row", { name: /^18–20 år · Utredningsgruppen/ }).textContent()).toContain(
      "90 % om Inledda barnavårdsutredningar är minst 20, annars inget målvärde",
    );
    const targets = page.getByRole("table", { name: "Målvärden per år" });
    await waitForText(targets, "Om Inledda barnavårdsutredningar är minst 20, annars inget målvärde");
    expect(await page.getByRole("list").filter({ hasText: "Målvärdet gäller om" }).textContent()).toContain(
      "2023: villkoret är uppfyllt",
    );
    expect(await page.getByLabel("Andra indelning").inputValue()).not.toBe("");

    // A target for one combination, in force only with at least 5 cases.
    await page.getByLabel("Målvärde", { exact: true }).fill("85 %");
    await page.getByLabel("Gäller", { exact: true }).selectOption({ label: "18–20 år · Mottagningen" });
    await page.getByLabel("Gäller om").selectOption({ label: "Inledda barnavårdsutredningar" });
    await page.getByLabel("Villkor", { exact: true }).selectOption({ label: "minst" });
    await page.getByLabel("Villkorsvärde").fill("5");
    await page.getByRole("button", { name: "Spara målvärde" }).click();
    await waitForText(
      breakdown.getByRole("row", { name: /^18–20 år · Mottagningen/ }),
      "85 % om Inledda barnavårdsutredningar är minst 5, annars inget målvärde",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-indicator-dimensions.png", fullPage: true });
    // The combination's own target is removed from its row; the others stay.
    await page.getByRole("button", { name: "Ta bort målvärdet för 18–20 år · Mottagningen" }).click();
    await page.getByRole("button", { name: "Ta bort målvärdet för 18–20 år · Mottagningen" }).waitFor({
      state: "detached",
    });
    expect(await breakdown.getByRole("row", { name: /^18–20 år · Mottagningen/ }).textContent()).not.toContain("85 %");
    expect(await breakdown.getByRole("row", { name: /^13–17 år · Utredningsgruppen/ }).textContent()).toContain("90 %");

    // The entry grid asks for a value per combination.
    await page.goto(`${e2e.baseUrl}/styrning/varden?ar=2024`);
    const cell = page.getByLabel(
      "Värde för Barnavårdsutredningar klara inom fyra månader, 2024, 13–17 år · Mottagningen",
    );
    await cell.fill("88");
    await page.getByRole("button", { name: "Spara 1 ändring" }).click();
    await page.getByText("Sparat: 1 ändrat värde.").waitFor();
    await page.goto(`${e2e.baseUrl}/styrning/indikatorer/${inTime}?ar=2024`);
    await waitForText(breakdown.getByRole("row", { name: /^13–17 år · Mottagningen/ }), "88");
    await page.context().close();
  });
});
