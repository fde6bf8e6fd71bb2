// The tjänsteskrivelse's fixed vocabularies (the database's CHECK lists hold the same codes). Pure and
// browser-safe: the editor offers these and the renderers word the clauses with them.

/**
 * The decision verbs of a proposal (B3), as data: the clause reads "<nämnden> <phrase> <the rest> <suffix>."
 * A verb decided by Kommunfullmäktige (a motion reply) is a proposal to KF: "Kommunfullmäktige avslår motionen."
 * `needsObject`: the verb says nothing without the rest of the sentence ("godkänner" what?).
 */
export const decisionVerbs = [
  {
    code: "godkanner",
    label: "godkänner",
    phrase: "godkänner",
    suffix: null,
    decider: "namnd",
    needsObject: true,
    usage:
      "Redovisningar (EVB, lex Sarah, delegering, ordförandebeslut), internkontroll, årsredovisning, kvalitetsberättelse, ombudgetering, SAM, barnets bästa-prövning",
  },
  {
    code: "noterar",
    label: "noterar … till protokollet",
    phrase: "noterar",
    suffix: "till protokollet",
    decider: "namnd",
    needsObject: true,
    usage: "Domar, synpunkter, skrivelser, information",
  },
  {
    code: "fullgjort",
    label: "förklarar uppdraget fullgjort",
    phrase: "förklarar uppdraget fullgjort",
    suffix: null,
    decider: "namnd",
    needsObject: false,
    usage: "Avslutar ett uppdrag",
  },
  {
    code: "besvarat",
    label: "anser initiativet besvarat",
    phrase: "anser initiativet besvarat",
    suffix: null,
    decider: "namnd",
    needsObject: false,
    usage: "Avslutar ett initiativärende",
  },
  {
    code: "antar-svar",
    label: "antar svar",
    phrase: "antar",
    suffix: null,
    decider: "namnd",
    needsObject: true,
    usage: "Svar på revisionens granskning",
  },
  {
    code: "avger-yttrande",
    label: "avger yttrande",
    phrase: "avger yttrande",
    suffix: null,
    decider: "namnd",
    needsObject: true,
    usage: "Remiss (ofta genom ordförandebeslut)",
  },
  {
    code: "remitterar",
    label: "remitterar … för beredning",
    phrase: "remitterar",
    suffix: "för beredning",
    decider: "namnd",
    needsObject: true,
    usage: "Initiativ till presidiet och förvaltningen",
  },
  {
    code: "remitterar-vidare",
    label: "remitterar … för vidare beredning",
    phrase: "remitterar",
    suffix: "för vidare beredning",
    decider: "namnd",
    needsObject: true,
    usage: "Motion som remitterats vidare (KF → KS → nämnder)",
  },
  {
    code: "fordelar",
    label: "fördelar",
    phrase: "fördelar",
    suffix: null,
    decider: "namnd",
    needsObject: true,
    usage: "Föreningsbidrag",
  },
  {
    code: "uppdrar",
    label: "uppdrar åt förvaltningen",
    phrase: "uppdrar åt förvaltningen",
    suffix: null,
    decider: "namnd",
    needsObject: true,
    usage: "Uppdrag till förvaltningen",
  },
  {
    code: "kf-avslar",
    label: "förslag till KF: avslår motionen",
    phrase: "avslår motionen",
    suffix: null,
    decider: "kf",
    needsObject: false,
    usage: "Svar på motion",
  },
  {
    code: "kf-bifaller",
    label: "förslag till KF: bifaller motionen",
    phrase: "bifaller motionen",
    suffix: null,
    decider: "kf",
    needsObject: false,
    usage: "Svar på motion",
  },
] as const;
export type DecisionVerb = (typeof decisionVerbs)[number];
export const verbCodes = decisionVerbs.map((v) => v.code) as [DecisionVerb["code"], ...DecisionVerb["code"][]];
export type VerbCode = DecisionVerb["code"];

/** Who decides a proposal's clause: the nämnd itself, or Kommunfullmäktige on the nämnd's proposal. */
export const KF_NAME = "Kommunfullmäktige";

/** utkast (being written, may change) → klar (locked; a change is a new version). */
export const memoStatuses = ["utkast", "klar"] as const;
export type MemoStatus = (typeof memoStatuses)[number];
export const memoStatusLabels: Record<MemoStatus, string> = { utkast: "Utkast", klar: "Klar" };

/**
 * What a beslutsunderlag refers to: a document of the case ("<issuer> <doc>, YYYY-MM-DD"), a protocol
 * paragraph ("<body>, YYYY-MM-DD § n"), or another document by its title and date.
 */
export const basisKinds = ["handling", "protokoll", "annan"] as const;
export type BasisKind = (typeof basisKinds)[number];
export const basisKindLabels: Record<BasisKind, string> = {
  handling: "Handling i ärendet",
  protokoll: "Protokollsparagraf",
  annan: "Annan handling",
};

/** The barnets bästa-prövning template: the headings the writer answers under (Barnkonventionen art. 3). */
export const childQuestions = [
  { code: "berorda", heading: "Vilka barn berörs av beslutet?" },
  { code: "delaktighet", heading: "Hur har barnen fått komma till tals?" },
  { code: "konsekvenser", heading: "Vilka konsekvenser får beslutet för barnen?" },
  { code: "avvagning", heading: "Avvägning: hur har barnets bästa vägts mot andra intressen?" },
] as const;
export type ChildQuestion = (typeof childQuestions)[number]["code"];
export const childQuestionCodes = childQuestions.map((q) => q.code) as [ChildQuestion, ...ChildQuestion[]];

export const MEMO_LIMITS = {
  title: 500,
  clauses: 20,
  clauseText: 1000,
  summary: 20_000,
  description: 50_000,
  basis: 50,
  recipients: 30,
  recipient: 200,
  signatures: 10,
  name: 200,
  childAnswer: 10_000,
} as const;
