import { z } from "zod";
import { DomainError } from "../../platform/errors.ts";

/** KOLADA_BASE_URL, e.g. https://api.kolada.se/v3 (default) or …/v2, or a local mirror. */
export function koladaBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = z
    .url({ protocol: /^https?$/ })
    .default("https://api.kolada.se/v3")
    .safeParse(env.KOLADA_BASE_URL || undefined);
  if (!parsed.success) throw new Error(`Ogiltig KOLADA_BASE_URL: ${env.KOLADA_BASE_URL}`);
  return parsed.data.replace(/\/+$/, "");
}

const list = (ids: readonly (string | number)[]) => [...new Set(ids.map(String))].sort().join(",");

/** v2 and v3 share these paths; they differ in the answers, which shapes.ts reads either way. */
export const koladaUrls = {
  data: (base: string, kpis: string[], municipalities: string[], years: number[]) =>
    `${base}/data/kpi/${list(kpis)}/municipality/${list(municipalities)}/year/${list(years)}`,
  kpi: (base: string, kpis: string[]) => `${base}/kpi/${list(kpis)}`,
  group: (base: string, id: string) => `${base}/municipality_groups/${encodeURIComponent(id)}`,
};

const MAX_PAGES = 500;

/**
 * Fetches a Kolada resource and every following page (next_page in v2, next_url in v3).
 * Only pages on the same origin as the first are followed, so a response cannot send us elsewhere.
 */
export async function fetchPages(url: string, fetchImpl: typeof fetch = fetch): Promise<unknown[]> {
  const origin = new URL(url).origin;
  const pages: unknown[] = [];
  let next: string | null = url;
  while (next) {
    if (pages.length >= MAX_PAGES)
      throw new DomainError("validation", `Kolada gav fler än ${MAX_PAGES} sidor; avgränsa frågan.`);
    if (new URL(next).origin !== origin) {
      throw new DomainError(
        "validation",
        `Kolada hänvisade till en annan adress (${new URL(next).origin}); hämtningen avbröts.`,
      );
    }
    let body: unknown;
    try {
      const response = await fetchImpl(next, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new DomainError(
        "validation",
        `Kolada kunde inte nås (${next}): ${error instanceof Error ? error.message : error}.`,
      );
    }
    pages.push(body);
    const link = (body as { next_page?: unknown; next_url?: unknown } | null) ?? {};
    const candidate = link.next_url ?? link.next_page;
    next = typeof candidate === "string" && candidate ? candidate : null;
  }
  return pages;
}
