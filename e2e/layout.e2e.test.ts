// Every page at the widths people work at: nothing overlaps and nothing pushes the page sideways. The
// pages are found by following the links from the start page as admin (who sees every section), so a new
// page is checked as soon as something links to it.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawl, type E2E, startE2E } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

type Problem = { kind: "overlap" | "overflow"; detail: string };

/**
 * Visible controls, labels, buttons and headings whose boxes intersect (more than a hairline) although
 * neither contains the other; and content wider than the window or than the main column, unless it sits
 * in its own scrolling frame.
 */
async function layoutProblems(page: Page): Promise<Problem[]> {
  return page.evaluate(() => {
    const problems: { kind: "overlap" | "overflow"; detail: string }[] = [];
    const describe = (el: Element) => {
      const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const id = el.id ? `#${el.id}` : "";
      return `<${el.tagName.toLowerCase()}${id}> "${text}"`;
    };
    // checkVisibility also leaves out the content of a closed <details>, which keeps a layout box.
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ checkVisibilityCSS: true });
    };
    const main = document.querySelector("main");
    if (!main) return [{ kind: "overflow" as const, detail: "no <main>" }];
    const boxes = [
      ...main.querySelectorAll("input:not([type=hidden]), select, textarea, button, label, legend, h1, h2, h3"),
    ].filter(visible);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as Element;
        const b = boxes[j] as Element;
        if (a.contains(b) || b.contains(a)) continue;
        // A label and the control it names may touch; they are one field.
        if (a instanceof HTMLLabelElement && a.control === b) continue;
        if (b instanceof HTMLLabelElement && b.control === a) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 2 && h > 2) problems.push({ kind: "overlap", detail: `${describe(a)} × ${describe(b)}` });
      }
    }
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      problems.push({ kind: "overflow", detail: `the page is ${root.scrollWidth} px wide in ${root.clientWidth}` });
    }
    const mainRight = main.getBoundingClientRect().right;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== main; e = e.parentElement) {
        if (["auto", "scroll", "hidden"].includes(getComputedStyle(e).overflowX)) return true;
      }
      return false;
    };
    for (const el of main.querySelectorAll("table, form, input, select, textarea, pre, img, canvas")) {
      if (!visible(el)) continue;
      const right = el.getBoundingClientRect().right;
      if (right > mainRight + 1 && !scrolls(el.parentElement)) {
        problems.push({
          kind: "overflow",
          detail: `${describe(el).slice(0, 60)} reaches ${Math.round(right)} px, main ends at ${Math.round(mainRight)}`,
        });
      }
    }
    return problems;
  });
}

/** Visits a page and waits until its data has arrived. */
async function visit(page: Page, pathname: string) {
  await page.goto(`${e2e.baseUrl}${pathname}`);
  await page.waitForLoadState("networkidle");
}

const problemsOf = async (page: Page, pathname: string) =>
  (await layoutProblems(page)).map((p) => `${pathname}: ${p.kind} ${p.detail}`);

describe("layout of every page", () => {
  let pages: string[] = [];

  it("has no overlap or sideways overflow at 1366 × 768 on any page reached by links", async () => {
    const page = await e2e.loginAs("admin");
    await page.setViewportSize({ width: 1366, height: 768 });
    const found: string[] = [];
    pages = await crawl(page, e2e.baseUrl, async (pathname) => {
      found.push(...(await problemsOf(page, pathname)));
    });
    await page.context().close();
    // Every section with a UI, with its sub-pages and records.
    for (const section of ["/styrning", "/ekonomi", "/evb", "/kvalitet", "/admin"]) {
      expect(pages.filter((p) => p.startsWith(section)).length, section).toBeGreaterThan(2);
    }
    expect(found).toEqual([]);
  }, 300_000);

  it("has none at 1440 × 900 either", async () => {
    const page = await e2e.loginAs("admin");
    await page.setViewportSize({ width: 1440, height: 900 });
    const found: string[] = [];
    for (const pathname of pages) {
      await visit(page, pathname);
      found.push(...(await problemsOf(page, pathname)));
    }
    await page.context().close();
    expect(pages.length).toBeGreaterThan(25);
    expect(found).toEqual([]);
  }, 300_000);
});
