import type { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import { notFound } from "../platform/errors.ts";
import * as repo from "./repository.ts";
import type { forecastInput, forecastPatch } from "./schema.ts";
import { audit, type Db, requireNamnd, unique, validation } from "./service-helpers.ts";

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
    throw validation("asOf", `Prognosdatumet ska ligga under ${year} (eller i bokslutsarbetet ${year + 1}).`);
  }
  return db.transaction().execute(async (trx) => {
    await requireNamnd(trx, actor, "write:ekonomi", namndId);
    const row = await unique(
      repo.insertForecast(trx, { org_node_id: namndId, year, name: input.name, as_of: input.asOf }),
      forecastConflict,
    );
    await audit(trx, actor, "ekonomi_forecast", row.id, namndId, "create", undefined, row);
    return forecastDto(row);
  });
}

async function forecastForWrite(trx: Db, actor: Actor, id: string) {
  const forecast = await repo.findForecast(trx, id);
  if (!forecast) throw notFound("Prognosen");
  await requireNamnd(trx, actor, "write:ekonomi", forecast.org_node_id);
  return forecast;
}

export async function updateForecast(db: Db, actor: Actor, id: string, patch: z.infer<typeof forecastPatch>) {
  return db.transaction().execute(async (trx) => {
    const before = await forecastForWrite(trx, actor, id);
    const after = await unique(
      repo.updateForecast(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.asOf !== undefined ? { as_of: patch.asOf } : {}),
      }),
      forecastConflict,
    );
    await audit(trx, actor, "ekonomi_forecast", id, before.org_node_id, "update", before, after);
    return forecastDto(after);
  });
}

/** Removes the forecast with its figures and import records (each removal audited). */
export async function deleteForecast(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const forecast = await forecastForWrite(trx, actor, id);
    for (const f of await repo.figuresOf(trx, forecast.org_node_id, [forecast.year], { forecastId: id })) {
      await repo.deleteFigure(trx, f.id);
      await audit(trx, actor, "ekonomi_figure", f.id, forecast.org_node_id, "delete", f);
    }
    for (const i of (await repo.importsOf(trx, forecast.org_node_id, forecast.year)).filter(
      (x) => x.forecast_id === id,
    )) {
      await repo.deleteImport(trx, i.id);
      await audit(trx, actor, "ekonomi_import", i.id, forecast.org_node_id, "delete", i);
    }
    await repo.deleteForecast(trx, id);
    await audit(trx, actor, "ekonomi_forecast", id, forecast.org_node_id, "delete", forecast);
  });
}
