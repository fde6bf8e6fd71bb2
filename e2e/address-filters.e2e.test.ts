// Filters kept in the address: a start-page link or a shared link opens the same filtered view, and Back
// returns to the previous one. Also: no section's landing page is a dead end for any demo role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const search = (url: string) => new URL(url).search;

describe("filters in the address", () => {
  it("opens the EVB register filtered from the start page, and Back restores the filter", async () => {
    const page = await e2e.loginAs("handlaggare");
    const soon = page.locator('li[data-key="evb.soon-reportable"]').getByRole("link");
    await waitForText(soon, "1 passerar tre månader inom 30 dagar");
    await soon.click();
    await page.getByRole("heading", { name: "Register över ej verkställda beslut" }).waitFor();
    expect(search(page.url())).toBe("?status=snart");
    await expect.poll(() => page.getByLabel("Läge").inputValue()).toBe("snart");
    const table = page.getByRole("table");
    await waitForText(table.locator("caption"), "1 beslut i");

    await page.getByLabel("Läge").selectOption("rapporteringspliktiga");
    await page.getByRole("button", { name: "Filtrera" }).click();
    await page.waitForURL(/\?status=rapporteringspliktiga$/);
    // The start page's other count: two past three months.
    await waitForText(table.locator("caption"), "2 beslut i");

    await page.goBack();
    await page.waitForURL(/\?status=snart$/);
    await expect.poll(() => page.getByLabel("Läge").inputValue()).toBe("snart");
    await waitForText(table.locator("caption"), "1 beslut i");

    // A shared link opens the same view in a new session, its filters in the form.
    const shared = await e2e.loginAs("handlaggare");
    await shared.goto(`${e2e.baseUrl}/evb/register?status=alla&law=LSS`);
    await waitForText(shared.getByRole("table").locator("caption"), "beslut i");
    await expect.poll(() => shared.getByLabel("Läge").inputValue()).toBe("alla");
    await expect.poll(() => shared.getByLabel("Lag").inputValue()).toBe("LSS");
    await shared.context().close();
    await page.context().close();
  });

  it("keeps the diarium's search and status in the address", async () => {
    const page = await e2e.loginAs("sekreterare");
    const open = page.locator('li[data-key="namnd.open-cases"]').getByRole("link");
    const label = await waitForText(open, "i diariet");
    await open.click();
    await page.waitForURL(/\/namnd\?status=oppet$/);
    await expect.poll(() => page.getByLabel("Status").inputValue()).toBe("oppet");
    // As many cases as the start page counted.
    const count = label.match(/^(\d+)/)?.[1] as string;
    await waitForText(page.getByRole("table").locator("caption"), `${count} `);

    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Diarienummer eller sökord").fill("delegeringsbeslut");
    await page.getByRole("button", { name: "Sök" }).click();
    await page.waitForURL(/q=delegeringsbeslut/);
    await page.goBack();
    await page.waitForURL(/\/namnd\?status=oppet$/);
    await expect.poll(() => page.getByLabel("Diarienummer eller sökord").inputValue()).toBe("");
    await expect.poll(() => page.getByLabel("Status").inputValue()).toBe("oppet");
    await page.context().close();
  });

  it("keeps the activity board's unit and 'after end date' filters in the address", async () => {
    const page = await e2e.loginAs("controller");
    await page.goto(`${e2e.baseUrl}/styrning/aktiviteter?ar=2023`);
    await page.getByRole("heading", { name: "Aktiviteter 2023" }).waitFor();
    const units = page.getByLabel("Visa enhet");
    await units.locator("option").nth(1).waitFor({ state: "attached" });
    const first = await units.locator("option").nth(1).getAttribute("value");
    await units.selectOption(first as string);
    await page.waitForURL(new RegExp(`enhet=${first}`));
    await page.getByLabel("Visa", { exact: true }).selectOption("forsenade");
    await page.waitForURL(/visa=forsenade/);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("visa="));
    await expect.poll(() => page.getByLabel("Visa enhet").inputValue()).toBe(first);
    await expect.poll(() => page.getByLabel("Visa", { exact: true }).inputValue()).toBe("");
    // A shared link with both filters opens the same board.
    await page.goto(`${e2e.baseUrl}/styrning/aktiviteter?ar=2023&enhet=${first}&visa=forsenade`);
    // The unit list arrives after the page: read the choice once its option is there.
    await page.getByLabel("Visa enhet").locator(`option[value="${first}"]`).waitFor({ state: "attached" });
    await expect.poll(() => page.getByLabel("Visa enhet").inputValue()).toBe(first);
    await expect.poll(() => page.getByLabel("Visa", { exact: true }).inputValue()).toBe("forsenade");
    await page.context().close();
  });
});

describe("the kvalitet registers' status filter", () => {
  it("keeps the IVO-tillsyn register's status and year in the address", async () => {
    const page = await e2e.loginAs("kvalitet");
    // The demo's 2023: one tillsyn still pågående (Björken's särskilda tillsynsinsats), three avslutade.
    await page.goto(`${e2e.baseUrl}/kvalitet/tillsyn?status=pagaende&year=2023`);
    const caption = page.getByRole("table").locator("caption");
    const filters = page.getByRole("form", { name: "Filtrera tillsyner" });
    await waitForText(caption, "1 tillsyner");
    await expect.poll(() => filters.getByLabel("Status").inputValue()).toBe("pagaende");
    await expect.poll(() => filters.getByLabel("År").inputValue()).toBe("2023");
    expect(await page.getByRole("table").textContent()).toContain("Gruppbostad Björken");

    await filters.getByLabel("Status").selectOption("avslutad");
    await filters.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/status=avslutad/);
    await waitForText(caption, "3 tillsyner");
    expect(await page.getByRole("table").textContent()).not.toContain("Pågående");

    await page.goBack();
    await page.waitForURL(/status=pagaende/);
    await waitForText(caption, "1 tillsyner");
    await expect.poll(() => filters.getByLabel("Status").inputValue()).toBe("pagaende");
    await page.context().close();
  });
});

describe("section landing pages per demo role", () => {
  const users = [
    "admin",
    "controller",
    "kvalitet",
    "sekreterare",
    "enhetschef",
    "handlaggare",
    "fortroendevald",
    "medarbetare",
    "vo-controller",
  ];
  it("never leaves a role at 'Välj en nämnd' with nothing to choose", async () => {
    for (const user of users) {
      const page = await e2e.loginAs(user);
      await page.goto(`${e2e.baseUrl}/ekonomi`);
      const heading = page.getByRole("heading", {
        name: /budgetuppföljning|Välj nämnd|Ekonomin visas per nämnd, inte per enhet/i,
      });
      await heading.first().waitFor();
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main, user).not.toContain("Välj en nämnd (eller en enhet under den)");
      if (user === "enhetschef" || user === "handlaggare" || user === "medarbetare") {
        // Told what they may see and whom to ask, with their own role and unit named.
        expect(main, user).toContain("Ekonomin visas per nämnd, inte per enhet");
        expect(main, user).toContain("Fråga nämndens controller");
      }
      await page.context().close();
    }
  });
});
