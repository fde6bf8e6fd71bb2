// The standing items of a sammanträde, filled from the registers for the meeting's period (by registration
// or decision date, both days included): each register's own public read, so the reader's access decides
// what is returned. A register the reader may not read gives its item as "ej behörig" instead of failing
// the agenda. Kvalitet's items (synpunkter, lex Sarah) are the committee's memo form, read with read on the
// nämnd, so the kallelse stores them whoever sends it.
import { quarterReportFor } from "../../evb/index.ts";
import { complaintsMemo, lexSarahCommitteeMemo } from "../../kvalitet/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import { formatQuarter, previousQuarter, quarterOf } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError } from "../../platform/errors.ts";
import { formatCount } from "../../platform/i18n/format.ts";
import { delegationReport, listDecisions } from "../delegation/delegation-read-service.ts";
import { lettersForPeriod, rulingsForPeriod } from "../incoming/incoming-read-service.ts";
import type { NamndDB } from "../tables.ts";
import type { Period } from "./rules.ts";
import type { StandingContent } from "./tables.ts";
import type { StandingKind } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;
// Another capability's read is typed with its own view of the database; the handle (and the transaction)
// is the same one, holding every table.
const kvalitetDb = (db: Db) => db as unknown as Parameters<typeof complaintsMemo>[0];
const evbDb = (db: Db) => db as unknown as Parameters<typeof quarterReportFor>[0];
type Section = StandingContent["sections"][number];

const sentence = (parts: (string | null | undefined)[]) =>
  `${parts
    .filter((p): p is string => Boolean(p))
    .join(" ")
    .replace(/[.\s]+$/, "")}.`;
const dnr = (d: string | null | undefined) => (d ? `Dnr ${d}.` : null);
const content = (count: number | null, sections: Section[]): StandingContent => ({
  count,
  forbidden: false,
  note: null,
  sections,
});

/** The EVB report a meeting takes: the latest quarter that ended before the meeting day. */
export const evbQuarter = (meetingDate: string) => previousQuarter(quarterOf(meetingDate));
/** "kvartal 4 2023", as the förslag till beslut words it. */
export const quarterLabel = (meetingDate: string) => {
  const q = evbQuarter(meetingDate);
  return `kvartal ${q.quarter} ${q.year}`;
};

async function compute(
  db: Db,
  actor: Actor,
  kind: StandingKind,
  namndId: string,
  period: Period,
  meetingDate: string,
): Promise<StandingContent> {
  const q = { orgNodeId: namndId, periodStart: period.start, periodEnd: period.end };
  switch (kind) {
    case "delegationsbeslut": {
      const report = await delegationReport(db, actor, q);
      const sections = report.sections.map((s) => ({ heading: s.title, count: s.count, lines: s.lines }));
      return content(
        sections.reduce((n, s) => n + (s.count ?? 0), 0),
        sections,
      );
    }
    case "ordforandebeslut": {
      const decisions = (await listDecisions(db, actor, q)).filter((d) => d.decider.kind === "ordforande");
      const lines = decisions.map((d) =>
        sentence([dnr(d.diarienummer), d.subject, `(punkt ${d.point.code}, ${d.decidedOn}, ${d.decider.name})`]),
      );
      return content(decisions.length, [{ heading: "Ordförandebeslut", count: decisions.length, lines }]);
    }
    case "domar": {
      const rulings = await rulingsForPeriod(db, actor, q);
      return content(
        rulings.count,
        rulings.sections.map((s) => ({ heading: s.heading, count: s.rows.length, lines: s.rows.map((r) => r.text) })),
      );
    }
    case "synpunkter": {
      const rows = await complaintsMemo(kvalitetDb(db), actor, q);
      const lines = rows.map((c) => sentence([dnr(c.dnr), c.text]));
      return content(rows.length, [{ heading: "Synpunkter och klagomål", count: lines.length, lines }]);
    }
    case "skrivelser": {
      const letters = await lettersForPeriod(db, actor, q);
      const lines = letters.rows.map((l) => sentence([dnr(l.diarienummer), `${l.sender}:`, l.subject]));
      return content(letters.count, [{ heading: "Skrivelser och meddelanden", count: letters.count, lines }]);
    }
    case "lex_sarah": {
      const memo = await lexSarahCommitteeMemo(kvalitetDb(db), actor, q);
      return content(memo.reports, [
        {
          heading: "Inkomna rapporter",
          count: memo.reports,
          lines: memo.reportsByMonth.map((m) => `${m.name}: ${formatCount(m.count, "rapport", "rapporter")}.`),
        },
        { heading: "Utredningar, lista A", count: memo.listA.length, lines: memo.listA.map((l) => l.text) },
        { heading: "Utredningar, lista B", count: memo.listB.length, lines: memo.listB.map((l) => l.text) },
        {
          heading: "Anmälda till IVO",
          count: memo.ivoCases,
          lines: [`${formatCount(memo.ivoCases, "ärende", "ärenden")} bedömda som allvarliga och anmälda till IVO.`],
        },
      ]);
    }
    case "evb": {
      const quarter = formatQuarter(evbQuarter(meetingDate));
      const report = await quarterReportFor(evbDb(db), actor, namndId, quarter);
      const c = report.counts;
      const shown = (n: number | null) => (n === null ? "färre än 5 (visas inte)" : String(n));
      return content(c.totalOpen, [
        {
          heading: `Kvartal ${quarter}`,
          count: c.totalOpen,
          lines: [
            `Ej verkställda vid kvartalets slut: ${shown(c.totalOpen)}.`,
            `Nya under kvartalet: ${shown(c.ny)}.`,
            `Återrapporterade: ${shown(c.aterrapportering)}.`,
            `Verkställda: ${shown(c.verkstalld)}.`,
            `Avslutade utan verkställighet: ${shown(c.avslutad)}.`,
          ],
        },
      ]);
    }
  }
}

/**
 * One standing item's content for the reader. A refusal of the register's read marks the item "ej behörig"; a period the register cannot report on (an EVB
 * quarter not yet begun) gives the register's message. Anything else is a fault and fails.
 */
export async function standingContent(
  db: Db,
  actor: Actor,
  kind: StandingKind,
  namndId: string,
  period: Period,
  meetingDate: string,
): Promise<StandingContent> {
  try {
    return await compute(db, actor, kind, namndId, period, meetingDate);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "forbidden") return { count: null, forbidden: true, note: "Ej behörig", sections: [] };
    if (error.code === "validation") return { count: null, forbidden: false, note: error.messageSv, sections: [] };
    throw error;
  }
}

// The figures and lines in a fixed order: jsonb keeps an object's keys in an order of its own.
const figures = (c: StandingContent) => JSON.stringify([c.count, c.sections.map((s) => [s.heading, s.count, s.lines])]);

/** Whether what the kallelse presented differs from the registers now (only when both could be read). */
export const changedSince = (presented: StandingContent | null, live: StandingContent) =>
  presented !== null && !presented.forbidden && !live.forbidden && figures(presented) !== figures(live);
