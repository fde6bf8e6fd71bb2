import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("styrning in the browser", () => {
  it("lets a controller enter a value, set an assessment and see the chart update", async () => {
    const page = await e2e.loginAs("controller");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Styrning" }).click();
    const tree = page.getByRole("list", { name: "Målträd Förvaltningsbudget 2023 – Individ & Familjeomsorg" });
    await waitForText(tree, "Vi är en attraktiv arbetsgivare");
    expect(await accessibilityViolations(page)).toEqual([]);
    await tree.getByRole("link", { name: "4 Vi är en attraktiv arbetsgivare" }).click();
    await page.getByRole("heading", { name: "4 Vi är en attraktiv arbetsgivare", level: 1 }).waitFor();

    const card = page.getByRole("article", { name: "Hållbart medarbetarengagemang (HME)" });
    const chart = card.locator(".chart");
    expect(await chart.getAttribute("aria-label")).toContain("Totalt: 2020 79, 2021 74, 2022 75, 2023 –");
    const drawnBefore = await chart.locator("svg path").count();
    const row = card.getByRole("row", { name: /^Totalt/ });
    expect(await row.textContent()).toBe("Totalt797475––");

    await card.getByLabel("Värde för Hållbart medarbetarengagemang (HME)", { exact: true }).fill("77");
    await card.getByRole("button", { name: "Spara värde" }).click();
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll("article")]
          .find((a) => a.querySelector("h3")?.textContent === name)
          ?.querySelector("[role=img]")
          ?.getAttribute("aria-label")
          ?.includes("2023 77"),
      "Hållbart medarbetarengagemang (HME)",
    );
    expect(await row.textContent()).toBe("Totalt79747577–");
    // The chart itself redrew: the line gained a fourth point.
    expect(await chart.locator("svg path").count()).toBeGreaterThan(drawnBefore);

    const assessment = page.getByRole("form", { name: "Bedöm målet" });
    await assessment.getByLabel("Vi har inte nått målet men är på rätt väg").check();
    await assessment.getByLabel("Analys och kommentar").fill("Engagemanget ökade till 77 men stoltheten sjönk.");
    await assessment.getByRole("button", { name: "Spara bedömning" }).click();
    await waitForText(page.getByTestId("current-assessment"), "Engagemanget ökade till 77");
    expect(await page.getByTestId("current-assessment").textContent()).toContain(
      "Vi har inte nått målet men är på rätt väg",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-goal.png", fullPage: true });
    await page.context().close();
  });

  it("shows the entry grid with 2022 locked and Vård & Omsorg's target flagged", async () => {
    const page = await e2e.loginAs("controller");
    await page.goto(`${e2e.baseUrl}/styrning/varden?ar=2022`);
    await waitForText(page.getByRole("main"), "Låsta perioder: 2022");
    expect(await page.getByLabel("Värde för Antal e-tjänster, 2022, Totalt").inputValue()).toBe("22");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-grid.png", fullPage: true });
    await page.context().close();

    const vo = await e2e.loginAs("vo-controller");
    await vo.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Styrning" }).click();
    await vo.getByRole("link", { name: "3 Personalomsättningen minskar" }).click();
    await waitForText(vo.getByRole("main"), "Målvärde 2022: Målvärdet 12 för 2022 är sämre än utfallet 11,85 för 2021");
    await vo.context().close();
  });

  it("gives an enhetschef the activity board of her unit", async () => {
    const page = await e2e.loginAs("enhetschef");
    await page.goto(`${e2e.baseUrl}/styrning/aktiviteter?ar=2023`);
    const column = page.getByRole("region", { name: "Pågår (1)" });
    await waitForText(column, "Införa mobil dokumentation i gruppbostaden");
    expect(await column.textContent()).toContain("Brukare:");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-activities.png", fullPage: true });
    await page.context().close();
  });

  it("lets a controller add a goal to the tree and an admin see the model form", async () => {
    const page = await e2e.loginAs("controller");
    await page.goto(`${e2e.baseUrl}/styrning?ar=2023`);
    await page.getByText("Nytt mål").click();
    await page.getByLabel("Under").selectOption({ label: "Vision 2030" });
    await page.getByLabel("Nummer").fill("5");
    await page.getByLabel("Rubrik").fill("Vi samverkar med civilsamhället");
    await page.getByRole("button", { name: "Skapa mål" }).click();
    const tree = page.getByRole("list", { name: "Målträd Förvaltningsbudget 2023 – Individ & Familjeomsorg" });
    await waitForText(tree, "5 Vi samverkar med civilsamhället");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-tree.png", fullPage: true });
    await page.context().close();

    const admin = await e2e.loginAs("admin");
    await admin.getByLabel("Organisation").selectOption(e2e.demo.nodes.ifo?.id ?? "");
    await admin.goto(`${e2e.baseUrl}/styrning`);
    await admin.getByText("Ny målmodell för Nämnden för Individ & Familjeomsorg").click();
    await admin.getByLabel("Namn på nivå 1").waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.context().close();
  });
});
