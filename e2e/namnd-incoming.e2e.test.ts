import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("inkommande domar och beslut in the browser", () => {
  it("lets the nämndsekreterare register a dom and see it in the period list", async () => {
    const page = await e2e.loginAs("sekreterare");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nämnd" }).click();
    await page.getByRole("navigation", { name: "Nämnd" }).getByRole("link", { name: "Inkommande" }).click();
    await page.getByLabel("Registrerade från").fill("2023-12-01");
    await page.getByLabel("Registrerade till").fill("2024-01-31");
    await waitForText(
      page.getByRole("status"),
      "19 registrerade under perioden, varav 9 från domstol (8 till nämndens fördel)",
    );
    await waitForText(page.getByRole("region", { name: "Kammarrätten" }), "7405-23");
    await waitForText(page.locator("caption").filter({ hasText: "registrerade" }), "7 registrerade under perioden");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: "test-results/namnd-incoming.png", fullPage: true });

    await page.getByRole("link", { name: "Registrera inkommande" }).click();
    const form = page.getByRole("form", { name: "Registrera dom eller beslut" });
    await form.getByLabel("Meddelad av").selectOption({ label: "Förvaltningsrätten" });
    await form.getByLabel("Målnummer").fill("mål nr 4321-23");
    await form.getByLabel("Dom- eller beslutsdatum").fill("2024-01-25");
    await form.getByLabel("Registrerad").fill("2024-01-29");
    await form.getByLabel("Överklagat av").selectOption({ label: "Individen" });
    await form.getByLabel("Utfall").selectOption({ label: "Avslår överklagandet" });
    await form.getByLabel("Lagrum").fill("LSS 9 § 10");
    await form.getByLabel("Avser").fill("Daglig verksamhet");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/namnd-incoming-register.png", fullPage: true });
    await form.getByRole("button", { name: "Registrera" }).click();
    await waitForText(form.getByRole("status"), "Dom 4321-23, 2024-01-25. Överklagat av individen.");

    await page.getByRole("link", { name: "Tillbaka till inkommande" }).click();
    await page.getByLabel("Registrerade från").fill("2023-12-01");
    await page.getByLabel("Registrerade till").fill("2024-01-31");
    await waitForText(
      page.getByRole("status"),
      "20 registrerade under perioden, varav 10 från domstol (9 till nämndens fördel)",
    );
    const row = page
      .getByRole("region", { name: "Förvaltningsrätten" })
      .getByRole("row")
      .filter({ hasText: "4321-23" });
    await waitForText(row, "Daglig verksamhet (LSS 9 § 10). Avslår överklagandet.");
    expect(await row.textContent()).toContain("2024-01-29");

    await page
      .getByRole("navigation", { name: "Nämnd" })
      .getByRole("link", { name: "Uppdrag och uppföljning" })
      .click();
    await page.getByRole("link", { name: "Granskning av kompetensförsörjning" }).click();
    await waitForText(
      page.getByRole("heading", { name: /Svar på revisionsrapport/ }),
      "Granskning av kompetensförsörjning",
    );
    await waitForText(page.getByRole("table").first(), "eventuellt beslut våren 2024");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/namnd-audit.png", fullPage: true });
    await page.context().close();
  });
});
