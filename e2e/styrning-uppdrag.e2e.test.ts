import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("uppdrag in the browser", () => {
  it("lists the plan's uppdrag by report-back month, filters by who decided, and takes a follow-up", async () => {
    const page = await e2e.loginAs("controller");
    await page.goto(`${e2e.baseUrl}/styrning/uppdrag?ar=2023`);
    const table = page.getByRole("region", { name: "Uppdrag 2023" });
    await waitForText(table, "Införa e-tjänst för ansökan om ekonomiskt bistånd.");
    const rows = table.getByRole("row");
    // Heading row, then by report-back month: U2 (juni 2023), U1 (september 2023), U3 (mars 2024).
    expect(await rows.nth(1).textContent()).toContain("U2");
    expect(await rows.nth(1).textContent()).toContain("juni 2023Muntligt till utskottet");
    expect(await rows.nth(2).textContent()).toContain("september 2023Skriftligt till nämnden");
    expect(await rows.nth(3).textContent()).toContain("mars 2024");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Beslutat av").selectOption("kf");
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1);
    expect(await rows.nth(1).textContent()).toContain("U1");

    const u1 = rows.nth(1);
    await u1.getByText("Följ upp U1").click();
    await u1.getByLabel("Datum").fill("2023-09-20");
    await u1.getByLabel("Status").selectOption("klar");
    await u1.getByRole("textbox", { name: "Uppföljning" }).fill("Planen redovisad skriftligt för nämnden i september.");
    await u1.getByRole("button", { name: "Spara uppföljning" }).click();
    await waitForText(u1, "Planen redovisad skriftligt för nämnden i september.");
    expect(await u1.textContent()).toContain("Klar");
    await page.getByLabel("Beslutat av").selectOption("");
    await page.screenshot({ path: "test-results/styrning-uppdrag.png", fullPage: true });

    // The goal tree shows who decided each goal and uppdrag, and filters on it.
    await page.goto(`${e2e.baseUrl}/styrning?ar=2023`);
    const tree = page.getByRole("list", { name: "Målträd Förvaltningsbudget 2023 – Individ & Familjeomsorg" });
    await waitForText(tree, "U3 Införa e-tjänst");
    await page.getByRole("combobox", { name: "Beslutad av" }).selectOption("kf");
    await page.waitForFunction(() => !document.body.textContent?.includes("U3 Införa e-tjänst"));
    expect(await tree.textContent()).toContain("U1 Ta fram en plan");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-tree-kf.png", fullPage: true });
    await page.context().close();
  });

  it("creates an uppdrag, shows the refusal of a bad report-back month, and changes who decided it", async () => {
    const page = await e2e.loginAs("controller");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${e2e.baseUrl}/styrning/uppdrag?ar=2023`);
    const table = page.getByRole("region", { name: "Uppdrag 2023" });
    await waitForText(table, "U3");
    await page.getByRole("button", { name: "Nytt uppdrag" }).click();
    const form = page.getByRole("region", { name: "Nytt uppdrag 2023" });
    await form.getByLabel("Nummer").fill("U4");
    await form.getByLabel("Beslutat av").selectOption("kf");
    await form
      .getByLabel("Mål", { exact: true })
      .selectOption({ label: "1 Vi har nöjda och delaktiga brukare/klienter som får rätt insats på rätt nivå" });
    // Only the nämnd's own units carry out its plan: Vård & Omsorg's are not offered.
    const owners = await form.getByLabel("Ansvarig enhet").locator("option").allTextContents();
    expect(owners).toContain("Barn och unga (enhet)");
    expect(owners.some((o) => o.startsWith("Hemtjänst"))).toBe(false);
    expect(owners.some((o) => o.startsWith("Kungsbacka kommun"))).toBe(false);
    await form.getByLabel("Ansvarig enhet").selectOption({ label: "Barn och unga (enhet)" });
    await form.getByLabel("Slutdatum").fill("2024-06-30");
    await form.getByLabel("Månad (ÅÅÅÅ-MM)").fill("2023-13");
    await form.getByLabel("Till").selectOption("utskott");
    await form.getByRole("textbox", { name: "Uppdrag" }).fill("Följa upp hemmaplanslösningarna för placerade barn.");
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Skapa uppdrag" }).click();
    await waitForText(form.getByRole("alert"), "Återrapporteringsmånad");
    expect(await form.getByRole("alert").textContent()).toContain("Ange månaden som ÅÅÅÅ-MM");
    await page.screenshot({ path: "test-results/styrning-uppdrag-new.png", fullPage: true });

    await form.getByLabel("Månad (ÅÅÅÅ-MM)").fill("2023-11");
    await form.getByRole("button", { name: "Skapa uppdrag" }).click();
    await form.waitFor({ state: "detached" });
    const u4 = table.getByRole("row").filter({ hasText: "Följa upp hemmaplanslösningarna" });
    await waitForText(u4, "november 2023");
    expect(await u4.textContent()).toContain("KF");
    expect(await u4.textContent()).toContain("Skriftligt till utskottet");
    expect(await u4.textContent()).toContain("Barn och unga");
    expect(await u4.textContent()).toContain("2024-06-30");

    await u4.getByRole("button", { name: "Ändra U4" }).click();
    const edit = page.getByRole("region", { name: "Ändra uppdrag U4" });
    expect(await edit.getByLabel("Slutdatum").inputValue()).toBe("2024-06-30");
    await edit.getByLabel("Beslutat av").selectOption("namnd");
    await edit.getByLabel("Slutdatum").fill("2024-09-30");
    await edit.getByLabel("Startdatum").fill("2024-12-01");
    await edit.getByRole("button", { name: "Spara ändringar" }).click();
    // The server's check of the dates comes back in Swedish, naming the field; nothing is saved.
    await waitForText(edit.getByRole("alert"), "Slutdatum");
    expect(await u4.textContent()).toContain("KF");
    await edit.getByLabel("Startdatum").fill("");
    await edit.getByRole("button", { name: "Spara ändringar" }).click();
    await edit.waitFor({ state: "detached" });
    await waitForText(u4, "2024-09-30");
    expect(await u4.textContent()).toContain("Nämnd");
    await page.getByLabel("Beslutat av").selectOption("kf");
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1);
    expect(await page.locator("tbody").textContent()).not.toContain("Följa upp hemmaplanslösningarna");
    await page.context().close();
  });
});
