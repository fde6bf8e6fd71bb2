import { randomUUID } from "node:crypto";
import { kommunOf } from "../../organisation/index.ts";
import { type BulkRowChange, bulkEvent } from "../../platform/audit/audit.ts";
import { type Actor, requireAccess } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { formatCount } from "../../platform/i18n/format.ts";
import { type BoundAudit, type WriteContext, write, writeRecord } from "../../platform/service.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import {
  assertReadable,
  canReadStyrning,
  canWriteStyrning,
  found,
  readableRows,
  requireStyrningRead,
} from "../access.ts";
import { koladaMappingDto } from "../dto.ts";
import { indicatorRecord } from "../indicators-service.ts";
import * as styrningRepo from "../repository.ts";
import type { StyrningDB } from "../tables.ts";
import { type SaveResult, type ValueRequest, valueWriter } from "../values-service.ts";
import type { Direction, Gender, GenderSplit } from "../vocabulary.ts";
import { fetchPages, koladaUrls } from "./client.ts";
import type { KoladaValueWrite } from "./repository.ts";
import * as repo from "./repository.ts";
import { type KoladaDataRow, type KoladaDocument, type KoladaVersion, parseKolada, toKoladaData } from "./shapes.ts";

type Db = DbOf<StyrningDB>;

export type KoladaImportResult = {
  accepted: number;
  rejected: number;
  kpis: number;
  municipalities: number;
  groups: number;
  koladaValues: { received: number; changed: number };
  indicatorValues: SaveResult;
};

function invalid(problems: FieldProblem[], rows: number): never {
  const rejected = new Set(problems.map((p) => p.row ?? 0)).size;
  throw new DomainError(
    "validation",
    `Inget importerades: ${formatCount(rejected, "rad", "rader")} i Kolada-filen har fel.`,
    {
      problems,
      accepted: 0,
      rejected,
      rows,
    },
  );
}

/** Parses pages of one fetch; rows are numbered across pages so every problem points at one place. */
function parsePages(pages: unknown[]): KoladaDocument[] {
  const documents: KoladaDocument[] = [];
  const problems: FieldProblem[] = [];
  let offset = 0;
  for (const page of pages) {
    const parsed = parseKolada(page);
    const items = Array.isArray((page as { values?: unknown })?.values)
      ? (page as { values: unknown[] }).values.length
      : 0;
    if (parsed.ok) {
      if (parsed.document.kind === "data") {
        for (const row of parsed.document.rows) row.row += offset;
      }
      documents.push(parsed.document);
    } else {
      problems.push(...parsed.problems.map((p) => ({ ...p, ...(p.row !== undefined ? { row: p.row + offset } : {}) })));
    }
    offset += items;
  }
  if (problems.length) invalid(problems, offset);
  return documents;
}

const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : a === b);

/**
 * Writes one row from the source when it is new or any of `compared` differs from what is stored,
 * with one audit event; an unchanged row writes nothing, so importing a file again leaves no trace.
 */
async function storeIfChanged<B extends object>(
  audit: BoundAudit,
  entity: string,
  before: B | undefined,
  compared: { [K in keyof B]?: unknown },
  store: () => Promise<{ id: string }>,
): Promise<boolean> {
  if (before && Object.entries(compared).every(([k, v]) => sameValue(before[k as keyof B], v))) return false;
  const row = await store();
  await audit(entity, row.id, before ? "update" : "create", { before, after: row });
  return true;
}

const isWholeOutcome = (v: { value_kind: string; member_ids: string[] }) =>
  v.value_kind === "outcome" && v.member_ids.length === 0;

type Mapping = { indicator_id: string; kpi_id: string; municipality_id: string; gender_split: string };

/** Kolada's values are stored and fed to the indicators in batches of this many: a fixed handful of statements each. */
export const KOLADA_BATCH_VALUES = 5_000;

/** How far an import has come: values of the file stored so far. */
export type KoladaProgress = { values: number; done: number };

const valueRequest = (m: Mapping, period: string, gender: Gender, row: number, value: number | null) => ({
  indicatorId: m.indicator_id,
  period,
  gender,
  state: value === null ? ("not_measured" as const) : ("value" as const),
  value,
  statusCode: null,
  note: null,
  publishedAt: null,
  reason: null,
  row,
});

/**
 * Stores what Kolada published (metadata, groups, values for every municipality) on the node, then feeds every
 * mapped indicator under it: one KPI may feed indicators in several units. Values go batch by batch: each
 * batch's new and changed values in one statement with one audit event, then what they mean for the mapped
 * indicators through one valueWriter. All or nothing: a failed row rejects the whole import.
 */
async function importDocuments(
  { trx, node, audit, auditMany }: WriteContext<StyrningDB>,
  actor: Actor,
  documents: KoladaDocument[],
  options: { reason: string | null; requestedYears?: number[]; onProgress?: (progress: KoladaProgress) => void },
): Promise<KoladaImportResult> {
  const result: KoladaImportResult = {
    accepted: 0,
    rejected: 0,
    kpis: 0,
    municipalities: 0,
    groups: 0,
    koladaValues: { received: 0, changed: 0 },
    indicatorValues: { received: 0, changed: 0, unchanged: 0, corrections: 0 },
  };
  const version = documents.find((d) => d.version)?.version ?? null;
  const [knownKpis, knownMunicipalities, knownGroups] = await Promise.all([
    repo.kpisOf(trx, node.id),
    repo.municipalitiesOf(trx, node.id),
    repo.groupsOf(trx, node.id),
  ]);
  for (const document of documents) {
    switch (document.kind) {
      case "kpi":
        for (const kpi of document.kpis) {
          result.kpis += 1;
          const values = {
            org_node_id: node.id,
            kpi_id: kpi.id,
            title: kpi.title,
            description: kpi.description,
            is_divided_by_gender: kpi.isDividedByGender,
            publication_date: kpi.publicationDate,
            operating_area: kpi.operatingArea,
          };
          const before = knownKpis.find((k) => k.kpi_id === kpi.id);
          await storeIfChanged(audit, "kolada_kpi", before, values, () => repo.upsertKpi(trx, values));
        }
        break;
      case "municipality":
        for (const m of document.municipalities) {
          result.municipalities += 1;
          const values = { org_node_id: node.id, municipality_id: m.id, title: m.title, type: m.type };
          const before = knownMunicipalities.find((k) => k.municipality_id === m.id);
          await storeIfChanged(audit, "kolada_municipality", before, values, () =>
            repo.upsertMunicipality(trx, values),
          );
        }
        break;
      case "groups":
        for (const g of document.groups) {
          result.groups += 1;
          const values = { org_node_id: node.id, group_id: g.id, title: g.title, members: g.members };
          const before = knownGroups.find((k) => k.group_id === g.id);
          await storeIfChanged(audit, "kolada_group", before, values, () => repo.upsertGroup(trx, values));
        }
        break;
      case "data":
      case "empty":
        break;
    }
  }
  result.accepted = result.kpis + result.municipalities + result.groups;
  await syncPublicationDates(trx, audit, actor, node.path, documents);
  const rows = documents.flatMap((d) => (d.kind === "data" ? d.rows : []));
  if (rows.length === 0) return result;

  // The mapped indicators a (KPI, municipality) feeds, and which sexes each takes.
  const kpiIds = new Set(rows.map((r) => r.kpiId));
  const mappings = (await repo.mappingsAround(trx, node.path)).filter(
    (m) => m.path.startsWith(node.path) && kpiIds.has(m.kpi_id) && canWriteStyrning(actor, m.path),
  );
  const fed = new Map<string, Mapping[]>();
  for (const m of mappings)
    fed.set(`${m.kpi_id}|${m.municipality_id}`, [...(fed.get(`${m.kpi_id}|${m.municipality_id}`) ?? []), m]);
  const takes = (m: Mapping, gender: Gender) => m.gender_split !== "total" || gender === "T";
  const writer = await valueWriter(
    trx,
    actor,
    mappings.map((m) => m.indicator_id),
    { source: "kolada", sourceRef: version ? `Kolada ${version}` : "Kolada", reason: options.reason },
  );
  const heard = new Set<string>();
  const items = new Set<number>();
  for (let start = 0; start < rows.length; start += KOLADA_BATCH_VALUES) {
    const batch = rows.slice(start, start + KOLADA_BATCH_VALUES);
    // The raw source, kept for every municipality so "liknande kommuner" can be compared later.
    if (!writer.failed()) {
      const writes = batch.map((r) => ({
        kpi_id: r.kpiId,
        municipality_id: r.municipalityId,
        year: r.year,
        gender: r.gender,
        value: r.value,
        status: r.status,
      }));
      // New values get their ids here, so they are written by a plain INSERT and named in the audit event.
      const changes = (await repo.changedValues(trx, node.id, writes)).map((c) => ({
        ...c,
        write: { ...(writes[c.ord] as KoladaValueWrite), id: c.id ?? randomUUID() },
      }));
      await repo.insertValues(
        trx,
        node.id,
        changes.filter((c) => c.id === null).map((c) => c.write),
      );
      await repo.updateValues(
        trx,
        changes.filter((c) => c.id !== null).map((c) => c.write),
      );
      result.koladaValues.changed += changes.length;
      if (changes.length) {
        const audited = changes.map((c) => koladaRowChange(batch[c.ord] as KoladaDataRow, c.write.id, c));
        await auditMany([bulkEvent("kolada_value", node.id, audited, { source: "kolada" })]);
      }
    }
    const fedRows = batch.flatMap((r) =>
      (fed.get(`${r.kpiId}|${r.municipalityId}`) ?? []).filter((m) => takes(m, r.gender)).map((m) => ({ r, m })),
    );
    // "Missing" in Kolada says the source lacks the figure; it never overwrites a value recorded here.
    const recorded = await recordedValues(
      trx,
      fedRows
        .filter(({ r }) => r.value === null)
        .map(({ r, m }) => ({ indicatorId: m.indicator_id, period: String(r.year) })),
    );
    const requests: ValueRequest[] = [];
    for (const { r, m } of fedRows) {
      heard.add(`${m.indicator_id}|${r.year}|${r.gender}`);
      if (r.value === null && recorded.has(`${m.indicator_id}|${r.year}|${r.gender}`)) continue;
      requests.push(valueRequest(m, String(r.year), r.gender, r.row, r.value));
    }
    await writer.add(requests);
    for (const r of batch) items.add(r.row);
    result.koladaValues.received += batch.length;
    options.onProgress?.({ values: rows.length, done: start + batch.length });
  }
  // A requested year with nothing at all from Kolada is not published yet — empty, not zero.
  const unheard = mappings.flatMap((m) =>
    (options.requestedYears ?? []).flatMap((year) =>
      (m.gender_split === "total" ? (["T"] as const) : (["K", "M"] as const))
        .filter((gender) => !heard.has(`${m.indicator_id}|${year}|${gender}`))
        .map((gender) => ({ m, year, gender })),
    ),
  );
  const stored = await recordedValues(
    trx,
    unheard.map(({ m, year }) => ({ indicatorId: m.indicator_id, period: String(year) })),
    true,
  );
  await writer.add(
    unheard
      .filter(({ m, year, gender }) => !stored.has(`${m.indicator_id}|${year}|${gender}`))
      .map(({ m, year, gender }) => ({
        ...valueRequest(m, String(year), gender, 0, null),
        state: "not_published" as const,
      })),
  );
  result.indicatorValues = writer.finish();
  result.accepted += items.size;
  return result;
}

/** A batch's stored whole outcomes of the cells, as `indicator|period|sex`: those holding a value, or with `any` all. */
async function recordedValues(trx: Db, cells: { indicatorId: string; period: string }[], any = false) {
  const stored = (await styrningRepo.valuesOfCells(trx, cells)).filter(
    (v) => isWholeOutcome(v) && (any || v.state === "value"),
  );
  return new Set(stored.map((v) => `${v.indicator_id}|${v.period}|${v.gender}`));
}

/** One written Kolada value in the batch's audit event: named by its key, with value and status before and after. */
function koladaRowChange(r: KoladaDataRow, id: string, stored: repo.KoladaValueChange): BulkRowChange {
  return {
    id,
    label: `${r.kpiId} ${r.municipalityId} ${r.year} ${r.gender}`,
    column: null,
    before: stored.id === null ? null : { value: stored.value, status: stored.status },
    after: { value: r.value, status: r.status },
  };
}

/** A mapped indicator shows when its KPI is next published, as Kolada's metadata says. */
async function syncPublicationDates(
  trx: Db,
  audit: BoundAudit,
  actor: Actor,
  path: string,
  documents: KoladaDocument[],
) {
  const dates = new Map(
    documents.flatMap((d) => (d.kind === "kpi" ? d.kpis.map((k) => [k.id, k.publicationDate] as const) : [])),
  );
  if (dates.size === 0) return;
  const mappings = (await repo.mappingsAround(trx, path)).filter(
    (m) => m.path.startsWith(path) && dates.has(m.kpi_id) && canWriteStyrning(actor, m.path),
  );
  const indicators = await styrningRepo.findIndicators(
    trx,
    mappings.map((m) => m.indicator_id),
  );
  for (const m of mappings) {
    const indicator = indicators.find((i) => i.id === m.indicator_id);
    const date = dates.get(m.kpi_id) ?? null;
    if (!indicator || indicator.publication_date === date) continue;
    const { path: _p, org_node_name: _n, ...before } = indicator;
    const after = await styrningRepo.updateIndicator(trx, indicator.id, { publication_date: date });
    // The indicator may sit on a unit below the import's node; its event belongs there.
    await audit("indicator", indicator.id, "update", { before, after, orgNodeId: after.org_node_id });
  }
}

/** A Kolada file as the API answers it: one page of values. Bounded so one upload cannot hold the server. */
export const MAX_KOLADA_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_KOLADA_FILE_VALUES = 10_000;
/**
 * The CLI reads a file from the operator's own disk while no request waits on it: every KPI of a kommun and
 * its similar municipalities over many years fits (items of KPI × municipality × year, up to three values each).
 */
export const CLI_KOLADA_FILE_VALUES = 200_000;

/** A saved Kolada JSON file (any of data, kpi, municipality, municipality_groups), all or nothing. */
export async function importKoladaFile(
  db: Db,
  actor: Actor,
  orgNodeId: string,
  body: unknown,
  options: { reason: string | null; maxValues?: number; onProgress?: (progress: KoladaProgress) => void },
) {
  // Refused before the file is read: a caller without the right learns nothing from its checks.
  await requireAccess(db, actor, "write:styrning", orgNodeId);
  const values = (body as { values?: unknown })?.values;
  const max = options.maxValues ?? MAX_KOLADA_FILE_VALUES;
  if (Array.isArray(values) && values.length > max) {
    throw new DomainError(
      "payload_too_large",
      `Kolada-filen har för många värden (${values.length.toLocaleString("sv-SE")}): högst ${max.toLocaleString("sv-SE")} per fil. Hämta färre år eller KPI:er åt gången.`,
    );
  }
  // Parsed before the write begins, so checking a large file holds no transaction open.
  const documents = parsePages([body]);
  return write(db, actor, "write:styrning", orgNodeId, (context) =>
    importDocuments(context, actor, documents, options),
  );
}

/**
 * Fetches the mapped KPIs for the given years from the Kolada API at `baseUrl` — for the mapped
 * municipalities and, when a group is named, for every member of that "liknande kommuner" group.
 */
export async function fetchFromKolada(
  db: Db,
  actor: Actor,
  orgNodeId: string,
  input: { years: number[]; groupId?: string | null; reason?: string | null },
  source: { baseUrl: string; fetchImpl?: typeof fetch },
) {
  // Checked before Kolada is asked, and again when the answer is stored.
  const node = await requireAccess(db, actor, "write:styrning", orgNodeId);
  const mappings = (await repo.mappingsAround(db, node.path)).filter(
    (m) => m.path.startsWith(node.path) && canWriteStyrning(actor, m.path),
  );
  if (mappings.length === 0) {
    throw new DomainError(
      "validation",
      "Inga indikatorer här är kopplade till Kolada; koppla ett KPI till en indikator först.",
    );
  }
  const kpis = [...new Set(mappings.map((m) => m.kpi_id))];
  const municipalities = new Set(mappings.map((m) => m.municipality_id));
  const pages: unknown[] = [];
  if (input.groupId) {
    const groupPages = await fetchPages(koladaUrls.group(source.baseUrl, input.groupId), source.fetchImpl);
    pages.push(...groupPages);
    for (const document of parsePages(groupPages)) {
      if (document.kind === "groups") for (const g of document.groups) for (const m of g.members) municipalities.add(m);
    }
  }
  pages.push(...(await fetchPages(koladaUrls.kpi(source.baseUrl, kpis), source.fetchImpl)));
  pages.push(
    ...(await fetchPages(koladaUrls.data(source.baseUrl, kpis, [...municipalities], input.years), source.fetchImpl)),
  );
  const documents = parsePages(pages);
  return write(db, actor, "write:styrning", orgNodeId, (context) =>
    importDocuments(context, actor, documents, { reason: input.reason ?? null, requestedYears: input.years }),
  );
}

// ---- mappings -------------------------------------------------------------------------------

export async function listMappings(db: Db, actor: Actor, orgNodeId: string) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const [mappings, kpis, groups] = await Promise.all([
    repo.mappingsAround(db, node.path),
    repo.kpisAround(db, node.path),
    repo.groupsAround(db, node.path),
  ]);
  return {
    mappings: readableRows(actor, mappings).map((m) => ({
      ...koladaMappingDto(m),
      indicatorName: m.indicator_name,
      genderSplit: m.gender_split as GenderSplit,
      periodType: m.period_type,
      orgNodeName: m.org_node_name,
      writable: m.writable,
    })),
    kpis: kpis
      .filter((k) => canReadStyrning(actor, k.path))
      .map((k) => ({
        kpiId: k.kpi_id,
        title: k.title,
        description: k.description,
        isDividedByGender: k.is_divided_by_gender,
        publicationDate: k.publication_date,
        operatingArea: k.operating_area,
      })),
    groups: groups
      .filter((g) => canReadStyrning(actor, g.path))
      .map((g) => ({ groupId: g.group_id, title: g.title, members: g.members, orgNodeId: g.org_node_id })),
  };
}

export async function setMapping(
  db: Db,
  actor: Actor,
  indicatorId: string,
  input: { kpiId: string; municipalityId?: string },
) {
  return writeRecord(db, actor, "write:styrning", indicatorRecord(indicatorId), async ({ trx, record, audit }) => {
    const indicator = record;
    if (indicator.value_type !== "number" || !["year", "window"].includes(indicator.period_type)) {
      throw new DomainError(
        "validation",
        "Kolada redovisar tal per år; bara en numerisk årsindikator kan kopplas till ett KPI.",
      );
    }
    // The kommun's own code is the municipality id Kolada uses, so it need not be typed for every indicator.
    const kommun = input.municipalityId ? null : await kommunOf(trx, indicator.path);
    const municipalityId = input.municipalityId ?? kommun?.code;
    if (!municipalityId || !/^\d{4}$/.test(municipalityId)) {
      throw new DomainError(
        "validation",
        `Kommunkod: ${kommun?.name ?? "kommunen"} har ingen fyrsiffrig kommunkod; ange Koladas kod för kommunen.`,
      );
    }
    const before = await repo.findMapping(trx, indicatorId);
    const row = await repo.upsertMapping(trx, {
      org_node_id: indicator.org_node_id,
      indicator_id: indicatorId,
      kpi_id: input.kpiId,
      municipality_id: municipalityId,
    });
    await audit("kolada_mapping", row.id, before ? "update" : "create", { before, after: row });
    if (indicator.source_kind !== "kolada") {
      const { path: _p, org_node_name: _n, ...beforeIndicator } = indicator;
      const after = await styrningRepo.updateIndicator(trx, indicatorId, { source_kind: "kolada" });
      await audit("indicator", indicatorId, "update", { before: beforeIndicator, after });
    }
    return koladaMappingDto(row);
  });
}

export async function removeMapping(db: Db, actor: Actor, indicatorId: string) {
  // Access on the indicator first: whether it has a mapping is for those who may change it.
  return writeRecord(db, actor, "write:styrning", indicatorRecord(indicatorId), async ({ trx, audit }) => {
    const mapping = await found(repo.findMapping(trx, indicatorId), "Kolada-kopplingen");
    await repo.deleteMapping(trx, mapping.id);
    await audit("kolada_mapping", mapping.id, "delete", { before: mapping });
  });
}

// ---- comparison and export ------------------------------------------------------------------

/** The indicator's municipality beside the members of a "liknande kommuner" group, per year. */
export async function compareWithGroup(db: Db, actor: Actor, indicatorId: string, groupId: string) {
  const [indicator] = await styrningRepo.findIndicators(db, [indicatorId]);
  assertReadable(actor, indicator, "Indikatorn");
  const mapping = await repo.findMapping(db, indicatorId);
  if (!mapping) throw new DomainError("validation", "Indikatorn är inte kopplad till något Kolada-KPI.");
  const group = (await repo.groupsAround(db, indicator.path)).find((g) => g.group_id === groupId);
  if (!group) throw notFound(`Kommungruppen ${groupId}`);
  const members = [...new Set([mapping.municipality_id, ...group.members])];
  const [values, names] = await Promise.all([
    repo.valuesAround(db, indicator.path, mapping.kpi_id, members),
    repo.municipalitiesAround(db, indicator.path),
  ]);
  const totals = values.filter((v) => v.gender === "T");
  const years = [...new Set(totals.map((v) => v.year))].sort((a, b) => a - b);
  const figureOf = (municipality: string, year: number) =>
    totals.find((v) => v.municipality_id === municipality && v.year === year)?.value ?? null;
  const direction = indicator.direction as Direction;
  const perYear = years.map((year) => {
    const present = members.map((m) => figureOf(m, year)).filter((v): v is number => v !== null);
    const own = figureOf(mapping.municipality_id, year);
    const sorted = [...present].sort((a, b) => (direction === "lower" ? a - b : b - a));
    return {
      year,
      average: present.length ? Math.round((present.reduce((s, v) => s + v, 0) / present.length) * 100) / 100 : null,
      rank: own !== null && direction !== "none" ? sorted.indexOf(own) + 1 : null,
      reported: present.length,
    };
  });
  return {
    indicator: { id: indicator.id, name: indicator.name, direction },
    kpiId: mapping.kpi_id,
    group: { id: group.group_id, title: group.title },
    years,
    municipalities: members.map((m) => ({
      municipalityId: m,
      title: names.find((n) => n.municipality_id === m)?.title ?? m,
      own: m === mapping.municipality_id,
      values: years.map((year) => figureOf(m, year)),
    })),
    perYear,
  };
}

/**
 * The node's yearly numeric indicator values in Kolada's shape. Mapped indicators keep their KPI id
 * and municipality; the others are named LOTS-<indicator id> under the kommun's code.
 */
export async function exportKolada(
  db: Db,
  actor: Actor,
  orgNodeId: string,
  version: KoladaVersion,
  years?: { from: number; to: number },
) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const indicators = (await styrningRepo.indicatorsAround(db, node.path)).filter(
    (i) =>
      i.path.startsWith(node.path) &&
      canReadStyrning(actor, i.path) &&
      i.value_type === "number" &&
      ["year", "window"].includes(i.period_type),
  );
  const ids = indicators.map((i) => i.id);
  const [values, mappings, root] = await Promise.all([
    styrningRepo.valuesOf(db, ids, years),
    repo.mappingsAround(db, node.path),
    kommunOf(db, node.path),
  ]);
  // When one KPI feeds several indicators, the one highest in the tree speaks for the municipality.
  const depth = new Map(indicators.map((i) => [i.id, i.path.length]));
  values.sort((a, b) => (depth.get(a.indicator_id) ?? 0) - (depth.get(b.indicator_id) ?? 0));
  const rows = new Map<string, Omit<KoladaDataRow, "row">>();
  for (const v of values) {
    if (v.state === "not_published" || !isWholeOutcome(v)) continue;
    const mapping = mappings.find((m) => m.indicator_id === v.indicator_id);
    const row = {
      kpiId: mapping?.kpi_id ?? `LOTS-${v.indicator_id}`,
      municipalityId: mapping?.municipality_id ?? root.code ?? "0000",
      year: Number(v.period),
      gender: v.gender as Gender,
      value: v.state === "value" ? v.value : null,
      status: v.state === "value" ? null : "Missing",
    };
    const key = `${row.kpiId}|${row.municipalityId}|${row.year}|${row.gender}`;
    if (!rows.has(key)) rows.set(key, row);
  }
  return toKoladaData(version, [...rows.values()]);
}
