// A page the user may not use says so, and shows no form to fill in for nothing. Checked on every page
// admin reaches by links, opened by each kind of role: a page whose data the server refused (403) must
// say "behörighet" and hold no form with a submit button.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawl, type E2E, startE2E } from "./harness.ts";

let e2e: E2E;
let pages: string[] = [];
beforeAll(async () => {
  e2e = await startE2E();
  const admin = await e2e.loginAs("admin");
  pages = await crawl(admin, e2e.baseUrl);
  await admin.context().close();
}, 300_000);
afterAll(async () => {
  await e2e?.close();
});

/** One role of each kind of access: no personal data, read-only, staff, unit manager, another nämnd. */
const roles = ["controller", "fortroendevald", "medarbetare", "handlaggare", "vo-controller"];

describe("forbidden pages", () => {
  for (const username of roles) {
    it(`say so to ${username} and show no forms`, async () => {
      const page = await e2e.loginAs(username);
      const refused: string[] = [];
      const problems: string[] = [];
      for (const pathname of pages) {
        const denied: string[] = [];
        const onResponse = (r: { status(): number; url(): string }) => {
          if (r.status() === 403) denied.push(new URL(r.url()).pathname);
        };
        page.on("response", onResponse);
        await page.goto(`${e2e.baseUrl}${pathname}`);
        await page.waitForLoadState("networkidle");
        page.off("response", onResponse);
        const shown = await page.evaluate(() => ({
          says: /behörighet/i.test(document.querySelector("main")?.textContent ?? ""),
          forms: [...document.querySelectorAll("main form")].filter((f) =>
            f.querySelector("button[type=submit], button:not([type]), input[type=submit]"),
          ).length,
          heading: document.querySelector("main h1")?.textContent ?? "",
        }));
        const forbiddenSection = shown.heading !== "" && shown.says && shown.forms === 0;
        if (denied.length === 0 && !forbiddenSection) continue;
        refused.push(pathname);
        if (!shown.says) problems.push(`${pathname}: refused ${denied.join(", ")} without saying so`);
        if (shown.forms > 0) problems.push(`${pathname}: shows ${shown.forms} form(s) the user may not use`);
      }
      await page.context().close();
      expect(problems).toEqual([]);
      // The check has something to check: every one of these roles is refused admin's pages.
      expect(refused).toContain("/admin");
    }, 300_000);
  }
});
