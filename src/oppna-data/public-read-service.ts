// The public reads (no login): only what was published, as it was published. No publisher, no ids of people.

import { SUPPRESS_BELOW } from "../evb/index.ts";
import { kommunNamesOf, kommunOf, onlyKommunName } from "../organisation/index.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { toKoladaData } from "../styrning/index.ts";
import { tableCsv } from "./dataset.ts";
import * as repo from "./repository.ts";
import type { OppnaDataDB } from "./tables.ts";

type Db = DbOf<OppnaDataDB>;

const links = (r: repo.PublicationRow) => ({
  json: `/api/public/oppna-data/${r.id}`,
  csv: r.content.tables.map((t) => ({
    table: t.key,
    title: t.title,
    href: `/api/public/oppna-data/${r.id}/csv/${t.key}`,
  })),
  kolada: r.content.kolada ? `/api/public/oppna-data/${r.id}/kolada` : null,
});

const described = (r: repo.PublicationRow, kommun: string) => ({
  id: r.id,
  dataset: r.dataset,
  title: r.title,
  period: r.period,
  organisation: { id: r.org_node_id, name: r.org_node_name, kommun },
  publishedAt: new Date(r.published_at).toISOString(),
  links: links(r),
});

export async function catalogue(db: Db) {
  const rows = await repo.listPublications(db);
  const kommunOfPath = await kommunNamesOf(
    db,
    rows.map((r) => r.org_node_path),
  );
  return { kommun: await onlyKommunName(db), datasets: rows.map((r) => described(r, kommunOfPath(r.org_node_path))) };
}

async function published(db: Db, id: string): Promise<repo.PublicationRow> {
  const row = await repo.findPublication(db, id);
  if (!row) throw notFound("Datamängden");
  return row;
}

export async function dataset(db: Db, id: string) {
  const row = await published(db, id);
  const kommun = (await kommunOf(db, row.org_node_path)).name;
  return {
    kommun,
    ...described(row, kommun),
    checksum: row.checksum,
    suppressBelow: SUPPRESS_BELOW,
    tables: row.content.tables,
  };
}

export async function datasetCsv(db: Db, id: string, tableKey: string) {
  const row = await published(db, id);
  const table = row.content.tables.find((t) => t.key === tableKey);
  if (!table) throw notFound("Tabellen");
  return {
    publishedAt: row.published_at,
    fileName: `${row.dataset}-${row.period}-${table.key}.csv`,
    csv: tableCsv(table),
  };
}

/** The goal follow-up's indicator values in Kolada's v3 shape (styrning's writer). */
export async function datasetKolada(db: Db, id: string) {
  const row = await published(db, id);
  if (!row.content.kolada) throw notFound("Kolada-formatet för datamängden");
  return { publishedAt: row.published_at, document: toKoladaData("v3", row.content.kolada) };
}
