import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("open data in the public area", () => {
  it("shows the published goal follow-up without login: table, chart, publishing date and downloads", async () => {
    const reader = await e2e.newPage();
    await reader.setViewportSize({ width: 1366, height: 900 });
    await reader.goto(`${e2e.baseUrl}/offentligt`);
    const section = reader.getByRole("region", { name: "Öppna data" });
    await section.getByRole("link", { name: "Måluppföljning 2023" }).click();
    await reader.getByRole("heading", { level: 1, name: "Måluppföljning 2023" }).waitFor();
    await waitForText(reader.locator(".public-facts"), "Publicerad");

    const values = reader.getByRole("region", { name: "Indikatorer: utfall per år och kön" });
    await values.getByRole("img").first().waitFor();
    const indicator = reader.getByLabel("Indikator", { exact: true });
    const options = await indicator.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(3);
    await indicator.selectOption({ label: "Utredningstid barn och unga 0–20 år" });
    const frame = reader.getByRole("region", { name: "Indikatorer: utfall per år och kön" }).getByRole("table");
    await waitForText(frame, "Flickor");
    expect(await frame.textContent()).not.toContain("Utredningstid LSS");

    // The CSV behind the table is the same data, machine-readable.
    const csvHref = await values.getByRole("link", { name: "Ladda ner tabellen som CSV" }).getAttribute("href");
    const csv = await reader.request.get(`${e2e.baseUrl}${csvHref}`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[0]).toContain("indikator;enhet;ar;kon");

    expect(await accessibilityViolations(reader)).toEqual([]);
  }, 120_000);
});
