// Inkommande's rules, pure: a proposed dom/beslut or skrivelse checked whole (every problem named at once,
// values in their one written form), whether the nämnd won, and the period list's sections in their order.
import type { FieldProblem } from "../../platform/validation.ts";
import { parseDiarienummer } from "../diarienummer.ts";
import { parseReference } from "../foreign-reference.ts";
import type { LetterFields, RulingFields } from "./schema.ts";
import {
  type Appellant,
  councils,
  courts,
  type Issuer,
  issuerLabels,
  issuers,
  type Outcome,
  outcomeLabels,
  standingSections,
} from "./vocabulary.ts";

/**
 * Whether the nämnd won, where appellant and outcome tell: a court that rejects (or will not hear) the
 * other side's appeal, or grants the nämnd's, is a win; null where they do not tell (a case written off,
 * a case sent back after the nämnd's own appeal).
 */
export function derivedWon(appellant: Appellant | null, outcome: Outcome | null): boolean | null {
  if (!appellant || !outcome || outcome === "avskriver") return null;
  const rejected = outcome === "avslar_overklagandet" || outcome === "ej_provningstillstand";
  if (appellant === "namnden") {
    if (outcome === "bifaller" || outcome === "upphaver") return true;
    if (rejected || outcome === "avslar_interimistiskt") return false;
    return null;
  }
  return rejected || outcome === "avslar_interimistiskt";
}

/** An own diarienummer in any variant, canonical; or the problem with it. */
export function ownDiarienummer(
  text: string | null | undefined,
  prefix: string,
  field: string,
): { value: string | null; problem?: FieldProblem } {
  if (!text) return { value: null };
  const parsed = parseDiarienummer(text, prefix);
  if (!parsed.ok) return { value: null, problem: { field, message: parsed.message } };
  if (parsed.value.foreign) {
    return {
      value: null,
      problem: { field, message: `${parsed.value.canonical} hör till ett annat diarium än nämndens.` },
    };
  }
  return { value: parsed.value.canonical };
}

export type CheckedRuling = Omit<RulingFields, "won" | "diarienummer"> & {
  won: boolean | null;
  diarienummer: string | null;
};

/**
 * A proposed dom or beslut, checked whole against today: dates not in the future and the decision not after
 * its registration; a court's row with its mål nr (NNNN-YY), appellant and outcome; a KF/KS row with its §;
 * IVO's and IMY's references in their forms. Returns the row as it is to be stored, or every problem.
 */
export function checkRuling(
  input: RulingFields,
  today: string,
  ownPrefix: string,
): { ruling: CheckedRuling; problems: [] } | { ruling: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (input.decidedOn > today) add("decidedOn", `Datumet ${input.decidedOn} ligger i framtiden.`);
  if (input.registeredOn > today) add("registeredOn", `Registreringsdatumet ${input.registeredOn} ligger i framtiden.`);
  if (input.decidedOn > input.registeredOn) {
    add("registeredOn", `Registreringsdatumet kan inte ligga före dom- eller beslutsdatumet ${input.decidedOn}.`);
  }
  const court = courts.includes(input.issuer);
  const council = councils.includes(input.issuer);
  const label = issuerLabels[input.issuer];

  let caseNumber: string | null = null;
  let appellant = input.appellant ?? null;
  let outcome = input.outcome ?? null;
  if (court) {
    if (!input.caseNumber) add("caseNumber", `Ange målnumret (som 7405-23) för ${label.toLowerCase()}.`);
    else {
      const parsed = parseReference(input.caseNumber, ownPrefix, "mal");
      if (parsed.ok) caseNumber = parsed.value;
      else add("caseNumber", parsed.message);
    }
    if (!appellant) add("appellant", "Ange vem som överklagade: individen, nämnden eller annan part.");
    if (!outcome) add("outcome", "Välj domstolens utfall.");
  } else {
    if (input.caseNumber) add("caseNumber", "Målnummer anges bara för domstolar.");
    if (appellant) add("appellant", "Vem som överklagade anges bara för domstolar.");
    if (outcome) add("outcome", "Utfall ur listan anges bara för domstolar; skriv annars vad beslutet innebär.");
    appellant = null;
    outcome = null;
  }
  if (appellant === "annan" && !input.appellantOther) {
    add("appellantOther", "Beskriv vilken part som överklagade (t.ex. vårdnadshavare), utan namn.");
  }
  if (appellant !== "annan" && input.appellantOther) {
    add("appellantOther", "Anges bara när en annan part än individen eller nämnden överklagade.");
  }
  if (council && input.paragraph == null) add("paragraph", `Ange paragrafen i ${label.toLowerCase()}s protokoll.`);
  if (!council && input.paragraph != null)
    add("paragraph", "Paragraf anges bara för kommunfullmäktige och kommunstyrelsen.");
  if (input.issuer === "ANNAN" && !input.issuerName) add("issuerName", "Ange vilken myndighet som beslutade.");

  let authorityReference = input.authorityReference ?? null;
  if (authorityReference && (input.issuer === "IVO" || input.issuer === "IMY")) {
    const kind = input.issuer === "IVO" ? "ivo" : "imy";
    const parsed = parseReference(authorityReference, ownPrefix, kind);
    if (parsed.ok) authorityReference = parsed.value;
    else add("authorityReference", parsed.message);
  }

  const derived = derivedWon(appellant, outcome);
  const givenWon = input.won ?? null;
  if (givenWon !== null && !court) add("won", "Vunnet eller förlorat anges bara för domstolars avgöranden.");
  else if (givenWon !== null && derived !== null && givenWon !== derived) {
    add("won", `Utfallet och vem som överklagade ger att nämnden ${derived ? "vann" : "förlorade"}.`);
  }

  const dnr = ownDiarienummer(input.diarienummer, ownPrefix, "diarienummer");
  if (dnr.problem) problems.push(dnr.problem);

  if (problems.length > 0) return { ruling: null, problems };
  return {
    ruling: {
      ...input,
      issuerName: input.issuerName ?? null,
      caseNumber,
      authorityReference,
      paragraph: council ? (input.paragraph ?? null) : null,
      appellant,
      appellantOther: appellant === "annan" ? (input.appellantOther ?? null) : null,
      outcome,
      won: court ? (derived ?? givenWon) : null,
      diarienummer: dnr.value,
    },
    problems: [],
  };
}

/** A proposed skrivelse: its own diarienummer and a registration date not in the future. */
export function checkLetter(
  input: LetterFields,
  today: string,
  ownPrefix: string,
): { letter: LetterFields; problems: [] } | { letter: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (input.registeredOn > today) {
    problems.push({ field: "registeredOn", message: `Registreringsdatumet ${input.registeredOn} ligger i framtiden.` });
  }
  const dnr = ownDiarienummer(input.diarienummer, ownPrefix, "diarienummer");
  if (dnr.problem) problems.push(dnr.problem);
  if (problems.length > 0 || !dnr.value) return { letter: null, problems };
  return { letter: { ...input, diarienummer: dnr.value }, problems: [] };
}

/**
 * The period list's sections in print order: the standing ones always (empty ones too), HFD and other
 * authorities only when they have rows; rows by registration date, then decision date and §.
 */
export function rulingSections<
  R extends { issuer: Issuer; registeredOn: string; decidedOn: string; paragraph: number | null },
>(rows: readonly R[]): { key: Issuer; heading: string; rows: R[] }[] {
  return issuers
    .map((key) => ({
      key,
      heading: issuerLabels[key],
      rows: rows
        .filter((r) => r.issuer === key)
        .sort(
          (a, b) =>
            a.registeredOn.localeCompare(b.registeredOn) ||
            a.decidedOn.localeCompare(b.decidedOn) ||
            (a.paragraph ?? 0) - (b.paragraph ?? 0),
        ),
    }))
    .filter((s) => standingSections.includes(s.key) || s.rows.length > 0);
}

type LineOf = Pick<
  CheckedRuling,
  | "issuer"
  | "issuerName"
  | "kind"
  | "caseNumber"
  | "authorityReference"
  | "paragraph"
  | "decidedOn"
  | "appellant"
  | "subject"
  | "law"
  | "outcome"
  | "consequence"
  | "diarienummer"
>;

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * A row as the period list prints it: a court's "Dom 2953-23, 2023-12-20. Överklagat av individen. …",
 * an authority's "IF dnr, their reference, date. Gist.", KF's or KS's "§ 189 Title".
 */
export function rulingLine(r: LineOf, appellantText: string | null): string {
  if (councils.includes(r.issuer)) return `§ ${r.paragraph} ${r.subject}`;
  const kind = r.kind === "dom" ? "Dom" : "Beslut";
  const parts: string[] = [];
  if (courts.includes(r.issuer)) {
    parts.push(`${kind} ${r.caseNumber}, ${r.decidedOn}.`);
    if (appellantText) parts.push(`Överklagat av ${appellantText}.`);
  } else {
    const refs = [r.issuer === "ANNAN" ? r.issuerName : null, r.diarienummer, r.authorityReference, r.decidedOn];
    parts.push(`${kind} ${refs.filter(Boolean).join(", ")}.`);
  }
  parts.push(sentence(r.law ? `${r.subject} (${r.law})` : r.subject));
  if (r.outcome) parts.push(sentence(outcomeLabels[r.outcome]));
  if (r.consequence) parts.push(sentence(r.consequence));
  return parts.join(" ");
}
