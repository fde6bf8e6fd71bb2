// Generated Kolada data for benchmarks and statement counts: KPIs mapped to indicators in the demo's units,
// and a v3 data file with their values for the kommun and some similar municipalities over a run of years.
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { createIndicator } from "../indicators-service.ts";
import type { StyrningDB } from "../tables.ts";
import { setMapping } from "./kolada-service.ts";

export type KoladaShape = { kpis: number; municipalities: number; years: number; unitsPerKpi: number };

/** The kommun's own code in the demo organisation, then made-up similar municipalities. */
const municipalityIds = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? "1384" : String(1400 + i).padStart(4, "0")));
const kpiIds = (n: number) => Array.from({ length: n }, (_, i) => `U9${String(i).padStart(4, "0")}`);
const firstYear = (shape: KoladaShape) => 2025 - shape.years;

/** Values in the file: KPIs × municipalities × years × T, K and M. */
export const koladaValueCount = (shape: KoladaShape) => shape.kpis * shape.municipalities * shape.years * 3;

/**
 * A Kolada v3 data file of `shape`: every KPI, municipality and year with T, K and M. Every 13th figure is
 * missing ("Missing", no value). `revision` > 0 changes every `revision`-th figure (a revised publication).
 */
export function generatedKoladaData(shape: KoladaShape, revision = 0): Record<string, unknown> {
  const values: unknown[] = [];
  let n = 0;
  for (const kpi of kpiIds(shape.kpis)) {
    for (const municipality of municipalityIds(shape.municipalities)) {
      for (let y = 0; y < shape.years; y++) {
        values.push({
          kpi,
          municipality,
          period: String(firstYear(shape) + y),
          values: (["T", "K", "M"] as const).map((gender) => {
            n += 1;
            const missing = n % 13 === 0;
            const revised = revision > 0 && n % revision === 0;
            return {
              gender,
              count: missing ? 0 : 1,
              status: missing ? "Missing" : null,
              value: missing ? null : (n % 997) / 10 + (revised ? 1 : 0),
            };
          }),
        });
      }
    }
  }
  return { count: values.length, values, next_url: null };
}

/**
 * Indicators fed by the generated KPIs: each KPI mapped to a yearly indicator in `unitsPerKpi` of the demo's
 * units (enheter, in turn), for the kommun's code; every other indicator is split by sex.
 */
export async function mapGeneratedKpis(db: DbOf<StyrningDB>, demo: DemoOrganisation, shape: KoladaShape) {
  const actor = systemActor();
  const units = Object.entries(demo.nodes)
    .filter(([key]) => key.includes("-") && !key.endsWith("-forv"))
    .map(([, node]) => node.id);
  let next = 0;
  for (const [k, kpiId] of kpiIds(shape.kpis).entries()) {
    for (let u = 0; u < shape.unitsPerKpi; u++) {
      const orgNodeId = units[next++ % units.length] as string;
      const indicator = await createIndicator(db, actor, {
        orgNodeId,
        name: `Kolada ${kpiId} (${u + 1})`,
        unit: "antal",
        decimals: 1,
        direction: "lower",
        genderSplit: k % 2 === 0 ? "total" : "kvinnor_man",
        periodType: "year",
        sourceKind: "kolada",
        definition: `Koladas ${kpiId}.`,
        definitionFrom: firstYear(shape),
      } as Parameters<typeof createIndicator>[2]);
      await setMapping(db, actor, indicator.id, { kpiId, municipalityId: "1384" });
    }
  }
}
