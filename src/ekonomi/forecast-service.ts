import type { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import { write } from "../platform/service.ts";
import * as repo from "./repository.ts";
import { forecastInput, type forecastPatch } from "./schema.ts";
import { type Db, namndOf, unique, validation, writeStored } from "./shared-service.ts";

export const forecastDto = (f: { id: string; year: number; name: string; as_of: string }) => ({
  id: f.id,
  year: f.year,
  name: f.name,
  asOf: f.as_of,
});

const forecastConflict = "Det finns redan en prognos med det namnet det året.";

export async function createForecast(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: z.infer<typeof forecastInput>,
) {
  if (!input.asOf.startsWith(`${year}-`) && !input.asOf.startsWith(`${year + 1}-`)) {
    throw validation(
      forecastInput,
      "asOf",
      `Prognosdatumet ska ligga under ${year} (eller i bokslutsarbetet ${year + 1}).`,
    );
  }
  return write(db, actor, "write:ekonomi", namndId, async ({ trx, node, audit }) => {
    namndOf(node);
    const row = await unique(
      repo.insertForecast(trx, { org_node_id: namndId, year, name: input.name, as_of: input.asOf }),
      forecastConflict,
    );
    await audit("ekonomi_forecast", row.id, "create", { after: row });
    return forecastDto(row);
  });
}

export async function updateForecast(db: Db, actor: Actor, id: string, patch: z.infer<typeof forecastPatch>) {
  return writeStored(
    db,
    actor,
    "Prognosen",
    (d) => repo.findForecast(d, id),
    async ({ trx, audit }, before) => {
      const after = await unique(
        repo.updateForecast(trx, id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.asOf !== undefined ? { as_of: patch.asOf } : {}),
        }),
        forecastConflict,
      );
      await audit("ekonomi_forecast", id, "update", { before, after });
      return forecastDto(after);
    },
  );
}

/** Removes the forecast with its figures and import records (each removal audited). */
export async function deleteForecast(db: Db, actor: Actor, id: string) {
  await writeStored(
    db,
    actor,
    "Prognosen",
    (d) => repo.findForecast(d, id),
    async ({ trx, audit }, forecast) => {
      for (const f of await repo.figuresOf(trx, forecast.org_node_id, [forecast.year], { forecastId: id })) {
        await repo.deleteFigure(trx, f.id);
        await audit("ekonomi_figure", f.id, "delete", { before: f });
      }
      for (const i of (await repo.importsOf(trx, forecast.org_node_id, forecast.year)).filter(
        (x) => x.forecast_id === id,
      )) {
        await repo.deleteImport(trx, i.id);
        await audit("ekonomi_import", i.id, "delete", { before: i });
      }
      await repo.deleteForecast(trx, id);
      await audit("ekonomi_forecast", id, "delete", { before: forecast });
    },
  );
}
