import type { Updateable } from "kysely";
import type { New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import type { CheckedRuling } from "./rules.ts";
import type { LetterFields } from "./schema.ts";
import type { Issuer } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

/** An ILIKE pattern matching the text anywhere, its wildcards taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const rulingColumns = [
  "id",
  "org_node_id",
  "issuer",
  "issuer_name",
  "kind",
  "case_number",
  "authority_reference",
  "paragraph",
  "decided_on",
  "registered_on",
  "appellant",
  "appellant_other",
  "subject",
  "law",
  "outcome",
  "consequence",
  "won",
  "diarienummer",
] as const;

/** A checked dom or beslut as its columns. */
export const rulingRow = (r: CheckedRuling) => ({
  issuer: r.issuer,
  issuer_name: r.issuerName ?? null,
  kind: r.kind,
  case_number: r.caseNumber ?? null,
  authority_reference: r.authorityReference ?? null,
  paragraph: r.paragraph ?? null,
  decided_on: r.decidedOn,
  registered_on: r.registeredOn,
  appellant: r.appellant ?? null,
  appellant_other: r.appellantOther ?? null,
  subject: r.subject,
  law: r.law ?? null,
  outcome: r.outcome ?? null,
  consequence: r.consequence ?? null,
  won: r.won,
  diarienummer: r.diarienummer,
});

export const findRuling = (db: Db, id: string) =>
  db.selectFrom("namnd_ruling").select(rulingColumns).where("id", "=", id).executeTakeFirst();
export type RulingRow = NonNullable<Awaited<ReturnType<typeof findRuling>>>;

export type RulingFilter = { from?: string; to?: string; issuer?: Issuer; q?: string };

/** The nämnd's rulings registered within the filter, by registration date. */
export const rulingsOf = (db: Db, namndId: string, f: RulingFilter) => {
  let query = db.selectFrom("namnd_ruling").select(rulingColumns).where("org_node_id", "=", namndId);
  if (f.from) query = query.where("registered_on", ">=", f.from);
  if (f.to) query = query.where("registered_on", "<=", f.to);
  if (f.issuer) query = query.where("issuer", "=", f.issuer);
  if (f.q) {
    const like = contains(f.q);
    query = query.where((eb) =>
      eb.or([
        eb("subject", "ilike", like),
        eb("law", "ilike", like),
        eb("consequence", "ilike", like),
        eb("case_number", "ilike", like),
        eb("authority_reference", "ilike", like),
      ]),
    );
  }
  return query.orderBy("registered_on").orderBy("decided_on").orderBy("paragraph").orderBy("id").execute();
};

export const insertRulings = (db: Db, values: New<NamndDB, "namnd_ruling">[]) =>
  db.insertInto("namnd_ruling").values(values).returning("id").execute();

export const updateRuling = (db: Db, id: string, values: Updateable<NamndDB["namnd_ruling"]>) =>
  db.updateTable("namnd_ruling").set(values).where("id", "=", id).execute();

const letterColumns = [
  "id",
  "org_node_id",
  "diarienummer",
  "registered_on",
  "sender",
  "sender_kind",
  "subject",
] as const;

/** A checked skrivelse as its columns. */
export const letterRow = (l: LetterFields) => ({
  diarienummer: l.diarienummer,
  registered_on: l.registeredOn,
  sender: l.sender,
  sender_kind: l.senderKind,
  subject: l.subject,
});

export const findLetter = (db: Db, id: string) =>
  db.selectFrom("namnd_letter").select(letterColumns).where("id", "=", id).executeTakeFirst();
export type LetterRow = NonNullable<Awaited<ReturnType<typeof findLetter>>>;

export const lettersOf = (db: Db, namndId: string, f: { from?: string; to?: string; q?: string }) => {
  let query = db.selectFrom("namnd_letter").select(letterColumns).where("org_node_id", "=", namndId);
  if (f.from) query = query.where("registered_on", ">=", f.from);
  if (f.to) query = query.where("registered_on", "<=", f.to);
  if (f.q) {
    const like = contains(f.q);
    query = query.where((eb) =>
      eb.or([eb("subject", "ilike", like), eb("diarienummer", "ilike", like), eb("sender", "ilike", like)]),
    );
  }
  return query.orderBy("registered_on").orderBy("diarienummer").orderBy("id").execute();
};

export const insertLetters = (db: Db, values: New<NamndDB, "namnd_letter">[]) =>
  db.insertInto("namnd_letter").values(values).returning("id").execute();

export const updateLetter = (db: Db, id: string, values: Updateable<NamndDB["namnd_letter"]>) =>
  db.updateTable("namnd_letter").set(values).where("id", "=", id).execute();
