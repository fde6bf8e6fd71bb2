import { findNode, kommunIdOf } from "../organisation/index.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { read, type ServiceNode } from "../platform/service.ts";
import { formatDiarienummer, parseDiarienummer } from "./diarienummer.ts";
import * as repo from "./repository.ts";
import type { CasesQuery } from "./schema.ts";
import type { NamndDB } from "./tables.ts";
import { standardCaseTypes } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

export type Namnd = { id: string; name: string; path: string; prefix: string };

/** The nämnd of a node (itself or the nearest above), which must keep a diarium (have a prefix). */
export async function namndOf(db: Db, orgNodeId: string): Promise<Namnd> {
  const node = await findNode(db, orgNodeId);
  if (!node) throw notFound("Organisationen");
  const namnd = await repo.namndOfPath(db, node.path);
  if (!namnd) {
    throw new DomainError("validation", `${node.name} hör inte till någon nämnd; välj en nämnd för diariet.`);
  }
  if (!namnd.diarium_prefix) {
    throw new DomainError(
      "validation",
      `${namnd.name} har inget diarieprefix; en administratör anger det för nämnden.`,
    );
  }
  return { id: namnd.id, name: namnd.name, path: namnd.path, prefix: namnd.diarium_prefix };
}

/** The kommun's case types; a kommun that has none yet is offered the standard list (installed on first use). */
export async function caseTypesOf(db: Db, namndPath: string) {
  const types = await repo.caseTypesOf(db, kommunIdOf(namndPath));
  return types.length > 0 ? types : standardCaseTypes.map((t) => ({ ...t, active: true }));
}

export const diarienummerOf = (row: Pick<repo.CaseRow, "prefix" | "year" | "number">) =>
  formatDiarienummer({ prefix: row.prefix, year: row.year, number: row.number });

export function summaryOf(row: repo.CaseRow) {
  return {
    id: row.id,
    diarienummer: diarienummerOf(row),
    year: row.year,
    number: row.number,
    title: row.title,
    type: { code: row.type_code, name: row.type_name },
    registeredOn: row.registered_on,
    receivedOn: row.received_on,
    handler: row.handler_id ? { id: row.handler_id, name: row.handler_name ?? "" } : null,
    status: row.status,
    closedOn: row.closed_on,
    standing: row.standing_series !== null,
  };
}

export function documentOf(d: repo.DocumentRow, lagrum: readonly repo.LagrumRow[]) {
  const marking = d.lagrum_id ? lagrum.find((l) => l.id === d.lagrum_id) : undefined;
  return {
    id: d.id,
    title: d.title,
    fileName: d.file_name,
    contentType: d.content_type,
    sizeBytes: d.size_bytes,
    direction: d.direction,
    documentDate: d.document_date,
    registeredOn: d.registered_on,
    sekretess: marking ? { code: marking.code, reference: marking.reference } : null,
  };
}

/** Finds a case or says it does not exist. */
export async function caseOrThrow(db: Db, id: string): Promise<repo.CaseRow> {
  const row = await repo.findCase(db, id);
  if (!row) throw notFound("Ärendet");
  return row;
}

/** A case in full. The caller has checked access on its nämnd (read, or write:namnd for a change's answer). */
export async function describeCase(db: Db, actor: Actor, row: repo.CaseRow, namnd: ServiceNode) {
  const [links, references, documents, lagrum] = [
    await repo.linkedCases(db, row.id),
    await repo.referencesOf(db, row.id),
    await repo.documentsOf(db, row.id),
    await repo.lagrumList(db),
  ];
  return {
    ...summaryOf(row),
    namnd: { id: namnd.id, name: namnd.name },
    links: links.map((l) => ({ id: l.id, diarienummer: diarienummerOf(l), title: l.title, status: l.status })),
    references: references.map((r) => ({ id: r.id, kind: r.kind, value: r.value, note: r.note })),
    documents: documents.map((d) => documentOf(d, lagrum)),
    canWrite: can(actor, "write:namnd", namnd.path),
    canReadSecret: can(actor, "read:personal", namnd.path),
  };
}

/** The nämnd's lists for the diarium's forms and filters. */
export async function lists(db: Db, actor: Actor, orgNodeId: string) {
  const namnd = await namndOf(db, orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) => ({
    namnd: { id: namnd.id, name: namnd.name, prefix: namnd.prefix },
    types: (await caseTypesOf(db, namnd.path)).map((t) => ({ code: t.code, name: t.name, active: t.active })),
    lagrum: (await repo.lagrumList(db)).map(({ id: _id, ...l }) => l),
    series: (await repo.seriesOf(db, namnd.id)).map((s) => ({ year: s.year, lastNumber: s.last_number })),
    standing: (await repo.standingSeriesOf(db, namnd.id)).map((s) => ({
      series: s.series as string,
      type: s.type_code,
      latestYear: Number(s.year),
    })),
  }));
}

/** Who may be a handläggare: the accounts with a current role on the nämnd or under it (for writers). */
export async function handlers(db: Db, actor: Actor, orgNodeId: string) {
  const namnd = await namndOf(db, orgNodeId);
  // Writers choose the handläggare; the list names staff, so it is not offered to every reader.
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    if (!can(actor, "write:namnd", node.path))
      throw new DomainError("forbidden", "Du saknar behörighet att ändra nämndadministrationen.");
    const users = await repo.handlersUnder(db, node.path, todayInSweden());
    return users.map((u) => ({ id: u.id, name: u.display_name, username: u.username }));
  });
}

/**
 * A page of the diarium. A search that reads as a diarienummer (any variant) finds that case; any search
 * text also matches titles and the numbers as written.
 */
export async function listCases(db: Db, actor: Actor, q: CasesQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) => {
    const parsed = q.q ? parseDiarienummer(q.q, namnd.prefix) : null;
    const number = parsed?.ok && !parsed.value.foreign ? parsed.value : undefined;
    const types = q.type ? await caseTypesOf(db, namnd.path) : [];
    if (q.type && !types.some((t) => t.code === q.type)) return { total: 0, diarienummer: null, cases: [] };
    const { total, rows } = await repo.listCases(db, {
      namndId: namnd.id,
      // Another body's number (KS-2023-00710) is looked for among the references, as written canonically.
      text: number ? undefined : parsed?.ok ? parsed.value.canonical : q.q || undefined,
      number,
      year: q.year,
      status: q.status,
      typeCode: q.type,
      standing: q.standing,
      handlerId: q.handlerId,
      limit: q.limit,
      offset: q.offset,
    });
    return {
      total,
      diarienummer: parsed?.ok ? parsed.value.canonical : null,
      cases: rows.map((r) => ({ ...summaryOf(r), documentCount: Number(r.document_count ?? 0) })),
    };
  });
}

/** One case in full for a reader of its nämnd. */
export async function getCase(db: Db, actor: Actor, id: string) {
  const row = await caseOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, ({ db, node }) => describeCase(db, actor, row, node));
}
