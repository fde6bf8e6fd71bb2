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

describe("a sammanträde in the browser", () => {
  it("puts a registered case on the agenda, records the beslut and the justering, and gives the utdrag as Word and PDF", async () => {
    const page = await e2e.loginAs("sekreterare");
    const nav = page.getByRole("navigation", { name: "Nämnd" });
    await page.goto(`${e2e.baseUrl}/namnd/nytt`);
    await page.getByLabel("Rubrik", { exact: true }).fill("Yttrande över remiss om hemlöshetsstrategi");
    await page.getByLabel("Ärendetyp").selectOption({ label: "Remiss och yttrande" });
    await page.getByRole("button", { name: "Registrera" }).click();
    const heading = page.getByRole("heading", { name: /Yttrande över remiss om hemlöshetsstrategi/ });
    await heading.waitFor();
    const diarienummer = /IF-\d{4}-\d{5}/.exec((await heading.textContent()) ?? "")?.[0] as string;

    // The calendar shows the demo's meetings; a new one is planned for today.
    await nav.getByRole("link", { name: "Sammanträden" }).click();
    await waitForText(page.getByRole("table"), "2024-02-15");
    await page.getByLabel("Organ", { exact: true }).selectOption({ label: "Nämnden för Individ & Familjeomsorg" });
    await page.getByLabel("Datum", { exact: true }).fill(today);
    await page.getByLabel("Tid", { exact: true }).fill("13:00");
    await page.getByLabel("Plats", { exact: true }).fill("Kommunhuset");
    await page.getByRole("button", { name: "Planera" }).click();
    await page.getByRole("heading", { name: `Nämnden för Individ & Familjeomsorg ${today}` }).waitFor();

    await page.getByLabel("Ärende (diarienummer)").fill(diarienummer.replace("IF-", "IF "));
    await page.getByRole("button", { name: "Lägg till ärendet" }).click();
    await waitForText(page.getByRole("list").filter({ hasText: "Yttrande över remiss" }).first(), diarienummer);

    await page.getByRole("button", { name: "Lägg till person" }).click();
    await page.getByLabel("Namn rad 1").fill("Olof Ordförande");
    await page.getByLabel("Parti rad 1").fill("S");
    await page.getByLabel("Roll rad 1").selectOption({ label: "Ordförande" });
    await page.getByRole("button", { name: "Lägg till person" }).click();
    await page.getByLabel("Namn rad 2").fill("Vera Vice");
    await page.getByLabel("Parti rad 2").fill("M");
    await page.getByLabel("Vera Vice justerare").check();
    await page.getByRole("button", { name: "Spara närvaron" }).click();
    await waitForText(page.getByRole("status"), "Närvaron är sparad.");

    await page.getByRole("button", { name: "Skicka kallelsen" }).click();
    await page.getByRole("button", { name: "Markera som genomfört" }).click();
    await page.getByLabel("Beslut § 1").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page
      .getByLabel("Beslut § 1")
      .fill("Nämnden för Individ & Familjeomsorg avger yttrande enligt förvaltningens förslag.");
    await page.getByRole("button", { name: "Lägg till yrkande" }).click();
    await page.getByLabel("Yrkande", { exact: true }).fill("Bifall till förvaltningens förslag.");
    await page.getByLabel("Beslutet skickas till (kommaseparerat)").fill("Kommunstyrelsen");
    await page.getByRole("button", { name: "Spara § 1" }).click();
    await waitForText(page.locator(".protocol").first(), "Ordföranden finner att det finns ett förslag till beslut");

    await page.getByLabel("Justeringsdag").fill(today);
    await page.getByRole("button", { name: "Justera protokollet" }).click();
    const extracts = page.getByRole("list", { name: "Protokollsutdrag § 1" });
    await waitForText(extracts, "Utdrag till Kommunstyrelsen");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/namnd-meeting.png", fullPage: true });

    const word = await page.request.get(
      `${e2e.baseUrl}${await extracts.getByRole("link", { name: "Word" }).getAttribute("href")}`,
    );
    expect(word.status()).toBe(200);
    expect((await word.body()).subarray(0, 2).toString()).toBe("PK");
    const pdf = await page.request.get(
      `${e2e.baseUrl}${await extracts.getByRole("link", { name: "PDF" }).getAttribute("href")}`,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
    await page.context().close();
  });

  it("shows the February 2024 agenda's standing items with their counts, lex Sarah in memo form for the sekreterare, and gives the kallelse", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.goto(`${e2e.baseUrl}/namnd/sammantraden`);
    await page.getByRole("link", { name: "2024-02-15" }).click();
    const item = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /Anmälan av delegeringsbeslut/ }) });
    await waitForText(item, "Antal: 51");
    await item.getByText("Visa rader").click();
    await waitForText(item, "Avtal (32)");
    const lexSarah = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Lex Sarah/ }) });
    await waitForText(lexSarah, "Antal:");
    expect(await lexSarah.textContent()).not.toContain("Ej behörig");
    await page.screenshot({ path: "test-results/namnd-meeting-agenda.png", fullPage: true });

    const kallelse = page.getByText("Kallelsen:");
    const word = await page.request.get(
      `${e2e.baseUrl}${await kallelse.getByRole("link", { name: "Word" }).getAttribute("href")}`,
    );
    expect(word.status()).toBe(200);
    expect(word.headers()["content-disposition"]).toContain("Kallelse");
    expect((await word.body()).subarray(0, 2).toString()).toBe("PK");
    const pdf = await page.request.get(
      `${e2e.baseUrl}${await kallelse.getByRole("link", { name: "PDF" }).getAttribute("href")}`,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
    await page.context().close();
  });
});
