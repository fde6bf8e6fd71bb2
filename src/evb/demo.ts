import fs from "node:fs";
import { z } from "zod";
import current from "../../demo/evb/current.json" with { type: "json" };
import type { DemoOrganisation } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import { addDays, todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { parseInput } from "../platform/validation.ts";
import { importDecisionsCsv, optionalColumns, requiredColumns } from "./import-service.ts";
import { installStandardCatalogue } from "./repository.ts";
import type { EvbDB } from "./tables.ts";

const historicalCsv = new URL("../../demo/evb/decisions.csv", import.meta.url);

const daysAgo = z.number().int().min(0);
const currentSchema = z.object({
  decisions: z.array(
    z.object({
      id: z.string(),
      kon: z.enum(["K", "M"]),
      enhet: z.string(),
      lag: z.enum(["SoL", "LSS"]),
      insats: z.string(),
      beslutsdatum: daysAgo,
      verkstallt: daysAgo.optional(),
      avbrott_fran: daysAgo.optional(),
      avslutat: daysAgo.optional(),
      avslutsorsak: z.string().optional(),
      orsakskod: z.string().optional(),
      skal: z.string().optional(),
      delvis: z.string().optional(),
      erbjudanden: z.array(z.tuple([daysAgo, z.enum(["ja", "nej"])])).optional(),
    }),
  ),
});

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The relative demo decisions as an import file dated from `today`. */
function currentDemoCsv(today: string): string {
  const { decisions } = parseInput(currentSchema, current, "Demodata för ej verkställda beslut är ogiltiga");
  const date = (n: number | undefined) => (n === undefined ? "" : addDays(today, -n));
  const columns = [...requiredColumns, ...optionalColumns];
  const rows = decisions.map((d) => {
    const values: Record<string, string> = {
      ...d,
      beslutsdatum: date(d.beslutsdatum),
      verkstallt: date(d.verkstallt),
      avbrott_fran: date(d.avbrott_fran),
      avslutat: date(d.avslutat),
      erbjudanden: (d.erbjudanden ?? []).map(([n, answer]) => `${date(n)}:${answer}`).join(";"),
    };
    return columns.map((c) => quote(values[c] ?? "")).join(",");
  });
  return [columns.join(","), ...rows].join("\n");
}

/**
 * The standard catalogue for the demo kommun, the Q4 2023 examples from the committee's report (with what
 * happened to them in 2024) and a set of decisions dated from today, so the dashboard shows live waits.
 */
export async function seedEvbDemo(trx: DbOf<EvbDB>, demo: DemoOrganisation): Promise<void> {
  const kommun = demo.nodes.kommun;
  if (!kommun) throw new Error("Demo organisation lacks its kommun");
  await installStandardCatalogue(trx, kommun.id);
  const actor = systemActor();
  await importDecisionsCsv(trx, actor, { scopeNodeId: kommun.id, content: fs.readFileSync(historicalCsv) });
  await importDecisionsCsv(trx, actor, { scopeNodeId: kommun.id, content: currentDemoCsv(todayInSweden()) });
}
