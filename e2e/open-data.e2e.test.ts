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

describe("deciding what is open data", () => {
  it("lets the nämndsekreterare publish a dataset for a period and withdraw it; a förtroendevald only reads the list", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.goto(`${e2e.baseUrl}/namnd/oppna-data`);
    await page.getByRole("heading", { level: 1, name: "Öppna data" }).waitFor();
    const published = page.getByRole("region", { name: "Publicerat" });
    await waitForText(published, "Måluppföljning 2023");
    expect(await published.textContent()).not.toContain("Kvalitet, statistik 2022");

    // A quarter is not a period of the yearly kvalitet statistics: the server's rule, in plain Swedish.
    const form = page.getByRole("form", { name: "Publicera öppna data" });
    await form.getByLabel("Datamängd").selectOption({ label: "Kvalitet, statistik" });
    await form.getByLabel(/^Period/).fill("2022Q4");
    await form.getByRole("button", { name: "Publicera" }).click();
    await waitForText(form.getByRole("alert"), "publiceras för ett år");
    await form.getByLabel(/^Period/).fill("2022");
    await form.getByRole("button", { name: "Publicera" }).click();
    await waitForText(form.getByRole("status"), "Publicerad: Kvalitet, statistik 2022");
    await waitForText(published, "Kvalitet, statistik 2022");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Public at once, and gone from the public catalogue once withdrawn.
    const catalogue = async () =>
      (await (await page.request.get(`${e2e.baseUrl}/api/public/oppna-data`)).json()) as {
        datasets: { title: string }[];
      };
    expect((await catalogue()).datasets.map((d) => d.title)).toContain(
      "Kvalitet, statistik 2022, Nämnden för Individ & Familjeomsorg",
    );
    page.once("dialog", (dialog) => dialog.accept());
    await published.getByRole("button", { name: /^Avpublicera Kvalitet, statistik 2022/ }).click();
    // The row's link alone: while the row stands, its text is also in the withdraw button's hidden name.
    await published.getByRole("link", { name: /^Kvalitet, statistik 2022/ }).waitFor({ state: "detached" });
    expect((await catalogue()).datasets.map((d) => d.title)).not.toContain(
      "Kvalitet, statistik 2022, Nämnden för Individ & Familjeomsorg",
    );

    const reader = await e2e.loginAs("fortroendevald");
    await reader.goto(`${e2e.baseUrl}/namnd/oppna-data`);
    await waitForText(reader.getByRole("region", { name: "Publicerat" }), "Måluppföljning 2023");
    expect(await reader.getByRole("form", { name: "Publicera öppna data" }).count()).toBe(0);
    expect(await reader.getByRole("button", { name: /^Avpublicera/ }).count()).toBe(0);
  }, 120_000);
});
