// The whole chain (#14, Checks): register a case, write a tjänsteskrivelse, put it on an agenda, record
// the decision and justering, export the protokollsutdrag as DOCX and PDF — as the nämndsekreterare, through
// the UI only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../src/platform/calendar.ts";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
// Seeding every capability's demo data takes long on a loaded machine.
beforeAll(async () => {
  e2e = await startE2E();
}, 300_000);
afterAll(async () => {
  await e2e?.close();
});

const today = todayInSweden();
const title = "Yttrande över remiss om föreningsstöd till brottsofferjourer";
const proposal =
  "Nämnden för Individ & Familjeomsorg avger yttrande till Kommunstyrelsen enligt förvaltningens förslag.";

describe("the nämnd's chain from case to protokollsutdrag", () => {
  it("registers a case, writes its memo, puts it on an agenda, decides it with §, justerar and exports the utdrag", async () => {
    const page = await e2e.loginAs("sekreterare");
    const nav = page.getByRole("navigation", { name: "Nämnd" });

    // 1. Register the case.
    await page.goto(`${e2e.baseUrl}/namnd`);
    await nav.getByRole("link", { name: "Registrera ärende" }).click();
    await page.getByLabel("Rubrik", { exact: true }).fill(title);
    await page.getByLabel("Ärendetyp").selectOption({ label: "Remiss och yttrande" });
    await page.getByRole("button", { name: "Registrera" }).click();
    const heading = page.getByRole("heading", { name: new RegExp(title) });
    await heading.waitFor();
    const diarienummer = /IF-\d{4}-\d{5}/.exec((await heading.textContent()) ?? "")?.[0] as string;
    expect(diarienummer).toMatch(new RegExp(`^IF-${today.slice(0, 4)}-\\d{5}$`));

    // 2. Write the tjänsteskrivelse and mark it klar.
    await page.getByRole("link", { name: "Skriv tjänsteskrivelse" }).click();
    await page.getByRole("heading", { name: `Ny tjänsteskrivelse – ${diarienummer}` }).waitFor();
    await page.getByLabel("Rubrik", { exact: true }).fill(title);
    await page.getByLabel("Beslutsverb, sats 1").selectOption({ label: "avger yttrande" });
    await page.getByLabel("Resten av satsen, sats 1").fill("till Kommunstyrelsen enligt förvaltningens förslag");
    await page
      .getByLabel("Sammanfattning av ärendet")
      .fill("Kommunstyrelsen har remitterat ett förslag om föreningsstöd.");
    await page.getByLabel("Beslutet skickas till (en mottagare per rad)").fill("Kommunstyrelsen");
    await page.getByLabel("Namn, underskrift 1").fill("Fia Förvaltningschef");
    await page.getByLabel("Titel, underskrift 1").fill("Förvaltningschef");
    await waitForText(page.getByRole("article", { name: "Förhandsgranskning av tjänsteskrivelsen" }), proposal);
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await page.getByRole("heading", { name: `Tjänsteskrivelse – ${title}` }).waitFor();
    await page.getByRole("button", { name: "Markera klar" }).click();
    await waitForText(page.locator(".memo-status"), "Klar");

    // 3. Put the case on the agenda of a meeting today; the agenda carries the memo's förslag till beslut.
    await nav.getByRole("link", { name: "Sammanträden" }).click();
    await page.getByLabel("Organ", { exact: true }).selectOption({ label: "Nämnden för Individ & Familjeomsorg" });
    await page.getByLabel("Datum", { exact: true }).fill(today);
    await page.getByLabel("Tid", { exact: true }).fill("13:00");
    await page.getByLabel("Plats", { exact: true }).fill("Kommunhuset");
    await page.getByRole("button", { name: "Planera" }).click();
    await page.getByRole("heading", { name: `Nämnden för Individ & Familjeomsorg ${today}` }).waitFor();
    await page.getByLabel("Ärende (diarienummer)").fill(diarienummer);
    await page.getByRole("button", { name: "Lägg till ärendet" }).click();
    const agendaItem = page.getByRole("listitem").filter({ hasText: title }).first();
    await waitForText(agendaItem, diarienummer);
    await waitForText(agendaItem, `Förslag till beslut: ${proposal}`);

    // The roster: an ordförande and a justerare, then kallelse and the meeting held.
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

    // 4. The decision under its §: the § number is issued when the meeting is held.
    const label = page.locator("label").filter({ hasText: /^Beslut § \d+$/ });
    await label.waitFor();
    const paragraph = /§ (\d+)/.exec(await label.innerText())?.[1] as string;
    const beslut = page.getByLabel(`Beslut § ${paragraph}`, { exact: true });
    expect(Number(paragraph)).toBeGreaterThan(0);
    await beslut.fill(proposal);
    await page.getByRole("button", { name: "Lägg till yrkande" }).click();
    await page.getByLabel("Yrkande", { exact: true }).fill("Bifall till förvaltningens förslag.");
    await page.getByLabel("Beslutet skickas till (kommaseparerat)").fill("Kommunstyrelsen");
    await page.getByRole("button", { name: `Spara § ${paragraph}` }).click();
    await waitForText(page.locator(".protocol").first(), "Ordföranden finner att det finns ett förslag till beslut");

    // 5. Justering, then the protokollsutdrag as Word and PDF.
    await page.getByLabel("Justeringsdag").fill(today);
    await page.getByRole("button", { name: "Justera protokollet" }).click();
    const extracts = page.getByRole("list", { name: `Protokollsutdrag § ${paragraph}` });
    await waitForText(extracts, "Utdrag till Kommunstyrelsen");
    expect(await accessibilityViolations(page)).toEqual([]);

    const word = await page.request.get(
      `${e2e.baseUrl}${await extracts.getByRole("link", { name: "Word" }).getAttribute("href")}`,
    );
    expect(word.status()).toBe(200);
    expect((await word.body()).subarray(0, 2).toString("latin1")).toBe("PK");
    const pdf = await page.request.get(
      `${e2e.baseUrl}${await extracts.getByRole("link", { name: "PDF" }).getAttribute("href")}`,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");
    // The utdrag says which § and case it is taken from.
    const html = await page.request.get(
      `${e2e.baseUrl}${(await extracts.getByRole("link", { name: "PDF" }).getAttribute("href"))?.replace("format=pdf", "format=html")}`,
    );
    expect(await html.text()).toContain(`§ ${paragraph} Dnr ${diarienummer}`);
    await page.context().close();
  });
});
