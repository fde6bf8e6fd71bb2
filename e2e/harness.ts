import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { seedDemo } from "../src/app/seed.ts";
import { buildApp } from "../src/app/server.ts";
import { DEMO_PASSWORD, testDatabase } from "../src/app/testing.ts";
import type { DemoOrganisation } from "../src/organisation/index.ts";
import type { SignInSettings } from "../src/platform/auth/oidc/settings.ts";
import type { Database } from "../src/platform/db/database.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type E2E = {
  baseUrl: string;
  browser: Browser;
  demo: DemoOrganisation;
  database: Database;
  /** A new page in its own browser context (own cookies), not logged in. */
  newPage: () => Promise<Page>;
  /** A new browser page logged in as a demo user, on the dashboard. */
  loginAs: (username: string) => Promise<Page>;
  close: () => Promise<void>;
};

/**
 * Lots as a user meets it: the built web UI (run `vite build` first) served by the real server over a
 * fresh database with all demo data, driven in Debian's Chromium.
 */
export async function startE2E(options: { port?: number; signIn?: SignInSettings } = {}): Promise<E2E> {
  const database = await testDatabase();
  const demo = await seedDemo(database.db, DEMO_PASSWORD);
  const app: FastifyInstance = await buildApp({
    database,
    sessionSecret: "e2e-secret-".repeat(4),
    webRoot: path.join(root, "dist/web"),
    logLevel: "warn",
    signIn: options.signIn,
  });
  await app.listen({ port: options.port ?? 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // bypassCSP only lets the tests inject axe-core; the app's own pages run under the real policy.
  const newPage = async () =>
    (await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm", bypassCSP: true })).newPage();
  const loginAs = async (username: string) => {
    const page = await newPage();
    await page.goto(baseUrl);
    await page.getByLabel("Användarnamn").fill(username);
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("heading", { name: "Översikt" }).waitFor();
    return page;
  };
  return {
    baseUrl,
    browser,
    demo,
    database,
    newPage,
    loginAs,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Waits until the locator's text contains `expected` (pages fill in asynchronously), then returns it. */
export async function waitForText(locator: Locator, expected: string, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let text = "";
  while (Date.now() < deadline) {
    text =
      (await locator
        .first()
        .textContent({ timeout })
        .catch(() => "")) ?? "";
    if (text.includes(expected)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for "${expected}"; last text: ${text.slice(0, 500)}`);
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** WCAG 2.1 A/AA violations axe-core finds on the page as it is now, summarised for an assertion message. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResult> } }).axe;
    type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  return violations;
}

/** The same page whatever record it shows: ids and numbers in a path become ":id". */
export const patternOf = (pathname: string) =>
  pathname
    .split("/")
    .map((part) => (/^[0-9a-f-]{36}$|^\d[\d-]*$|^\d{4}Q\d$/i.test(part) ? ":id" : part))
    .join("/");

/** Same-origin addresses linked from the page (main content and navigation), without the query. */
export async function linksOn(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .map((a) => new URL(a.href, location.href))
      .filter((url) => url.origin === location.origin && !url.pathname.startsWith("/api/"))
      .map((url) => url.pathname),
  );
}

/**
 * Every page reachable by links from the start page, one address per page pattern, breadth first; `onPage`
 * runs on each once its data has arrived.
 */
export async function crawl(
  page: Page,
  baseUrl: string,
  onPage: (pathname: string) => Promise<void> = async () => {},
  limit = 200,
): Promise<string[]> {
  const seen = new Set<string>();
  const queue = ["/"];
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < limit) {
    const pathname = queue.shift() as string;
    if (seen.has(patternOf(pathname))) continue;
    seen.add(patternOf(pathname));
    await page.goto(`${baseUrl}${pathname}`);
    await page.waitForLoadState("networkidle");
    pages.push(pathname);
    await onPage(pathname);
    for (const link of await linksOn(page)) if (!seen.has(patternOf(link))) queue.push(link);
  }
  return pages;
}
