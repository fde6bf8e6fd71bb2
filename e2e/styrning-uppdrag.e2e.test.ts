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
    await u1.getByLabel("Uppföljning").fill("Planen redovisad skriftligt för nämnden i september.");
    await u1.getByRole("button", { name: "Spara uppföljning" }).click();
    await waitForText(u1, "Planen redovisad skriftligt för nämnden i september.");
    expect(await u1.textContent()).toContain("Klar");
    await page.getByLabel("Beslutat av").selectOption("");
    await page.screenshot({ path: "test-results/styrning-uppdrag.png", fullPage: true });

    // The goal tree shows who decided each goal and uppdrag, and filters on it.
    await page.goto(`${e2e.baseUrl}/styrning?ar=2023`);
    const tree = page.getByRole("list", { name: "Målträd Förvaltningsbudget 2023 – Individ & Familjeomsorg" });
    await waitForText(tree, "U3 Införa e-tjänst");
    await page.getByLabel("Beslutad av").selectOption("kf");
    await page.waitForFunction(() => !document.body.textContent?.includes("U3 Införa e-tjänst"));
    expect(await tree.textContent()).toContain("U1 Ta fram en plan");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/styrning-tree-kf.png", fullPage: true });
    await page.context().close();
  });
});
