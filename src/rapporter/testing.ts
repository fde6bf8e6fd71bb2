// Source tables with the 2021 årsberättelse's published figures (kronor), for the pure tests of the
// engine and the checks: the same numbers the demo holds, without a database.
import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import { type AssemblyContext, assembleReport } from "./assemble.ts";
import type { AssembledReport, AssembledTable, SourceTable } from "./model.ts";
import { periodOf } from "./period.ts";
import type { GoalSource } from "./styrning-sources.ts";
import type { TemplateContent } from "./template.ts";
import { builtInTemplates } from "./templates/builtin.ts";

const T = 1000;
const drift: Array<[string, string, number, number, number]> = [
  ["nämnd", "Nämnd", -3_683_100, -1_956 * T, -1_695 * T],
  [
    "stodfunktioner-och-central-verksamhet",
    "Stödfunktioner och central verksamhet",
    -46_977_100,
    -67_078 * T,
    -59_048 * T,
  ],
  ["myndighet-stod-och-behandling", "Myndighet stöd och behandling", -240_438_800, -225_323 * T, -241_864 * T],
  ["bostad-med-sarskild-service", "Bostad med särskild service", -212_235_800, -212_902 * T, -198_383 * T],
  ["stod-i-hemmet-och-sysselsattning", "Stöd i hemmet och sysselsättning", -70_478_700, -83_344 * T, -75_850 * T],
  ["daglig-verksamhet", "Daglig verksamhet", -47_153_200, -49_336 * T, -45_062 * T],
  ["privat-assistans", "Privat assistans", -51_582_300, -59_139 * T, -57_674 * T],
];

export function driftSource(): SourceTable {
  const rows = drift.map(([key, label, prev, budget, bokslut]) => ({
    key,
    label,
    total: false,
    values: { "bokslut-foreg": prev, budget, bokslut, avvikelse: bokslut - budget } as Record<string, number | null>,
  }));
  const sum = (k: string) => rows.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  return {
    unit: "kr",
    columns: [
      { key: "bokslut-foreg", year: 2020 },
      { key: "budget", year: 2021 },
      { key: "bokslut", year: 2021 },
      { key: "avvikelse", year: 2021 },
    ],
    rows: [
      ...rows,
      {
        key: "summa",
        label: "Summa",
        total: true,
        values: Object.fromEntries(["bokslut-foreg", "budget", "bokslut", "avvikelse"].map((k) => [k, sum(k)])),
        // The same measures as the summary's, as economy-sources.ts names them.
        measures: {
          "bokslut-foreg": "ekonomi.netto.2020",
          budget: "ekonomi.budget.2021",
          bokslut: "ekonomi.netto.2021",
          avvikelse: "ekonomi.avvikelse.2021",
        },
      },
    ],
    sums: [
      { axis: "rows", total: "summa", plus: rows.map((r) => r.key), minus: [] },
      { axis: "columns", total: "avvikelse", plus: ["bokslut"], minus: ["budget"] },
    ],
  };
}

export function summarySource(): SourceTable {
  const years: Array<[number, number, number, number]> = [
    [2019, 68_489, -754_875, -652_971],
    [2020, 83_529, -756_078, -665_824],
    [2021, 73_526, -753_102, -699_078],
  ];
  const key = (y: number) => (y === 2021 ? "ar" : `ar-${2021 - y}`);
  const row = (rowKey: string, label: string, f: (y: (typeof years)[number]) => number | null) => ({
    key: rowKey,
    label,
    total: false,
    values: Object.fromEntries(years.map((y) => [key(y[0]), f(y)])),
    measures: Object.fromEntries(years.map((y) => [key(y[0]), `ekonomi.${rowKey}.${y[0]}`])),
  });
  return {
    unit: "kr",
    columns: years.map(([y]) => ({ key: key(y), year: y })),
    rows: [
      row("intakter", "Intäkter", (y) => y[1] * T),
      row("kostnader", "Kostnader", (y) => y[2] * T),
      row("netto", "Nettokostnad", (y) => (y[1] + y[2]) * T),
      row("budget", "Budget", (y) => y[3] * T),
      row("avvikelse", "Avvikelse mot budget", (y) => (y[1] + y[2] - y[3]) * T),
      row("investeringar", "Investeringar, netto", () => null),
    ],
    sums: [
      { axis: "rows", total: "netto", plus: ["intakter", "kostnader"], minus: [] },
      { axis: "rows", total: "avvikelse", plus: ["netto"], minus: ["budget"] },
    ],
  };
}

export function forecastSource(): SourceTable {
  return {
    unit: "kr",
    columns: [{ key: "avvikelse", year: 2021 }],
    rows: [
      { key: "delar-april", label: "Delår april", total: false, values: { avvikelse: -8_550 * T } },
      { key: "delar-augusti", label: "Delår augusti", total: false, values: { avvikelse: 535 * T } },
      { key: "bokslut", label: "Bokslut", total: false, values: { avvikelse: 19_502 * T } },
    ],
    sums: [],
  };
}

/** Investeringar 2021 (Löpande: Bokslut 2020 −981, Budget −4 748, Bokslut −2 347, Avvikelse 2 401 tkr). */
export function investmentSource(): SourceTable {
  const values = { "bokslut-foreg": -981 * T, budget: -4_748 * T, bokslut: -2_347 * T, avvikelse: 2_401 * T };
  return {
    unit: "kr",
    columns: [
      { key: "bokslut-foreg", year: 2020 },
      { key: "budget", year: 2021 },
      { key: "bokslut", year: 2021 },
      { key: "avvikelse", year: 2021 },
    ],
    rows: [
      { key: "lopande-arliga-investeringar", label: "Löpande årliga investeringar", total: false, values },
      { key: "summa", label: "Summa", total: true, values },
    ],
    sums: [
      { axis: "rows", total: "summa", plus: ["lopande-arliga-investeringar"], minus: [] },
      { axis: "columns", total: "avvikelse", plus: ["bokslut"], minus: ["budget"] },
    ],
  };
}

const cells = (values: number[]) => values.map((value) => ({ value, text: String(value).replace(".", ",") }));

/**
 * One nämndmål as the 2021 årsberättelse shows it (NM2's LSS investigation days by sex, 2018–21) and a
 * satisfaction indicator whose target is "Minst 95 %", with a manual assessment the indicators support.
 */
export function goalSource(): GoalSource {
  return {
    goals: [
      {
        code: "NM2",
        title: "Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor",
        registerTitle: "Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor",
        level: "Nämndmål",
        assessed: true,
        assessment: {
          meaning: "on_track",
          label: "Inte nått målet men på rätt väg",
          comment: "Utredningstiderna har kortats.",
        },
        suggestion: {
          meaning: "on_track",
          label: "inte nått men på rätt väg",
          explanation: "1 av 2 bedömbara indikatorer når målvärdet, 1 förbättras.",
        },
        indicators: [
          {
            name: "Utredningstid LSS, dagar",
            unit: "dagar",
            direction: "lower",
            years: [2018, 2019, 2020, 2021],
            rows: [
              { label: "Flickor", cells: cells([25, 78, 56, 78]) },
              { label: "Pojkar", cells: cells([22, 61, 66, 77]) },
            ],
            target: { year: 2021, text: "Lägre än utfallet 2020", footnote: null },
            status: { code: "improving", label: "Når inte målvärdet men förbättras" },
          },
          {
            name: "Andel nöjda brukare",
            unit: "procent",
            direction: "higher",
            years: [2018, 2019, 2020, 2021],
            rows: [{ label: "Totalt", cells: cells([92, 93, 94, 95.2]) }],
            target: { year: 2021, text: "Minst 95 %", footnote: null },
            status: { code: "met", label: "Når målvärdet" },
          },
        ],
      },
    ],
    directives: [
      {
        title: "Utredningstiderna ska följas upp per kön",
        issuedBy: "Nämnden",
        body: "Nämnden ger förvaltningen i uppdrag att redovisa utredningstider per kön.",
        assignments: ["Redovisa utredningstider per kön i varje delårsrapport."],
        handling: "Förvaltningen tar ut utredningstider per kön varje tertial.",
        validFrom: 2021,
        validTo: 2022,
      },
    ],
    activities: [
      {
        title: "Införa mobil dokumentation i gruppbostaden",
        unit: "Almen",
        status: "Pågår",
        expectedEffect: "Mer tid tillsammans med brukarna när dokumentationen görs på plats.",
        startDate: "2021-02-01",
        endDate: "2021-11-30",
      },
    ],
  };
}

export const arsberattelse = () => {
  const found = builtInTemplates.find((t) => t.code === "arsberattelse");
  if (!found) throw new Error("The built-in årsberättelse is missing.");
  return found;
};

/** The 2021 årsberättelse assembled from the published figures; `edit` changes the template first. */
export function assembled2021(
  edit: (content: TemplateContent) => void = () => {},
  sources: Partial<AssemblyContext["sources"]> = {},
  goals: GoalSource = { goals: [], directives: [], activities: [] },
): AssembledReport {
  const template = arsberattelse();
  const content = structuredClone(template.content);
  edit(content);
  return assembleReport({
    template: { ...template, version: 1, content },
    namnd: { id: "ifo", name: "Nämnden för Individ & Familjeomsorg" },
    period: periodOf(2021),
    municipality: { name: "Kungsbacka kommun", primaryColour: "#00504b", accentColour: "#c8102e" },
    sources: {
      "ekonomi.drift": driftSource(),
      "ekonomi.sammanfattning": summarySource(),
      "ekonomi.prognossakerhet": forecastSource(),
      "ekonomi.investeringar": investmentSource(),
      ...sources,
    },
    goals,
  });
}

/** Whether poppler's pdftotext is installed: the PDF tests read the file's text with it. */
export const hasPdftotext = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

// The report's text uses the no-break space and the true minus sign; compare with plain ones.
export const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\u2212/g, "-");

export const blocksOf = (r: AssembledReport) => r.chapters.flatMap((c) => c.blocks);

/** Every figure bound in a text of the report reads its table's cell (the value the table shows). */
export function expectFiguresFromTables(r: AssembledReport) {
  const tables = new Map(
    blocksOf(r)
      .filter((b): b is AssembledTable => b.kind === "table")
      .map((b) => [b.id, b]),
  );
  const figures = blocksOf(r).flatMap((b) =>
    b.kind === "authored" || b.kind === "fixed" ? b.segments.flatMap((s) => (s.figure ? [s.figure] : [])) : [],
  );
  expect(figures.length).toBeGreaterThan(3);
  for (const f of figures) {
    const cell = tables.get(f.table)?.rows.find((row) => row.key === f.row)?.cells[f.column];
    expect(cell?.value, f.ref).toBe(f.value);
    expect(plain(f.text), f.ref).toBe(`${plain(cell?.text ?? "")}${f.unit === "procent" ? " %" : ""}`);
  }
  // No "{…}" left unresolved in a text.
  const unresolved = blocksOf(r).flatMap((b) =>
    b.kind === "authored" ? b.segments.filter((s) => !s.figure && /\{[^}]+\}/.test(s.text)) : [],
  );
  expect(unresolved).toEqual([]);
}
