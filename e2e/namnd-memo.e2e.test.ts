import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("a tjänsteskrivelse in the browser", () => {
  it("lets the nämndsekreterare write a memo with two clauses in a demo case, mark it klar and download it", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.goto(`${e2e.baseUrl}/namnd`);
    await page.getByLabel("Diarienummer eller sökord").fill("IF-2023-00371");
    await page.getByRole("button", { name: "Sök" }).click();
    await page.getByRole("table").getByRole("link", { name: "IF-2023-00371" }).click();
    await page.getByRole("heading", { name: /IF-2023-00371 Initiativärende/ }).waitFor();
    await waitForText(page.getByRole("region", { name: "Tjänsteskrivelser" }), "Inga tjänsteskrivelser");
    await page.getByRole("link", { name: "Skriv tjänsteskrivelse" }).click();

    await page.getByRole("heading", { name: "Ny tjänsteskrivelse – IF-2023-00371" }).waitFor();
    await page.getByLabel("Rubrik", { exact: true }).fill("Svar på initiativärende från partigruppen");
    await page.getByLabel("Beslutsverb, sats 1").selectOption({ label: "godkänner" });
    await page.getByLabel("Resten av satsen, sats 1").fill("förvaltningens svar på initiativet");
    await page.getByRole("button", { name: "Lägg till beslutssats" }).click();
    await page.getByLabel("Beslutsverb, sats 2").selectOption({ label: "anser initiativet besvarat" });
    await page.getByLabel("Sammanfattning av ärendet").fill("Initiativet väcktes 2023-12-13 § 179 och remitterades.");
    await page.getByRole("button", { name: "Lägg till handling i ärendet" }).click();
    await page.getByLabel("Handling, underlag 1").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Lägg till protokollsparagraf" }).click();
    await page.getByLabel("Organ, underlag 2").fill("Nämnden för Individ & Familjeomsorg");
    await page.getByLabel("Datum, underlag 2").fill("2023-12-13");
    await page.getByLabel("Paragraf (§), underlag 2").fill("179");
    await page.getByLabel("Beslutet skickas till (en mottagare per rad)").fill("Partigruppen\nFörvaltningen");
    await page.getByLabel("Namn, underskrift 1").fill("Fia Förvaltningschef");
    await page.getByLabel("Titel, underskrift 1").fill("Förvaltningschef");

    // The preview words the clauses with the nämnd's name, as the printed memo will.
    const preview = page.getByRole("article", { name: "Förhandsgranskning av tjänsteskrivelsen" });
    await waitForText(preview, "Nämnden för Individ & Familjeomsorg anser initiativet besvarat.");
    await waitForText(preview, "Nämnden för Individ & Familjeomsorg, 2023-12-13 § 179");
    await waitForText(preview, "Initiativärende från partigruppen, 2023-10-18");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: "test-results/namnd-memo-editor.png", fullPage: true });

    await page.getByRole("button", { name: "Spara utkast" }).click();
    await page.getByRole("heading", { name: "Tjänsteskrivelse – Svar på initiativärende från partigruppen" }).waitFor();
    await waitForText(page.locator(".memo-status"), "Utkast – kan ändras");
    await page.getByRole("button", { name: "Markera klar" }).click();
    await waitForText(page.locator(".memo-status"), "Klar");
    await page.getByRole("button", { name: "Skapa ny version för att ändra" }).waitFor();
    await waitForText(
      page.getByRole("article", { name: "Tjänsteskrivelsen" }),
      "Nämnden för Individ & Familjeomsorg godkänner förvaltningens svar på initiativet.",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/namnd-memo-klar.png", fullPage: true });

    const href = await page.getByRole("link", { name: "Hämta Word (DOCX)" }).getAttribute("href");
    const download = await page.request.get(`${e2e.baseUrl}${href}`);
    expect(download.headers()["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(download.headers()["content-disposition"]).toContain("IF-2023-00371-tjansteskrivelse.docx");
    expect((await download.body()).subarray(0, 2).toString("latin1")).toBe("PK");

    // Back on the case page the memo is listed as klar.
    await page.getByRole("link", { name: /IF-2023-00371 Initiativärende/ }).click();
    await waitForText(page.getByRole("region", { name: "Tjänsteskrivelser" }), "version 1, klar");
    await page.context().close();
  });
});
