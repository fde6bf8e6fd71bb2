// Delegation's pure rules: the form of a point's code, whether a decider holds the point a decision is made
// under, the Upplysning of an ordförandebeslut, and the memo "Anmälan av delegeringsbeslut" grouped in its six
// fixed sections. No database here; the services hand in what they read.
import {
  type AnmalanSection,
  anmalanSectionLabels,
  anmalanSections,
  type DecisionLaw,
  type DelegateKind,
  decisionLawLabels,
  delegateKindLabels,
} from "./vocabulary.ts";

/** 5.1.1: two to four numbers of one or two digits, separated by points. */
const POINT_CODE = /^[1-9]\d?(\.\d{1,2}){1,3}$/;

export function pointCodeProblem(code: string): string | null {
  return POINT_CODE.test(code) ? null : `"${code}" är ingen punkt i delegeringsordningen; skriv den som 5.1.1.`;
}

/** 5.1.2 before 5.1.10: the codes compared number by number. */
export function comparePointCodes(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export type Delegate = { kind: DelegateKind; functionId: string | null; functionName: string | null };
export type Decider = { kind: DelegateKind; functionId: string | null; functionName: string | null };
/** A vidaredelegering of the point to a function, in force from one date (to another, if it ended). */
export type Subdelegation = { functionId: string; validFrom: string; validUntil: string | null };
export type PointForCheck = {
  code: string;
  heading: string;
  delegates: readonly Delegate[];
  subdelegations: readonly Subdelegation[];
};

export const delegateName = (d: Delegate | Decider) =>
  d.kind === "funktion" ? (d.functionName ?? "okänd funktion") : delegateKindLabels[d.kind];

const sameDelegate = (a: Delegate | Decider, b: Delegate | Decider) =>
  a.kind === b.kind && (a.kind !== "funktion" || a.functionId === b.functionId);

/**
 * Whether the decider held the point on the decision's date: named among its delegates, or a function the
 * point was vidaredelegerad to then. Answers null, or a Swedish refusal naming the point.
 */
export function holderProblem(point: PointForCheck, decider: Decider, decidedOn: string): string | null {
  if (point.delegates.some((d) => sameDelegate(d, decider))) return null;
  const subdelegated =
    decider.kind === "funktion" &&
    point.subdelegations.some(
      (s) =>
        s.functionId === decider.functionId &&
        s.validFrom <= decidedOn &&
        (s.validUntil === null || decidedOn <= s.validUntil),
    );
  if (subdelegated) return null;
  const holders = point.delegates.map(delegateName).join(", ") || "ingen";
  return `${delegateName(decider)} har inte delegation enligt punkt ${point.code} (${point.heading}); delegat: ${holders}.`;
}

/** A point of a proposed ordning, with the delegates' functions named as written. */
export type ProposedPoint = { code: string; delegates: readonly { kind: DelegateKind; function?: string | null }[] };

/**
 * Problems of a whole proposed ordning, each naming its row: the code's form, codes given twice, a
 * delegate function that is not in the nämnd's list, a function given for the utskott or the ordförande,
 * and a delegate given twice.
 */
export function orderProblems(points: readonly ProposedPoint[], functions: readonly string[]) {
  const known = new Set(functions.map((f) => f.toLocaleLowerCase("sv")));
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  points.forEach((p, i) => {
    const codeProblem = pointCodeProblem(p.code);
    if (codeProblem) problems.push({ field: `points.${i}.code`, message: codeProblem });
    else if (seen.has(p.code))
      problems.push({ field: `points.${i}.code`, message: `Punkt ${p.code} finns två gånger.` });
    seen.add(p.code);
    const holders = new Set<string>();
    p.delegates.forEach((d, j) => {
      const field = `points.${i}.delegates.${j}`;
      const name = d.function?.trim() ?? "";
      if (d.kind === "funktion" && !known.has(name.toLocaleLowerCase("sv"))) {
        const message = name
          ? `Okänd funktion ${name} i punkt ${p.code}. Nämndens funktioner: ${functions.join(", ")}.`
          : `Ange funktionen för punkt ${p.code}.`;
        problems.push({ field, message });
      }
      if (d.kind !== "funktion" && name) {
        problems.push({ field, message: `Funktion anges bara för en tjänsteperson (punkt ${p.code}).` });
      }
      const key = d.kind === "funktion" ? name.toLocaleLowerCase("sv") : d.kind;
      if (holders.has(key)) problems.push({ field, message: `Delegaten finns två gånger i punkt ${p.code}.` });
      holders.add(key);
    });
  });
  return problems;
}

/** The Upplysning of an ordförandebeslut, from the point the decision was actually made under. */
export const upplysning = (pointCode: string, order: { adoptedOn: string; paragraph: number }) =>
  `Beslutet är fattat med stöd av delegering enligt punkt ${pointCode} i nämndens delegeringsförteckning, antagen ${order.adoptedOn} § ${order.paragraph}.`;

/** One registered decision as the memo needs it; the provider is already masked for the reader if need be. */
export type AnmalanDecision = {
  section: AnmalanSection;
  diarienummer: string | null;
  decidedOn: string;
  subject: string;
  provider: string | null;
  unit: string | null;
  law: DecisionLaw | null;
};

export type AnmalanPart = { section: AnmalanSection; title: string; count: number; lines: string[] };

const sentence = (parts: (string | null)[], diarienummer: string | null) => {
  const text = parts.filter((p): p is string => Boolean(p)).join(", ");
  return `${diarienummer ? `Dnr ${diarienummer}. ` : ""}${text.replace(/\.$/, "")}.`;
};

const byDate = (a: AnmalanDecision, b: AnmalanDecision) =>
  a.decidedOn.localeCompare(b.decidedOn) || (a.diarienummer ?? "").localeCompare(b.diarienummer ?? "");

/**
 * The memo's six sections in their fixed order: the utskott's meeting dates; the units' delegation lists per
 * unit and law; personal and attester by the period only; avtal as "Dnr X. Placeringsavtal – typ, utförare,
 * enhet."; övrigt as "Dnr X. text.". Every section is present, an empty one with count 0.
 */
export function anmalan(period: { from: string; to: string }, decisions: readonly AnmalanDecision[]): AnmalanPart[] {
  return anmalanSections.map((section) => {
    const rows = decisions.filter((d) => d.section === section).sort(byDate);
    const part = (count: number, lines: string[]) => ({ section, title: anmalanSectionLabels[section], count, lines });
    switch (section) {
      case "utskottet": {
        const dates = [...new Set(rows.map((d) => d.decidedOn))];
        return part(
          dates.length,
          dates.map((date) => `Utskottets sammanträde ${date}.`),
        );
      }
      case "listor": {
        const groups = new Map<string, number>();
        for (const d of rows) {
          const key = `${d.unit ?? "Utan enhet"}, ${d.law ? decisionLawLabels[d.law] : "Övriga"}`;
          groups.set(key, (groups.get(key) ?? 0) + 1);
        }
        const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b, "sv"));
        return part(
          rows.length,
          keys.map((k) => `${k}: ${groups.get(k)} beslut.`),
        );
      }
      case "personal":
      case "attester":
        return part(rows.length, [`Beslut fattade under perioden ${period.from}–${period.to}.`]);
      case "avtal":
        return part(
          rows.length,
          rows.map((d) => sentence([d.subject, d.provider, d.unit], d.diarienummer)),
        );
    }
    // övrigt
    return part(
      rows.length,
      rows.map((d) => sentence([d.subject], d.diarienummer)),
    );
  });
}
