// The årsberättelse's way in the browser: the controller creates the 2021 report for IFO, sees the
// findings, writes a chapter, marks the chapters klar, approves and publishes; the public area shows it; a
// figure changed afterwards through the API shows "Uppgifterna har ändrats" with the change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/app/testing.ts";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("rapporter in the browser", () => {
  it("creates, writes, approves and publishes the 2021 årsberättelse, then notices changed data", async () => {
    const page = await e2e.loginAs("controller");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Rapporter" }).click();
    await page.getByRole("heading", { name: "Rapporter", level: 1 }).waitFor();
    await page.getByLabel("Mall").selectOption({ label: "Årsberättelse" });
    await page.getByLabel("Nämnd").selectOption({ label: "Nämnden för Individ & Familjeomsorg" });
    await page.getByLabel("Period").fill("2021");
    await page.getByRole("button", { name: "Skapa rapport" }).click();
    await page.getByRole("heading", { name: /Årsberättelse 2021 – / }).waitFor();

    // The preview and the findings beside it.
    const findings = page.getByRole("region", { name: "Kontroller före publicering" });
    await findings.waitFor();
    const preview = page.frameLocator('iframe[title^="Förhandsvisning"]');
    await waitForText(preview.locator("body"), "Årsberättelse 2021");

    // The controller writes the economy chapter's text with bound figures.
    const chapter = page.locator("#kapitel-ekonomiskt-utfall");
    await chapter
      .locator("textarea")
      .first()
      .fill(
        "Nämnden redovisar för {år} ett {drift.summa.avvikelse.riktning} om {drift.summa.avvikelse.mnkr-abs} mot budget.",
      );
    await chapter.getByRole("button", { name: "Spara text" }).first().click();
    await waitForText(preview.locator("body"), "ett överskott om 19,5");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/rapporter-instance.png", fullPage: false });

    // Every chapter klar, to review, approved (the texts lock), published.
    const statuses = page.getByLabel("Kapitlets status");
    const count = await statuses.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await statuses.nth(i).selectOption("klar");
      await page.waitForLoadState("networkidle");
    }
    await page.getByRole("button", { name: "Skicka till granskning" }).click();
    await page.getByRole("button", { name: "Godkänn" }).click();
    await waitForText(page.locator(".rapport-facts"), "Godkänd");
    expect(await page.locator("#kapitel-ekonomiskt-utfall textarea").count()).toBe(1); // only the comment box
    // Publishing is refused while a blocking finding exists; the demo's report has none.
    expect(await findings.textContent()).not.toContain("Blockerande");
    await page.getByRole("button", { name: "Publicera" }).click();
    const facts = await waitForText(page.locator(".rapport-facts"), "Kontrollsumma");
    expect(facts).toMatch(/[0-9a-f]{64}/);

    // The public area lists it, without login.
    const visitor = await e2e.newPage();
    await visitor.goto(`${e2e.baseUrl}/offentligt`);
    await visitor.getByRole("link", { name: "Årsberättelse 2021" }).click();
    await waitForText(visitor.frameLocator("iframe").locator("body"), "ett överskott om 19,5");
    expect(await accessibilityViolations(visitor)).toEqual([]);
    await visitor.context().close();

    // A figure changed through the API afterwards: the report keeps its figures and says what changed.
    const api = await e2e.browser.newContext();
    const login = await api.request.post(`${e2e.baseUrl}/api/auth/login`, {
      data: { username: "controller", password: DEMO_PASSWORD },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const ifo = e2e.demo.nodes.ifo?.id;
    const figures = (await (
      await api.request.get(`${e2e.baseUrl}/api/ekonomi/namnder/${ifo}/years/2021/figures?kind=kostnader`)
    ).json()) as Array<{ levelId: string; kind: string; periodType: string; periodNo: number; amountKr: number }>;
    const figure = figures.find((f) => f.amountKr < 0);
    if (!figure) throw new Error("the demo has 2021 kostnader");
    const saved = await api.request.put(`${e2e.baseUrl}/api/ekonomi/namnder/${ifo}/years/2021/figures`, {
      headers: { "x-csrf-token": csrfToken },
      data: {
        figures: [
          {
            levelId: figure.levelId,
            kind: figure.kind,
            periodType: figure.periodType,
            periodNo: figure.periodNo,
            amountKr: figure.amountKr - 1_000_000,
          },
        ],
      },
    });
    expect(saved.status()).toBe(200);
    await api.close();
    await page.reload();
    const notice = await waitForText(
      page.getByRole("note").filter({ hasText: "Uppgifterna har ändrats" }),
      "Uppgifterna har ändrats sedan rapporten publicerades",
    );
    expect(notice).toMatch(/Summa, Bokslut 2021: −679\s576 → /);
    await waitForText(preview.locator("body"), "ett överskott om 19,5");
    await page.screenshot({ path: "test-results/rapporter-changed.png", fullPage: true });
  }, 180_000);
});
