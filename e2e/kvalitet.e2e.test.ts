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
const what = "Kvällsmedicinen gavs inte enligt signeringslistan till 19850312-1234.";

describe("händelser in the browser", () => {
  it("lets staff report, the enhetschef classify and close, and counts it in the statistics", async () => {
    // Staff report on their unit and see no list of händelser.
    const staff = await e2e.loginAs("medarbetare");
    await staff.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kvalitet" }).click();
    await staff.getByRole("heading", { name: "Rapportera händelse" }).waitFor();
    expect(
      await staff.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Händelser" }).count(),
    ).toBe(0);
    expect(await staff.getByLabel("Enhet", { exact: true }).locator("option:checked").textContent()).toBe(
      "Gruppbostad Almen",
    );
    await staff.getByLabel("Inträffade").fill(addDays(today, -2));
    await staff.getByLabel("Upptäcktes").fill(addDays(today, -1));
    await staff.getByLabel("Beskriv vad som hände").fill(what);
    await staff.getByLabel("Omedelbar åtgärd").fill("Sjuksköterskan kontaktades.");
    expect(await accessibilityViolations(staff)).toEqual([]);
    await staff.getByRole("button", { name: "Skicka rapporten" }).click();
    const receipt = await waitForText(staff.getByRole("status"), "Händelsen är rapporterad");
    expect(receipt).toContain("Ett personnummer maskerades i vad som hände");
    await staff.context().close();

    // The enhetschef finds it among the reported ones on her unit.
    const chef = await e2e.loginAs("enhetschef");
    await chef.goto(`${e2e.baseUrl}/kvalitet/handelser`);
    const row = chef.getByRole("row").filter({ hasText: "Kvällsmedicinen gavs inte enligt signeringslistan" });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain("********-****");
    expect(await accessibilityViolations(chef)).toEqual([]);
    await row.first().getByRole("link").click();
    await chef.getByRole("heading", { name: /Händelse .* – Gruppbostad Almen/ }).waitFor();

    // Closing before classification names what is missing.
    await chef.getByLabel("Utredning", { exact: true }).fill("Signeringslistan lästes fel vid passbytet.");
    await chef.getByRole("button", { name: "Avsluta som utredd" }).click();
    await waitForText(chef.getByRole("alert"), "Klassificera händelsen med minst en typ");

    await chef.getByRole("checkbox", { name: "Läkemedel" }).check();
    await chef.getByRole("checkbox", { name: "Handhavandefel" }).check();
    await chef.getByLabel("Åtgärder", { exact: true }).fill("Genomgång på APT.");
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.getByRole("button", { name: "Avsluta som utredd" }).click();
    const facts = await waitForText(chef.getByRole("definition").filter({ hasText: "Utredd och avslutad" }), today);
    expect(facts).toContain("Utredd och avslutad");
    expect(await chef.getByRole("button", { name: "Avsluta som utredd" }).count()).toBe(0);
    await chef.screenshot({ path: "test-results/kvalitet-event.png", fullPage: true });

    // This year's statistics for her unit count it, by type and by quarter.
    await chef.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Statistik" }).click();
    await chef.getByRole("heading", { name: "Händelsestatistik" }).waitFor();
    await waitForText(chef.locator("#kv-total"), "1");
    const byType = await waitForText(chef.getByRole("table", { name: "Avvikelser per typ" }), "Läkemedel");
    const lakemedel = await chef
      .getByRole("table", { name: "Avvikelser per typ" })
      .getByRole("row", { name: /Läkemedel/ })
      .allTextContents();
    expect(byType).toContain("Läkemedel");
    expect(lakemedel[0]?.replace(/\s+/g, " ").trim()).toMatch(/Läkemedel.*0\s*1$/);
    const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
    const area = chef.getByRole("table", { name: /per verksamhetsområde och kvartal/ }).getByRole("row", {
      name: /Bostad med särskild service/,
    });
    const cells = await area.locator("td").allTextContents();
    expect(cells[quarter - 1]).toBe("1");
    expect(cells[4]).toBe("1");
    expect(await accessibilityViolations(chef)).toEqual([]);
    await chef.screenshot({ path: "test-results/kvalitet-statistics.png", fullPage: true });
    await chef.context().close();
  });
});
