import { kommunOf } from "../../organisation/index.ts";
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
import { indicatorRecord, type SaveResult, saveValues, type ValueRequest } from "../indicators-service.ts";
import * as styrningRepo from "../repository.ts";
import type { StyrningDB } from "../tables.ts";
import type { Direction, Gender, GenderSplit } from "../vocabulary.ts";
import { fetchPages, koladaUrls } from "./client.ts";
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
type StoredValue = { indicator_id: string; period: string; gender: string; state: string };

/** What Kolada's rows mean for each mapped indicator, as value writes (no I/O: the rule alone). */
function valueRequests(
  mappings: Mapping[],
  rows: KoladaDataRow[],
  existing: StoredValue[],
  requestedYears: number[],
): ValueRequest[] {
  const stored = (indicatorId: string, period: string, gender: string) =>
    existing.find((v) => v.indicator_id === indicatorId && v.period === period && v.gender === gender);
  const request = (
    m: Mapping,
    period: string,
    gender: Gender,
    row: number,
    value: number | null,
    state: ValueRequest["state"],
  ) => ({
    indicatorId: m.indicator_id,
    period,
    gender,
    state,
    value,
    statusCode: null,
    note: null,
    publishedAt: null,
    reason: null,
    row,
  });
  const requests: ValueRequest[] = [];
  for (const m of mappings) {
    const genders: Gender[] = m.gender_split === "total" ? ["T"] : ["T", "K", "M"];
    const own = rows.filter(
      (r) => r.kpiId === m.kpi_id && r.municipalityId === m.municipality_id && genders.includes(r.gender),
    );
    for (const r of own) {
      const period = String(r.year);
      // "Missing" in Kolada says the source lacks the figure; it never overwrites a value recorded here.
      if (r.value === null && stored(m.indicator_id, period, r.gender)?.state === "value") continue;
      requests.push(request(m, period, r.gender, r.row, r.value, r.value === null ? "not_measured" : "value"));
    }
    // A requested year with nothing at all from Kolada is not published yet — empty, not zero.
    for (const year of requestedYears) {
      for (const gender of m.gender_split === "total" ? (["T"] as const) : (["K", "M"] as const)) {
        const period = String(year);
        if (own.some((r) => r.year === year && r.gender === gender)) continue;
        if (stored(m.indicator_id, period, gender)) continue;
        requests.push(request(m, period, gender, 0, null, "not_published"));
      }
    }
  }
  return requests;
}

/**
 * Stores what Kolada published (metadata, groups, values for every municipality) on the node, then
 * feeds every mapped indicator under it: one KPI may feed indicators in several units. All or nothing.
 */
async function importDocuments(
  { trx, node, audit }: WriteContext<StyrningDB>,
  actor: Actor,
  documents: KoladaDocument[],
  options: { reason: string | null; requestedYears?: number[] },
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
  const rows: KoladaDataRow[] = [];
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
        rows.push(...document.rows);
        break;
      case "empty":
        break;
    }
  }
  result.accepted = result.kpis + result.municipalities + result.groups;
  await syncPublicationDates(trx, audit, actor, node.path, documents);
  if (rows.length === 0) return result;

  // The raw source, kept for every municipality so "liknande kommuner" can be compared later.
  const kpiIds = [...new Set(rows.map((r) => r.kpiId))];
  const stored = new Map(
    (await repo.valuesOfNode(trx, node.id, kpiIds)).map((v) => [
      `${v.kpi_id}|${v.municipality_id}|${v.year}|${v.gender}`,
      v,
    ]),
  );
  for (const r of rows) {
    result.koladaValues.received += 1;
    const before = stored.get(`${r.kpiId}|${r.municipalityId}|${r.year}|${r.gender}`);
    const changed = await storeIfChanged(audit, "kolada_value", before, { value: r.value, status: r.status }, () =>
      repo.upsertKoladaValue(trx, {
        org_node_id: node.id,
        kpi_id: r.kpiId,
        municipality_id: r.municipalityId,
        year: r.year,
        gender: r.gender,
        value: r.value,
        status: r.status,
      }),
    );
    if (changed) result.koladaValues.changed += 1;
  }
  result.accepted += new Set(rows.map((r) => r.row)).size;

  const mappings = (await repo.mappingsAround(trx, node.path)).filter(
    (m) => m.path.startsWith(node.path) && kpiIds.includes(m.kpi_id) && canWriteStyrning(actor, m.path),
  );
  // Kolada speaks of the whole indicator's outcome: forecasts and parts of its dimensions are other cells.
  const existing = (
    await styrningRepo.valuesOf(
      trx,
      mappings.map((m) => m.indicator_id),
    )
  ).filter(isWholeOutcome);
  const requests = valueRequests(mappings, rows, existing, options.requestedYears ?? []);
  if (requests.length) {
    result.indicatorValues = await saveValues(trx, actor, requests, {
      source: "kolada",
      sourceRef: version ? `Kolada ${version}` : "Kolada",
      reason: options.reason,
    });
  }
  return result;
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

/** A saved Kolada JSON file (any of data, kpi, municipality, municipality_groups). */
/** A Kolada file as the API answers it: one page of values. Bounded so one upload cannot hold the server. */
export const MAX_KOLADA_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_KOLADA_FILE_VALUES = 10_000;

export async function importKoladaFile(db: Db, actor: Actor, orgNodeId: string, body: unknown, reason: string | null) {
  const values = (body as { values?: unknown })?.values;
  if (Array.isArray(values) && values.length > MAX_KOLADA_FILE_VALUES) {
    throw new DomainError(
      "payload_too_large",
      `Kolada-filen har för många värden (${values.length.toLocaleString("sv-SE")}): högst ${MAX_KOLADA_FILE_VALUES.toLocaleString("sv-SE")} per fil. Hämta färre år eller KPI:er åt gången.`,
    );
  }
  return write(db, actor, "write:styrning", orgNodeId, (context) =>
    importDocuments(context, actor, parsePages([body]), { reason }),
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
