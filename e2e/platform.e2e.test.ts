import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("platform in the browser", () => {
  it("is keyboard-operable from the first Tab: skip link, then the form", async () => {
    const page = await e2e.loginAs("kvalitet");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hoppa till innehållet");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.context().close();
  });

  it("refuses a wrong password with a Swedish message", async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await page.getByLabel("Användarnamn").fill("controller");
    await page.getByLabel("Lösenord").fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await waitForText(page.getByRole("alert"), "Fel användarnamn eller lösenord");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("logs a demo user in to the dashboard, with navigation and organisation picker", async () => {
    const page = await e2e.loginAs("controller");
    const nav = await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link").allTextContents();
    expect(nav).toEqual(["Översikt", "Styrning", "Ekonomi", "Ej verkställda beslut", "Kvalitet", "Nämnd", "Rapporter"]);
    expect(await page.getByLabel("Organisation").inputValue()).toBe(e2e.demo.nodes.ifo?.id);
    const main = await waitForText(page.getByRole("main"), "Nämnden för Individ & Familjeomsorg");
    expect(main).toContain("diarieprefix IF");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.getByRole("heading", { name: "Logga in i Lots" }).waitFor();
    await page.context().close();
  });

  it("leaves Nämnd out for a unit's staff, and says where its public documents are when they go there", async () => {
    const page = await e2e.loginAs("enhetschef");
    const nav = await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link").allTextContents();
    expect(nav).toEqual(["Översikt", "Styrning", "Ekonomi", "Ej verkställda beslut", "Kvalitet", "Rapporter"]);
    await page.goto(`${e2e.baseUrl}/namnd/sammantraden`);
    await waitForText(page.getByRole("main"), "Dina roller gäller en enhet");
    expect(await page.getByRole("navigation", { name: "Nämnd" }).count()).toBe(0);
    await page.getByRole("link", { name: "Offentliga handlingar" }).click();
    await page.getByRole("heading", { level: 1, name: "Offentliga handlingar" }).waitFor();
    await page.context().close();
  });

  it("lets an admin find their own login in the audit log", async () => {
    const page = await e2e.loginAs("admin");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Admin" }).click();
    await page.getByLabel("Händelse").selectOption("login");
    await page.getByRole("button", { name: "Filtrera" }).click();
    await waitForText(page.getByRole("table"), "Alva Admin");
    expect(await page.getByRole("table").locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("says so at an address no page answers, at the top and inside every section", async () => {
    const page = await e2e.loginAs("admin");
    for (const address of [
      "/finns-inte",
      "/admin/finns-inte",
      "/evb/finns-inte",
      "/ekonomi/x/y",
      "/styrning/finns-inte",
      "/kvalitet/finns-inte",
    ]) {
      await page.goto(`${e2e.baseUrl}${address}`);
      await page.getByRole("heading", { name: "Sidan finns inte" }).waitFor();
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
