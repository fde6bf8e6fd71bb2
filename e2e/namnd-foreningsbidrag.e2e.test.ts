import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
// Seeding every capability's demo data takes long on a loaded machine.
beforeAll(async () => {
  e2e = await startE2E();
}, 300_000);
afterAll(async () => {
  await e2e?.close();
});

describe("föreningsbidrag in the browser", () => {
  it("lets the nämndsekreterare assess and grant a second-round application within the frame, download the memo and draw a sample", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.goto(`${e2e.baseUrl}/namnd/foreningsbidrag`);
    await page.getByRole("heading", { name: "Föreningsbidrag", exact: true }).waitFor();
    await waitForText(page.getByLabel("Anslaget"), "700\u00a0000 kr");
    await waitForText(page.getByLabel("Anslaget"), "Kvar av anslaget10");
    // The association whose 2023 grant has no återrapport is flagged.
    await waitForText(
      page.getByRole("table", { name: /12 ansökningar/ }),
      "KRIS Exempelstad – återrapport för 2023 saknas",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: "test-results/namnd-foreningsbidrag.png", fullPage: true });

    // The memo: the table and the Word file.
    const memo = page.getByRole("table", { name: "Fördelning per förening" });
    await waitForText(memo, "Brottsofferjouren Exempelstad");
    await waitForText(memo, "80,0 %");
    const href = await page.getByRole("link", { name: "Hämta underlaget som Word" }).getAttribute("href");
    const download = await page.request.get(`${e2e.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 2).toString("latin1")).toBe("PK");

    // The second-round application still inkommen: assess it, try to grant more than is left, then the rest.
    await page.getByRole("link", { name: "Föreningen Vägen ut" }).click();
    await page.getByRole("heading", { name: "Föreningsbidrag 2024: Föreningen Vägen ut" }).waitFor();
    await page.getByLabel("Steg", { exact: true }).selectOption({ label: "Bedömd" });
    await page.getByLabel("Datum", { exact: true }).fill("2024-09-20");
    await page.getByLabel(/^Kriterium 4:/).selectOption({ label: "Delvis uppfyllt" });
    await page.getByRole("button", { name: "Spara steget" }).click();
    await waitForText(page.getByRole("definition").first(), "Bedömd");
    await waitForText(page.locator("ol"), "Delvis uppfyllt");

    await page.getByLabel("Steg", { exact: true }).selectOption({ label: "Beviljad" });
    await page.getByLabel("Datum", { exact: true }).fill("2024-10-17");
    await waitForText(page.locator(".namnd-hint"), "10\u00a0000 kr");
    await page.getByLabel("Beviljat belopp (kr)").fill("15000");
    await page.getByLabel("Beslut (t.ex. IF 2024-03-14 § 32)").fill("IF 2024-10-17 § 121");
    await page.getByLabel("Motivering").fill("Beviljas ur kvarvarande medel.");
    await page.getByRole("button", { name: "Spara steget" }).click();
    await waitForText(page.getByRole("alert"), "överstiger det som återstår av anslaget");
    await page.getByLabel("Beviljat belopp (kr)").fill("10000");
    await page.getByRole("button", { name: "Spara steget" }).click();
    await waitForText(page.locator(".namnd-facts"), "20,0 % av det sökta");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back on the year: the frame is used up, and a sample is drawn and kept with its seed.
    await page.getByRole("link", { name: "Tillbaka till föreningsbidrag" }).click();
    await waitForText(page.getByLabel("Anslaget"), "Kvar av anslaget0 kr");
    await waitForText(page.locator(".namnd-hint"), "inga medel återstår till en andra omgång");
    await page.getByLabel("Antal ansökningar").fill("3");
    await page.getByLabel("Frö (tomt: ett nytt dras)").fill("IK-2024");
    await page.getByRole("button", { name: "Dra stickprov" }).click();
    const samples = page.getByRole("list", { name: "Dragna stickprov" });
    await waitForText(samples, "frö IK-2024");
    const first = await samples.locator("li").first().innerText();
    expect(first.split(";")).toHaveLength(3);
    await page.getByRole("button", { name: "Dra stickprov" }).click();
    await samples.locator("li").nth(1).waitFor();
    // The same seed draws the same applications.
    const [a, b] = await samples.locator("li").allInnerTexts();
    expect(a?.split("frö IK-2024:")[1]).toBe(b?.split("frö IK-2024:")[1]);
    await page.context().close();
  });

  it("lets the nämndsekreterare open a grant year with its anslag and criteria, and change them", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.goto(`${e2e.baseUrl}/namnd/foreningsbidrag`);
    await page.getByRole("heading", { name: "Föreningsbidrag", exact: true }).waitFor();
    await page.getByText("Nytt bidragsår", { exact: true }).click();
    const form = page.getByRole("form", { name: "Nytt bidragsår" });
    await form.getByLabel("År", { exact: true }).fill("2025");
    await form.getByLabel("Anslag (kr)").fill("650000");
    await form.getByLabel("Återrapport senast").fill("2026-03-31");
    // An ansökningstid ending before it starts is refused by the server, naming the field.
    await form.getByLabel("Ansökningstiden börjar").fill("2025-02-28");
    await form.getByLabel("Sista ansökningsdag").fill("2025-02-01");
    await form.getByLabel("Kriterium 1").fill("Verksamheten riktar sig till invånare i kommunen.");
    await form.getByRole("button", { name: "Lägg till kriterium" }).click();
    await form.getByLabel("Kriterium 2").fill("Fel rad.");
    await form.getByRole("button", { name: "Lägg till kriterium" }).click();
    await form.getByLabel("Kriterium 3").fill("Föreningen redovisar hur bidraget används.");
    await form.getByRole("button", { name: "Ta bort kriterium 2" }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Lägg till bidragsåret" }).click();
    await waitForText(form.getByRole("alert"), "Sista ansökningsdag kan inte ligga före 2025-02-28.");
    await form.getByLabel("Sista ansökningsdag").fill("2025-03-31");
    await form.getByRole("button", { name: "Lägg till bidragsåret" }).click();

    // The new year is chosen and shows its frame and its two criteria in order.
    await waitForText(page.getByLabel("Anslaget"), "650\u00a0000 kr");
    await waitForText(page.getByLabel("Anslaget"), "Ansökningstid2025-02-28–2025-03-31");
    await page.getByRole("heading", { name: "Kriterier 2025" }).waitFor();
    const criteria = page.getByRole("region", { name: "Kriterier 2025" }).getByRole("listitem");
    expect(await criteria.allInnerTexts()).toEqual([
      "Verksamheten riktar sig till invånare i kommunen.",
      "Föreningen redovisar hur bidraget används.",
    ]);
    // The same year twice is refused by the server, in Swedish.
    await form.getByRole("button", { name: "Lägg till bidragsåret" }).click();
    await waitForText(form.getByRole("alert"), "Föreningsbidrag för 2025 finns redan.");

    // Changing the year: a lower anslag and a third criterion.
    await page.getByText("Ändra anslag och kriterier för 2025").click();
    const edit = page.getByRole("form", { name: "Ändra bidragsåret 2025" });
    expect(await edit.getByLabel("Kriterium 2").inputValue()).toBe("Föreningen redovisar hur bidraget används.");
    await edit.getByLabel("Anslag (kr)").fill("600000");
    await edit.getByRole("button", { name: "Lägg till kriterium" }).click();
    await edit.getByLabel("Kriterium 3").fill("Verksamheten bygger på frivilliga insatser.");
    await edit.getByRole("button", { name: "Spara bidragsåret" }).click();
    await waitForText(edit.getByRole("status"), "Bidragsåret 2025 är sparat.");
    await waitForText(page.getByLabel("Anslaget"), "600\u00a0000 kr");
    await waitForText(page.getByRole("region", { name: "Kriterier 2025" }), "frivilliga insatser");
    await page.context().close();

    // A förtroendevald reads the year but is offered no form.
    const reader = await e2e.loginAs("fortroendevald");
    await reader.goto(`${e2e.baseUrl}/namnd/foreningsbidrag`);
    await waitForText(reader.getByLabel("Anslaget"), "Anslag");
    expect(await reader.getByRole("form").count()).toBe(0);
    await reader.context().close();
  });
});
