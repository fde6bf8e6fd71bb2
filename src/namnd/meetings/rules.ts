// Sammanträden's pure rules: the standing items' default period, the status flow and what each step needs,
// the § numbers a held meeting gets, the checks of a roster and of one §'s protokoll, the beslutsgång written
// from the yrkanden, and the förslag till beslut of each standing item (the verbs of B3). No database here.
import { addDays, addMonths } from "../../platform/calendar.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import type { AttendeeRole, MeetingStatus, MotionKind, StandingKind } from "./vocabulary.ts";

export type Period = { start: string; end: string };

/**
 * The period a meeting's standing items cover unless the secretary sets another: from the day after the
 * previous meeting's period (of the same body) until the day before this meeting. A body's first meeting
 * starts from the first day of the month before it. Never empty: a meeting the day after the previous one
 * covers its own eve.
 */
export function defaultPeriod(meetingDate: string, previousPeriodEnd: string | null): Period {
  const end = addDays(meetingDate, -1);
  const start = previousPeriodEnd ? addDays(previousPeriodEnd, 1) : `${addMonths(meetingDate, -1).slice(0, 8)}01`;
  return { start: start <= end ? start : end, end };
}

/** The one next status of each (justerat is final). */
export const nextStatus: Record<MeetingStatus, MeetingStatus | null> = {
  planerat: "kallat",
  kallat: "genomfort",
  genomfort: "justerat",
  justerat: null,
  installt: null,
};

/** The agenda can be changed until the meeting is held (its items then have their §). */
export const agendaOpen = (status: MeetingStatus) => status === "planerat" || status === "kallat";
/** The protokoll is written once the meeting is held and until it is justerat. */
export const protocolOpen = (status: MeetingStatus) => status === "genomfort";

export type TransitionFacts = {
  status: MeetingStatus;
  meetingDate: string;
  today: string;
  items: readonly { title: string; decision: string | null }[];
  attendees: readonly { role: AttendeeRole; present: boolean; adjuster: boolean }[];
  /** The justering's date, for the step to justerat. */
  adjustedOn?: string | null;
};

const statusNames: Record<MeetingStatus, string> = {
  planerat: "planerat",
  kallat: "kallat",
  genomfort: "genomfört",
  justerat: "justerat",
  installt: "inställt",
};

/** Why the meeting cannot move to `to`, each problem naming its field; empty when it can. */
export function transitionProblems(facts: TransitionFacts, to: MeetingStatus): FieldProblem[] {
  if (nextStatus[facts.status] !== to) {
    const next = nextStatus[facts.status];
    return [
      {
        field: "status",
        message: next
          ? `Sammanträdet är ${statusNames[facts.status]}; nästa steg är ${statusNames[next]}, inte ${statusNames[to]}.`
          : facts.status === "installt"
            ? "Sammanträdet är inställt."
            : "Protokollet är justerat och kan inte ändras.",
      },
    ];
  }
  const problems: FieldProblem[] = [];
  if (to === "kallat" && facts.items.length === 0) {
    problems.push({
      field: "status",
      message: "Föredragningslistan är tom; lägg till ärenden innan kallelsen skickas.",
    });
  }
  if (to === "genomfort") {
    if (facts.meetingDate > facts.today) {
      problems.push({
        field: "status",
        message: `Sammanträdet är ${facts.meetingDate} och kan inte vara genomfört än.`,
      });
    }
    if (!facts.attendees.some((a) => a.present && a.role !== "tjansteperson")) {
      problems.push({ field: "attendees", message: "Ange närvaron: ingen ledamot är markerad som närvarande." });
    }
  }
  if (to === "justerat") {
    const missing = facts.items.filter((i) => !i.decision);
    if (missing.length > 0) {
      problems.push({
        field: "items",
        message: `Beslut saknas för ${missing.map((i) => i.title).join("; ")}.`,
      });
    }
    if (!facts.attendees.some((a) => a.adjuster)) {
      problems.push({ field: "attendees", message: "Ange minst en justerare i närvarolistan." });
    }
    const on = facts.adjustedOn;
    if (!on) problems.push({ field: "adjustedOn", message: "Ange justeringsdagen." });
    else if (on < facts.meetingDate) {
      problems.push({
        field: "adjustedOn",
        message: `Justeringen kan inte ligga före sammanträdet (${facts.meetingDate}).`,
      });
    } else if (on > facts.today) {
      problems.push({ field: "adjustedOn", message: "Justeringsdagen kan inte ligga i framtiden." });
    }
  }
  return problems;
}

const heldMessage = "Sammanträdet är genomfört och kan varken tas bort eller ställas in.";

/**
 * Why the meeting cannot be deleted (null when it can): only a planned meeting, whose kallelse has not gone
 * out and which has no § issued, disappears without a trace; a kallat one is inställt instead.
 */
export function deleteProblem(status: MeetingStatus): string | null {
  if (status === "planerat") return null;
  if (status === "kallat") return "Kallelsen är skickad; ställ in sammanträdet i stället för att ta bort det.";
  if (status === "installt") return "Sammanträdet är inställt och finns kvar som inställt.";
  return heldMessage;
}

/** Why the meeting cannot be inställt (null when it can): only a kallat meeting not yet held is. */
export function cancelProblem(status: MeetingStatus): string | null {
  if (status === "kallat") return null;
  if (status === "planerat") return "Kallelsen är inte skickad; ta bort det planerade sammanträdet i stället.";
  if (status === "installt") return "Sammanträdet är redan inställt.";
  return heldMessage;
}

/** § numbers run per body and calendar year: the meeting's date decides the series. */
export const paragraphYear = (meetingDate: string) => Number(meetingDate.slice(0, 4));

/** The `count` numbers ending at `last` (the series after they were issued), in agenda order. */
export const paragraphRange = (last: number, count: number) =>
  Array.from({ length: count }, (_, i) => last - count + 1 + i);

/** "Anna Andersson" → "Anna Anderssons"; a name ending in s, x or z takes no extra s. */
export const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

export type Member = { name: string; party: string | null };
export const memberLabel = (m: Member) => (m.party ? `${m.name} (${m.party})` : m.name);
const memberGenitive = (m: Member) => (m.party ? `${genitive(m.name)} (${m.party})` : genitive(m.name));

export type RosterEntry = {
  key: string;
  name: string;
  party: string | null;
  role: AttendeeRole;
  present: boolean;
  servingFor: string | null;
  adjuster: boolean;
};

/** Problems of a whole roster, each naming its row (`attendees.3.servingFor`). */
export function rosterProblems(roster: readonly RosterEntry[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (i: number, field: string, message: string) =>
    problems.push({ field: `attendees.${i}.${field}`, message });
  const chairs = roster.filter((r) => r.role === "ordforande");
  if (chairs.length > 1) {
    at(roster.indexOf(chairs[1] as RosterEntry), "role", "Sammanträdet kan bara ha en ordförande.");
  }
  const served = new Set<string>();
  const names = new Set<string>();
  roster.forEach((r, i) => {
    const key = r.name.toLocaleLowerCase("sv");
    if (names.has(key)) at(i, "name", `${r.name} finns två gånger i närvarolistan.`);
    names.add(key);
    if (r.role !== "tjansteperson" && !r.party) at(i, "party", `Ange partiet för ${r.name}.`);
    if (r.servingFor !== null) {
      const replaced = roster.find((o) => o.key === r.servingFor);
      if (r.role !== "ersattare") at(i, "servingFor", "Bara en ersättare kan tjänstgöra för en ledamot.");
      else if (!replaced || (replaced.role !== "ledamot" && replaced.role !== "ordforande")) {
        at(i, "servingFor", `${r.name} kan bara tjänstgöra för en ledamot i listan.`);
      } else if (replaced.present) {
        at(i, "servingFor", `${replaced.name} är närvarande; ${r.name} kan inte tjänstgöra i hens ställe.`);
      } else if (served.has(replaced.key)) {
        at(i, "servingFor", `${replaced.name} har redan en tjänstgörande ersättare.`);
      } else if (!r.present) {
        at(i, "servingFor", `${r.name} är inte närvarande och kan inte tjänstgöra.`);
      }
      served.add(r.servingFor);
    }
    if (r.adjuster && (!r.present || r.role === "tjansteperson")) {
      at(i, "adjuster", `${r.name} kan inte justera: bara en närvarande ledamot eller ersättare justerar.`);
    }
  });
  return problems;
}

/** Who takes part in the nämnd's decisions: present ledamöter and ordförande, and tjänstgörande ersättare. */
export const decides = (r: Pick<RosterEntry, "role" | "present" | "servingFor">) =>
  r.present && (r.role === "ordforande" || r.role === "ledamot" || (r.role === "ersattare" && r.servingFor !== null));

export type MotionEntry = Member & { attendeeKey: string; kind: MotionKind; text: string; adopted: boolean };

/** Problems of one §'s protokoll: yrkanden by members who decide, one adopted among competing ones, jäv, reservationer. */
export function protocolProblems(
  entry: { motions: readonly MotionEntry[]; jav: readonly string[]; reservations: readonly string[] },
  roster: readonly RosterEntry[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byKey = new Map(roster.map((r) => [r.key, r]));
  const jav = new Set(entry.jav);
  entry.motions.forEach((m, i) => {
    const member = byKey.get(m.attendeeKey);
    if (!member)
      problems.push({ field: `motions.${i}.attendeeId`, message: "Den som yrkar finns inte i närvarolistan." });
    else if (!member.present || member.role === "tjansteperson") {
      problems.push({
        field: `motions.${i}.attendeeId`,
        message: `${member.name} kan inte yrka: bara närvarande förtroendevalda yrkar.`,
      });
    } else if (jav.has(m.attendeeKey)) {
      problems.push({
        field: `motions.${i}.attendeeId`,
        message: `${member.name} har anmält jäv i paragrafen och kan inte yrka.`,
      });
    }
  });
  const main = entry.motions.filter((m) => m.kind === "yrkande");
  if (main.length > 1 && main.filter((m) => m.adopted).length !== 1) {
    problems.push({
      field: "motions",
      message: "Flera yrkanden står mot varandra: markera det som nämnden biföll (ett).",
    });
  }
  entry.jav.forEach((key, i) => {
    if (!byKey.has(key)) problems.push({ field: `jav.${i}`, message: "Den jäviga finns inte i närvarolistan." });
  });
  entry.reservations.forEach((key, i) => {
    const member = byKey.get(key);
    if (!member)
      problems.push({ field: `reservations.${i}`, message: "Den som reserverar sig finns inte i närvarolistan." });
    else if (!decides(member)) {
      problems.push({
        field: `reservations.${i}`,
        message: `${member.name} deltar inte i beslutet och kan inte reservera sig.`,
      });
    } else if (jav.has(key)) {
      problems.push({
        field: `reservations.${i}`,
        message: `${member.name} är jävig i paragrafen och deltar inte i beslutet.`,
      });
    }
  });
  return problems;
}

const countWords = ["", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"];
const inWords = (n: number) => countWords[n] ?? String(n);
const listed = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;

/**
 * The beslutsgång as the protokoll words it (B4): the chair finds the proposals, asks, and finds approval.
 * Without yrkanden the nämnd decides on the förvaltning's proposal.
 */
export function beslutsgang(motions: readonly MotionEntry[], body: string): string {
  const main = motions.filter((m) => m.kind === "yrkande");
  const additions = motions.filter((m) => m.kind === "tillaggsyrkande");
  const sentences: string[] = [];
  if (main.length === 0) {
    sentences.push(`Ordföranden frågar om ${body} kan besluta enligt förvaltningens förslag och finner att så sker.`);
  } else if (main.length === 1) {
    const only = main[0] as MotionEntry;
    sentences.push(`Ordföranden finner att det finns ett förslag till beslut, ${memberGenitive(only)} yrkande.`);
    sentences.push(`Ordföranden frågar om ${body} kan besluta enligt förslaget och finner att så sker.`);
  } else {
    const adopted = main.find((m) => m.adopted) as MotionEntry;
    sentences.push(
      `Ordföranden finner att det finns ${inWords(main.length)} förslag till beslut: ${listed(main.map((m) => `${memberGenitive(m)} yrkande`))}.`,
    );
    sentences.push(
      `Ordföranden ställer förslagen mot varandra och finner att ${body} beslutar enligt ${memberGenitive(adopted)} yrkande.`,
    );
  }
  for (const a of additions) {
    sentences.push(
      `Ordföranden frågar därefter om ${body} kan bifalla ${memberGenitive(a)} tilläggsyrkande och finner att ${
        a.adopted ? "så sker" : `${body} avslår det`
      }.`,
    );
  }
  return sentences.join(" ");
}

/** The standing items' titles, their verb (B3) and what the förslag till beslut calls the report. */
export const standingItems: Record<StandingKind, { title: string; verb: "godkanner" | "noterar"; object: string }> = {
  delegationsbeslut: {
    title: "Anmälan av delegeringsbeslut",
    verb: "godkanner",
    object: "anmälan av delegeringsbeslut",
  },
  ordforandebeslut: { title: "Anmälan av ordförandebeslut", verb: "godkanner", object: "anmälan av ordförandebeslut" },
  domar: { title: "Domar och beslut", verb: "noterar", object: "redovisningen av domar och beslut" },
  synpunkter: { title: "Synpunkter och klagomål", verb: "noterar", object: "redovisningen av synpunkter och klagomål" },
  skrivelser: { title: "Skrivelser och meddelanden", verb: "noterar", object: "skrivelser och meddelanden" },
  lex_sarah: {
    title: "Lex Sarah",
    verb: "godkanner",
    object: "redovisningen av rapporter och utredningar enligt lex Sarah",
  },
  evb: { title: "Ej verkställda beslut", verb: "godkanner", object: "rapporteringen av ej verkställda beslut" },
};

/**
 * The förslag till beslut of a standing item: "<body> godkänner … för perioden A–B." or "<body> noterar …
 * för perioden A–B till protokollet." The EVB report covers a quarter instead of the period.
 */
export function standingProposal(kind: StandingKind, body: string, period: Period, quarter: string | null): string {
  const item = standingItems[kind];
  const span = kind === "evb" && quarter ? `för ${quarter}` : `för perioden ${period.start}–${period.end}`;
  return item.verb === "godkanner"
    ? `${body} godkänner ${item.object} ${span}.`
    : `${body} noterar ${item.object} ${span} till protokollet.`;
}
