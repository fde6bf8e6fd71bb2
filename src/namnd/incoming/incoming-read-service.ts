import { type AccessOperation, logPersonalDataAccess } from "../../platform/access/log.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read } from "../../platform/service.ts";
import { namndOf } from "../case-read-service.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { rulingLine, rulingSections } from "./rules.ts";
import type { LettersQuery, PeriodQuery, RulingsQuery } from "./schema.ts";
import { appellantLabels, courts, MASKED_SENDER } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

/** Printed for another appellant the reader may not see described. */
const MASKED_APPELLANT = "annan part";

/** A dom or beslut in wire form; another appellant's description only for readers of personal data. */
export function rulingOf(row: repo.RulingRow, showPersonal: boolean) {
  const r = {
    issuer: row.issuer,
    issuerName: row.issuer_name,
    kind: row.kind,
    caseNumber: row.case_number,
    authorityReference: row.authority_reference,
    paragraph: row.paragraph,
    decidedOn: row.decided_on,
    registeredOn: row.registered_on,
    appellant: row.appellant,
    subject: row.subject,
    law: row.law,
    outcome: row.outcome,
    consequence: row.consequence,
    diarienummer: row.diarienummer,
  };
  const appellantOther = showPersonal ? row.appellant_other : null;
  const appellantText =
    row.appellant === "annan"
      ? (appellantOther ?? MASKED_APPELLANT)
      : row.appellant
        ? appellantLabels[row.appellant].toLowerCase()
        : null;
  return {
    id: row.id,
    ...r,
    appellantOther,
    appellantMasked: !showPersonal && row.appellant_other !== null,
    won: row.won,
    text: rulingLine(r, appellantText),
  };
}
export type RulingLine = ReturnType<typeof rulingOf>;

/** A skrivelse in wire form; a private person's name only for readers of personal data. */
export function letterOf(row: repo.LetterRow, showPersonal: boolean) {
  const masked = row.sender_kind === "privatperson" && !showPersonal;
  return {
    id: row.id,
    diarienummer: row.diarienummer,
    registeredOn: row.registered_on,
    sender: masked ? MASKED_SENDER : row.sender,
    senderKind: row.sender_kind,
    senderMasked: masked,
    subject: row.subject,
  };
}

/**
 * The skrivelser that showed the reader a private person's name, in the access log (as lex Sarah reads are).
 * Authorities' and organisations' letters, and readers shown the masked sender, disclose no one.
 */
function logPrivateSenders(
  db: Db,
  actor: Actor,
  operation: AccessOperation,
  orgNodeId: string,
  rows: readonly ReturnType<typeof letterOf>[],
) {
  return logPersonalDataAccess(db, actor, {
    operation,
    orgNodeId,
    records: rows
      .filter((r) => r.senderKind === "privatperson" && !r.senderMasked)
      .map((r) => ({ entity: "namnd_letter", id: r.id, orgNodeId })),
  });
}

/**
 * "Domar och beslut" of a period (by registration date, both days included): sections KR, FR, IMY, IVO, KF,
 * KS in that order (empty ones too; HFD and other authorities when they have rows). The sammanträde's
 * standing item calls this; the route answers it too.
 */
export async function rulingsForPeriod(db: Db, actor: Actor, q: PeriodQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    const show = can(actor, "read:personal", node.path);
    const rows = (await repo.rulingsOf(db, namnd.id, { from: q.periodStart, to: q.periodEnd })).map((r) =>
      rulingOf(r, show),
    );
    const court = rows.filter((r) => courts.includes(r.issuer));
    return {
      namnd: { id: namnd.id, name: namnd.name },
      period: { periodStart: q.periodStart, periodEnd: q.periodEnd },
      count: rows.length,
      courtCount: court.length,
      wonCount: court.filter((r) => r.won === true).length,
      sections: rulingSections(rows),
    };
  });
}

/** "Skrivelser och meddelanden" of a period, by registration date (both days included). */
export async function lettersForPeriod(db: Db, actor: Actor, q: PeriodQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    const show = can(actor, "read:personal", node.path);
    const rows = (await repo.lettersOf(db, namnd.id, { from: q.periodStart, to: q.periodEnd })).map((r) =>
      letterOf(r, show),
    );
    await logPrivateSenders(db, actor, "namnd.skrivelser-period", namnd.id, rows);
    return {
      namnd: { id: namnd.id, name: namnd.name },
      period: { periodStart: q.periodStart, periodEnd: q.periodEnd },
      count: rows.length,
      rows,
    };
  });
}

export async function listRulings(db: Db, actor: Actor, q: RulingsQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    const show = can(actor, "read:personal", node.path);
    const rows = await repo.rulingsOf(db, namnd.id, { from: q.fromDate, to: q.toDate, issuer: q.issuer, q: q.q });
    return rows.map((r) => rulingOf(r, show));
  });
}

export async function rulingOrThrow(db: Db, id: string) {
  const row = await repo.findRuling(db, id);
  if (!row) throw notFound("Domen eller beslutet");
  return row;
}

export async function letterOrThrow(db: Db, id: string) {
  const row = await repo.findLetter(db, id);
  if (!row) throw notFound("Skrivelsen");
  return row;
}

export async function getRuling(db: Db, actor: Actor, id: string) {
  const row = await rulingOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async ({ node }) =>
    rulingOf(row, can(actor, "read:personal", node.path)),
  );
}

export async function listLetters(db: Db, actor: Actor, q: LettersQuery) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => {
    const show = can(actor, "read:personal", node.path);
    const rows = (await repo.lettersOf(db, namnd.id, { from: q.fromDate, to: q.toDate, q: q.q })).map((r) =>
      letterOf(r, show),
    );
    await logPrivateSenders(db, actor, "namnd.skrivelser", namnd.id, rows);
    return rows;
  });
}

export async function getLetter(db: Db, actor: Actor, id: string) {
  const row = await letterOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async ({ db, node }) => {
    const letter = letterOf(row, can(actor, "read:personal", node.path));
    await logPrivateSenders(db, actor, "namnd.skrivelse", row.org_node_id, [letter]);
    return letter;
  });
}
