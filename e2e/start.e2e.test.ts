// The start page per role in the browser: each role's live counts, a link to where the work is done, and a
// count that follows the data after a reload.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/app/testing.ts";
import { addDays, todayInSweden } from "../src/platform/calendar.ts";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const item = (page: Page, key: string) => page.locator(`li[data-key="${key}"]`);
/** The item's link text once the start page has loaded it. */
const itemText = (page: Page, key: string, expected: string) =>
  waitForText(item(page, key).getByRole("link"), expected);

describe("the start page per role", () => {
  it("shows the handläggare her unit's EVB counts and leads to the register, filtered", async () => {
    const page = await e2e.loginAs("handlaggare");
    await itemText(page, "evb.reportable", "2 rapporteringspliktiga beslut");
    await itemText(page, "evb.soon-reportable", "1 passerar tre månader inom 30 dagar");
    // Tone in words, not colour alone.
    expect(await item(page, "evb.reportable").textContent()).toContain("Försenat");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/start-handlaggare.png", fullPage: true });
    await item(page, "evb.reportable").getByRole("link").click();
    // She reads the register, so the item opens it filtered to the reportable decisions.
    await page.getByRole("heading", { name: "Register över ej verkställda beslut" }).waitFor();
    expect(new URL(page.url()).search).toBe("?status=rapporteringspliktiga");
    await page.context().close();
  });

  it("shows the controller the indicators without values and leads to the value grid for that year", async () => {
    const page = await e2e.loginAs("controller");
    await itemText(page, "styrning.missing-values", "Värden saknas för 2023 på 14 indikatorer");
    await itemText(page, "evb.reportable", "13 rapporteringspliktiga beslut");
    expect(await item(page, "evb.soon-reportable").count()).toBe(0);
    await page.screenshot({ path: "test-results/start-controller.png", fullPage: true });
    await item(page, "styrning.missing-values").getByRole("link").click();
    await page.getByRole("heading", { name: "Registrera indikatorvärden" }).waitFor();
    expect(new URL(page.url()).search).toBe("?ar=2023");
    expect(await page.locator("#grid-year").inputValue()).toBe("2023");
    await page.context().close();
  });

  it("shows the kvalitet role the quality registers and leads to the overdue åtgärder", async () => {
    const page = await e2e.loginAs("kvalitet");
    await itemText(page, "kvalitet.events-to-classify", "247 händelser att klassificera");
    await itemText(page, "kvalitet.lex-sarah-open", "4 lex Sarah-ärenden under utredning");
    await itemText(page, "kvalitet.atgarder-overdue", "15 åtgärder har passerat sitt slutdatum");
    // The demo's klagomål of 2024-01-25 (IF-2024-00033) was never answered.
    await itemText(page, "kvalitet.complaints-late", "1 synpunkt obesvarad efter 10 dagar");
    await page.screenshot({ path: "test-results/start-kvalitet.png", fullPage: true });
    await item(page, "kvalitet.atgarder-overdue").getByRole("link").click();
    await page.getByRole("heading", { name: /^Åtgärder – / }).waitFor();
    await page.context().close();
  });

  it("shows the nämndsekreterare her cases and leads to the diarium", async () => {
    const page = await e2e.loginAs("sekreterare");
    await itemText(page, "namnd.my-cases", "3 öppna ärenden där du är handläggare");
    await itemText(page, "namnd.open-cases", "19 öppna ärenden i diariet");
    await item(page, "namnd.my-cases").getByRole("link").click();
    await page.getByRole("heading", { name: /^Diarium/ }).waitFor();
    await page.context().close();
  });

  it("shows the förtroendevald read-only summaries, the admin the whole kommun", async () => {
    const page = await e2e.loginAs("fortroendevald");
    await itemText(page, "namnd.open-cases", "19 öppna ärenden i diariet");
    expect(await item(page, "kvalitet.events-to-classify").count()).toBe(0);
    await page.context().close();
    const admin = await e2e.loginAs("admin");
    await itemText(admin, "evb.reportable", "14 rapporteringspliktiga beslut");
    await admin.context().close();
  });

  it("shows the enhetschef a händelse reported through the API after a reload, and leads to the list to classify", async () => {
    const page = await e2e.loginAs("enhetschef");
    await itemText(page, "kvalitet.events-to-classify", "87 händelser att klassificera");
    expect(await item(page, "kvalitet.lex-sarah-open").textContent()).toContain("1 lex Sarah-ärende under utredning");

    // Staff report a händelse on the unit through the API, in their own session.
    const staff = await e2e.browser.newContext();
    const login = await staff.request.post(`${e2e.baseUrl}/api/auth/login`, {
      data: { username: "medarbetare", password: DEMO_PASSWORD },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const today = todayInSweden();
    const reported = await staff.request.post(`${e2e.baseUrl}/api/kvalitet/handelser`, {
      headers: { "x-csrf-token": csrfToken },
      data: {
        orgNodeId: e2e.demo.nodes["bss-almen"]?.id,
        occurredOn: addDays(today, -2),
        noticedOn: addDays(today, -1),
        whatHappened: "Kvällsmedicinen gavs inte enligt signeringslistan.",
      },
    });
    expect(reported.status(), await reported.text()).toBe(200);
    await staff.close();

    await page.reload();
    await itemText(page, "kvalitet.events-to-classify", "88 händelser att klassificera");
    await item(page, "kvalitet.events-to-classify").getByRole("link").click();
    await page.getByRole("heading", { name: /^Händelser – Gruppbostad Almen/ }).waitFor();
    expect(await page.getByLabel("Status").locator("option:checked").textContent()).toBe("Rapporterad");
    await page.context().close();
  });
});
