// Source tables with the 2021 årsberättelse's published figures (kronor), for the pure tests of the
// engine and the checks: the same numbers the demo holds, without a database.
import { type AssemblyContext, assembleReport } from "./assemble.ts";
import type { AssembledReport, SourceTable } from "./model.ts";
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

export const arsberattelse = () => {
  const found = builtInTemplates.find((t) => t.code === "arsberattelse");
  if (!found) throw new Error("The built-in årsberättelse is missing.");
  return found;
};

/** The 2021 årsberättelse assembled from the published figures; `edit` changes the template first. */
export function assembled2021(
  edit: (content: TemplateContent) => void = () => {},
  sources: Partial<AssemblyContext["sources"]> = {},
): AssembledReport {
  const template = arsberattelse();
  const content = structuredClone(template.content);
  edit(content);
  return assembleReport({
    template: { ...template, version: 1, content },
    namnd: { id: "ifo", name: "Nämnden för Individ & Familjeomsorg" },
    period: 2021,
    municipality: { name: "Kungsbacka kommun", primaryColour: "#00504b", accentColour: "#c8102e" },
    sources: {
      "ekonomi.drift": driftSource(),
      "ekonomi.sammanfattning": summarySource(),
      "ekonomi.prognossakerhet": forecastSource(),
      ...sources,
    },
  });
}
