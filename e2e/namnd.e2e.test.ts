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
const year = today.slice(0, 4);

describe("the diarium in the browser", () => {
  it("lets the nämndsekreterare register a case, upload a document and find it by a number written another way", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nämnd" }).click();
    await page.getByRole("heading", { name: /^Diarium – Nämnden för Individ & Familjeomsorg/ }).waitFor();
    await waitForText(page.getByRole("table"), "IF-2024-00037");

    await page.getByRole("navigation", { name: "Nämnd" }).getByRole("link", { name: "Registrera ärende" }).click();
    await page.getByLabel("Rubrik", { exact: true }).fill("Skrivelse från SiS om avgifter");
    await page.getByLabel("Ärendetyp").selectOption({ label: "Skrivelser och meddelanden" });
    await page.getByLabel("Inkom (om ärendet kom utifrån)").fill(today);
    await page.getByLabel("Handläggare").selectOption({ label: "Nora Nämndsekreterare" });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Registrera" }).click();

    const heading = page.getByRole("heading", { name: /Skrivelse från SiS om avgifter/ });
    await heading.waitFor();
    const diarienummer = /IF-\d{4}-\d{5}/.exec((await heading.textContent()) ?? "")?.[0] as string;
    expect(diarienummer).toMatch(new RegExp(`^IF-${year}-\\d{5}$`));
    await waitForText(page.getByRole("definition").filter({ hasText: "Nora" }), "Nora Nämndsekreterare");

    await page.getByLabel("Fil", { exact: true }).setInputFiles({
      name: "skrivelse-sis.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Skrivelse från Statens institutionsstyrelse om avgifter 2024.\n"),
    });
    await page.getByLabel("Handlingens datum").fill(today);
    await page
      .getByLabel("Sekretess", { exact: true })
      .selectOption({ label: "OSL 26 kap. 1 § – Socialtjänst: uppgift om enskilds personliga förhållanden" });
    await page.getByRole("button", { name: "Ladda upp" }).click();
    await waitForText(page.getByRole("status"), "Handlingen är sparad");
    const row = page.getByRole("row").filter({ hasText: "skrivelse-sis" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Inkommande");
    expect(await row.getByRole("combobox").locator("option:checked").textContent()).toBe("OSL 26 kap. 1 §");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/namnd-case.png", fullPage: true });

    // The download is the file as uploaded.
    const download = await page.request.get(
      `${e2e.baseUrl}${await row.getByRole("link", { name: "skrivelse-sis" }).getAttribute("href")}`,
    );
    expect(download.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await download.text()).toContain("Statens institutionsstyrelse");

    // Found again by the number as a letter might write it: space, en dash, no leading "IF-".
    await page.getByRole("navigation", { name: "Nämnd" }).getByRole("link", { name: "Diarium" }).click();
    const variant = `IF ${diarienummer.slice(3).replace("-", "–")}`;
    await page.getByLabel("Diarienummer eller sökord").fill(variant);
    await page.getByRole("button", { name: "Sök" }).click();
    await waitForText(page.getByRole("status"), `Söker diarienummer ${diarienummer}`);
    const rows = page.getByRole("table").getByRole("row");
    await waitForText(rows.nth(1), "Skrivelse från SiS om avgifter");
    expect(await rows.count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/namnd-diarium.png", fullPage: true });
    await page.context().close();
  });

  it("shows an elected member the diarium but no link to a document marked sekretess", async () => {
    const page = await e2e.loginAs("fortroendevald");
    await page.goto(`${e2e.baseUrl}/namnd`);
    await page.getByLabel("Diarienummer eller sökord").fill("IF 2024-00012");
    await page.getByRole("button", { name: "Sök" }).click();
    await page.getByRole("link", { name: "IF-2024-00012" }).click();
    await page.getByRole("heading", { name: "IF-2024-00012 Domar och beslut 2024" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Dom förvaltningsrätten" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Sekretess enligt OSL 26 kap. 1 § – du saknar behörighet att öppna");
    expect(await row.getByRole("link").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Ladda upp" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
