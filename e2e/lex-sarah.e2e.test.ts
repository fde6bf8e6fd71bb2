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
const gist = "en boende som lämnades utan tillsyn vid måltiden";

describe("lex Sarah in the browser", () => {
  it("lets SAS register, investigate and decide a case, and shows it in the memo to the nämnd", async () => {
    const sas = await e2e.loginAs("kvalitet");
    await sas.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kvalitet" }).click();
    await sas.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Lex Sarah" }).click();
    await sas.getByRole("heading", { name: /^Lex Sarah – / }).waitFor();
    await sas.getByRole("table").first().waitFor();
    expect(await accessibilityViolations(sas)).toEqual([]);
    await sas.screenshot({ path: "test-results/lex-sarah-register.png" });
    await sas.getByRole("link", { name: "Registrera rapport" }).click();

    await sas.getByRole("heading", { name: "Registrera lex Sarah-rapport" }).waitFor();
    await sas.getByLabel("Enhet", { exact: true }).selectOption({ label: "Gruppbostad Almen" });
    await sas.getByLabel("Upptäcktes").fill(addDays(today, -1));
    await sas.getByLabel("Inträffade (om känt)").fill(addDays(today, -1));
    await sas.getByLabel("Kategori").selectOption({ label: "Insats omsorg, service och stöd" });
    await sas.getByLabel("Rapport gällande").fill(gist);
    expect(await accessibilityViolations(sas)).toEqual([]);
    await sas.getByRole("button", { name: "Registrera" }).click();
    const heading = sas.getByRole("heading", { name: /^Lex Sarah \d{4}-\d{3} – Gruppbostad Almen$/ });
    await heading.waitFor();
    const number = ((await heading.textContent()) ?? "").match(/\d{4}-\d{3}/)?.[0] as string;

    // An investigation entry, signed with her name.
    await sas
      .getByLabel("Utredningspunkt")
      .selectOption({ label: "Vad som har hänt och vilka konsekvenser det fått för den enskilde" });
    await sas.getByLabel("Källa").fill("Samtal med personal");
    await sas.getByLabel("Uppgift", { exact: true }).fill("Personalen lämnade matsalen under tio minuter.");
    await sas.getByRole("button", { name: "Lägg till uppgiften" }).click();
    await waitForText(sas.getByRole("table", { name: /Utredningen/ }), "Karim Kvalitetsstrateg");
    await sas.setViewportSize({ width: 1366, height: 900 });
    await sas.screenshot({ path: "test-results/lex-sarah-forms.png", fullPage: true });

    // Deciding before the assessment names what is missing; then assess and decide B.
    await sas.getByLabel("Utfall").selectOption("B");
    await sas.getByRole("button", { name: "Besluta" }).click();
    await waitForText(sas.getByRole("alert"), "Ange om utredningen visar en brist");
    await sas.getByLabel("Brist", { exact: true }).selectOption("ja");
    await sas.getByLabel("Konsekvens för den enskilde").selectOption("stress");
    await sas.getByRole("checkbox", { name: "Brist i tillsyn" }).check();
    await sas.getByRole("button", { name: "Spara bedömningen" }).click();
    await waitForText(sas.getByRole("definition").filter({ hasText: "Stress eller oro" }), "Stress");
    await sas.getByLabel("Utfall").selectOption("B");
    expect(await accessibilityViolations(sas)).toEqual([]);
    await sas.getByRole("button", { name: "Besluta" }).click();
    await waitForText(sas.getByRole("definition").filter({ hasText: "Missförhållande eller påtaglig" }), "B –");
    expect(await sas.getByRole("button", { name: "Besluta" }).count()).toBe(0);
    await sas.screenshot({ path: "test-results/lex-sarah-case.png", fullPage: true });

    // The memo for the period lists it in list B, one line.
    await sas.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Lex Sarah" }).click();
    await sas.getByRole("link", { name: "Information till nämnden" }).click();
    await sas.getByLabel("Från", { exact: true }).fill(today);
    await sas.getByLabel("Till", { exact: true }).fill(today);
    await sas.getByRole("button", { name: "Visa" }).click();
    const listB = sas.getByRole("region", { name: /^B\. / });
    const text = await waitForText(listB, number);
    expect(text).toContain(
      `${number} – Rapport gällande ${gist}. Bedöms vara ett missförhållande eller en påtaglig risk för ett missförhållande. Den enskilde upplevde stress och oro.`,
    );
    expect(await accessibilityViolations(sas)).toEqual([]);
    await sas.screenshot({ path: "test-results/lex-sarah-memo.png", fullPage: true });
    await sas.context().close();

    // Staff get no register, only the notice.
    const staff = await e2e.loginAs("medarbetare");
    await staff.goto(`${e2e.baseUrl}/kvalitet/lex-sarah`);
    await waitForText(staff.locator(".notice"), "saknar behörighet");
    // …but the counts in the statistics: this year's case on her unit (reported, decided B).
    await staff.getByRole("navigation", { name: "Kvalitet" }).getByRole("link", { name: "Statistik" }).click();
    await staff.getByRole("table", { name: /Lex Sarah per verksamhetsområde/ }).waitFor();
    await staff.getByLabel("År", { exact: true }).selectOption(today.slice(0, 4));
    await waitForText(staff.getByRole("region", { name: "Lex Sarah" }), `1 rapport ${today.slice(0, 4)}`);
    const counts = staff.getByRole("table", { name: /Lex Sarah per verksamhetsområde/ });
    const row = (await counts.getByRole("row", { name: /Bostad med särskild service/ }).textContent()) ?? "";
    expect(row.replace(/\s+/g, " ").trim()).toMatch(/Bostad med särskild service ?1 ?1 ?0 ?1 ?0$/);
    expect(await accessibilityViolations(staff)).toEqual([]);
    await staff.context().close();
  });
});
