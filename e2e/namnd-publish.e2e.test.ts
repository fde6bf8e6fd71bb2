import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const NAME = "Greta Privatsson";
const PNR = "19850312-1234";

describe("publishing a föredragningslista", () => {
  it("the nämndsekreterare reviews the masking and publishes; an anonymous reader sees the masked text only", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.goto(`${e2e.baseUrl}/namnd/sammantraden`);
    await page.getByRole("link", { name: "2024-02-15" }).first().click();
    await page.getByRole("heading", { name: "Nämnden för Individ & Familjeomsorg 2024-02-15" }).waitFor();
    // An item naming a private person with her personnummer, added after the kallelse.
    await page.getByLabel("Informationspunkt (rubrik)").fill(`Information om ${NAME}, ${PNR}`);
    await page.getByRole("button", { name: "Lägg till informationen" }).click();
    await waitForText(page.locator("main"), `Information om ${NAME}`);

    await page.getByRole("link", { name: "Publicera föredragningslistan" }).click();
    await page.getByRole("heading", { name: /Granska och publicera: Föredragningslista/ }).waitFor();
    // Lots proposes the personnummer; the name is not known to the record, so the reviewer masks it.
    const proposed = page.getByRole("table");
    await waitForText(proposed, PNR);
    await page.getByLabel("Text att maskera (alla förekomster)").fill(NAME);
    await page.getByLabel("Vad maskeras").selectOption({ label: "Namn på privatperson" });
    await page.getByLabel("Skäl", { exact: true }).fill("Privatperson som nämns i rubriken");
    await page.getByRole("button", { name: "Maskera" }).click();
    await waitForText(page.getByRole("status"), "1 ställen maskeras.");
    const preview = page.getByRole("region", { name: "Så publiceras texten" });
    await waitForText(preview, "Information om [namn], [personnummer]");
    expect(await preview.textContent()).not.toContain(NAME);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Granskad och publicera" }).click();
    await waitForText(page.getByRole("status").first(), "Granskad och publicerad");

    // Anyone, without logging in.
    const reader = await e2e.newPage();
    await reader.goto(`${e2e.baseUrl}/offentligt`);
    await reader.getByRole("link", { name: "Nämnden för Individ & Familjeomsorg" }).click();
    await reader.getByRole("link", { name: "2024-02-15" }).click();
    await reader
      .getByRole("heading", { name: /Föredragningslista, Nämnden för Individ & Familjeomsorg, 2024-02-15/ })
      .waitFor();
    const main = reader.locator("main");
    await waitForText(main, "Information om [namn], [personnummer]");
    const text = (await main.textContent()) ?? "";
    expect(text).not.toContain(NAME);
    expect(text).not.toContain("19850312");
    expect(text).toContain("Kontrollsumma");
    expect(await accessibilityViolations(reader)).toEqual([]);
  });
});
