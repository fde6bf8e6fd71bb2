// Demo lex Sarah cases for the IF nämnd that reproduce the committee's counts (brief A3, KB 2023):
// reports 2021 = 55, 2022 = 64, 2023 = 96 (Gruppbostad 52, MSB 25 of which Vuxenenheten 12 = 7
// myndighetsutövning + 5 öppenvård, others 19); 82 cases decided in 2023 (Gruppbostad 45 = 25 A + 19 B +
// 1 C, MSB 20 = 10 A + 8 B + 2 C, others 17 = 10 A + 7 B), ten of them reported in 2022.
// The memo for the period 2023-11-01–2023-12-31 (to the nämnd's meeting in January 2024; the memo before it
// covered up to 2023-10-31) shows 11 reports in November and 16 in December, list A with 16 numbers in 13
// lines and list B with 9 numbers in 8 lines. No randomness: choices follow the case's position, so every
// seeding gives the same data. Gists are invented in the committee's style; no names, no personnummer.
import { randomUUID } from "node:crypto";
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import { addDays, daysInMonth } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { write } from "../../platform/service.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { Consequence, Finding, Outcome, RecurrenceRisk, ReportRoute } from "./vocabulary.ts";

type Area = "bss" | "msb" | "other";

/** Reports per month, January first. */
const reportsPerMonth: Record<number, number[]> = {
  2021: [4, 5, 4, 5, 4, 5, 3, 5, 5, 5, 5, 5],
  2022: [5, 5, 6, 5, 5, 6, 4, 5, 6, 6, 5, 6],
  2023: [7, 6, 8, 7, 6, 7, 8, 5, 7, 8, 11, 16],
};

/** The memo's period and the decisions it lists. */
const DEMO_MEMO = { periodStart: "2023-11-01", periodEnd: "2023-12-31" } as const;

/** Gists per area and category, so that what a case concerns fits its category (cycled by position). */
const gists: Record<Area, Record<string, string[]>> = {
  bss: {
    insats: [
      "brist i tillsyn under natten på gruppbostaden",
      "en boende som inte fick sin måltid enligt beslutet",
      "personlig hygien som inte sköttes enligt genomförandeplanen",
      "en boende som lämnades ensam trots beslut om stöd",
      "utebliven tillsyn enligt genomförandeplanen",
    ],
    overgrepp: [
      "våld mellan två boende i de gemensamma utrymmena",
      "brist i hanteringen av den enskildes kontanter",
      "hot mellan två boende under kvällen",
    ],
    bemotande: [
      "kränkande bemötande från personal vid morgonrutinerna",
      "nedlåtande tilltal från personal vid måltiden",
    ],
    dokumentation: ["bristande dokumentation av genomförda insatser", "signeringslistor som inte fördes"],
    information: ["bristande information till god man", "en överlämning till korttidsboendet utan information"],
    ovrigt: ["larm som inte besvarades inom rimlig tid", "personal som inte följde rutinen vid utevistelse"],
  },
  msb: {
    myndighetsutovning: [
      "en ansökan som inte handlades inom skälig tid",
      "en orosanmälan som inte förhandsbedömdes inom 14 dagar",
      "en utredning som inte kommunicerades före beslut",
      "ett beslut som inte följdes upp enligt planen",
    ],
    information: [
      "information om rätten att överklaga som saknades i beslutet",
      "bristande samverkan med hälso- och sjukvården",
      "uppgifter som skickades till fel mottagare",
    ],
    dokumentation: ["bristande dokumentation i akten", "journalanteckningar som saknades efter ett hembesök"],
    bemotande: ["ett bemötande som upplevdes kränkande vid ett besök"],
    insats: ["uteblivna samtal i öppenvårdsbehandlingen", "en behandlingsplan som inte följdes"],
  },
  other: {
    bemotande: ["kränkande bemötande under en aktivitet", "nedlåtande tilltal vid ett hembesök"],
    overgrepp: ["hot mellan två deltagare under en aktivitet"],
    dokumentation: ["bristande överlämning mellan arbetspassen"],
    ovrigt: ["brist i tillsyn under en utflykt"],
  },
};
/** Insatser outside the group homes and MSB, by unit. */
const insatsGists: Record<string, string> = {
  "pa-enhet": "en personlig assistent som inte kom till passet",
  "dv-vast": "en deltagare som inte hämtades från daglig verksamhet",
  "dv-ost": "en deltagare som lämnades utan stöd vid lunchen",
  "shs-boendestod": "boendestöd som uteblev utan besked",
  "shs-kontakt": "en kontaktperson som saknade aktuell information",
};
const gistOf = (c: DemoCase, i: number) =>
  c.area === "other" && c.category === "insats"
    ? (insatsGists[c.unit] ?? "en insats som uteblev")
    : at(gists[c.area][c.category] ?? ["en brist i verksamheten"], i);

const units: Record<Area, string[]> = {
  bss: ["bss-almen", "bss-bjorken"],
  msb: ["msb-vuxen", "msb-barn", "msb-vuxen", "msb-lss"],
  other: ["pa-enhet", "dv-vast", "shs-boendestod", "dv-ost", "pa-enhet", "shs-kontakt"],
};

/** Categories per area, in the proportions of the brief's deficiency types. */
const categoryPools: Record<Area, [string, number][]> = {
  bss: [
    ["insats", 18],
    ["overgrepp", 10],
    ["bemotande", 10],
    ["dokumentation", 6],
    ["information", 4],
    ["ovrigt", 4],
  ],
  msb: [
    ["myndighetsutovning", 2],
    ["information", 5],
    ["dokumentation", 4],
    ["bemotande", 2],
  ],
  other: [
    ["insats", 8],
    ["bemotande", 4],
    ["overgrepp", 3],
    ["dokumentation", 2],
    ["ovrigt", 2],
  ],
};
/** Vuxenenheten: 7 within myndighetsutövning, 5 in öppenvården (brief A3). */
const vuxenCategories: [string, number][] = [
  ["myndighetsutovning", 7],
  ["insats", 5],
];

const aFindings: Finding[] = [
  "brist-utan-konsekvens",
  "ingen-brist",
  "risk-i-verksamheten",
  "brist-utan-konsekvens",
  "rutin-ej-foljd",
  "ingen-brist",
  "risk-i-verksamheten",
  "utreds-ej",
  "brist-utan-konsekvens",
  "nodratt",
  "vardskada",
  "arbetsmiljo",
];
const bConsequences: Consequence[] = ["stress", "krankt", "psykisk", "ingen", "fysisk", "stress"];
const routes: ReportRoute[] = ["handelserapport", "handelserapport", "direkt", "handelserapport", "chef"];
const recurrences: RecurrenceRisk[] = ["viss", "liten", "stor", "viss"];
const causes = ["rutin-foljs-inte", "brist-i-tillsyn", "handhavandefel", "vald-och-hot", "brist-i-uppfoljning"];
const measures = [
  "samtal-med-personal",
  "genomgang-apt",
  "revidera-rutiner",
  "introduktion",
  "metodstod",
  "bemanning",
  "samverkan",
  "informera-handlaggare",
  "miljo",
];
const sources = ["Samtal med personal", "Händelserapporten", "Dokumentation i akten", "Samtal med den enskilde"];
const AUTHOR = "Karim Kvalitetsstrateg";

/** The keys spread evenly: each key's items at the fractions (j + ½) / n of the sequence. */
function interleave<K>(counts: readonly (readonly [K, number])[]): K[] {
  return counts
    .flatMap(([key, n], order) => Array.from({ length: n }, (_, j) => ({ key, at: (j + 0.5) / n, order })))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map((x) => x.key);
}

const at = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;
const latest = (a: string, b: string) => (a > b ? a : b);
const earliest = (a: string, b: string) => (a < b ? a : b);

type DemoDecision = { key: string; decidedOn: string; outcome: Outcome };
export type DemoCase = {
  year: number;
  number: number;
  area: Area;
  unit: string;
  reportedOn: string;
  category: string;
  decision: DemoDecision | null;
  /** Undecided at the end: still rapporterad (no investigation yet) or under utredning. */
  investigated: boolean;
};

function reportDates(year: number): string[] {
  return (reportsPerMonth[year] ?? []).flatMap((n, m) => {
    const days = daysInMonth(year, m + 1);
    return Array.from({ length: n }, (_, j) => {
      const day = 1 + Math.floor(((j + 0.5) * days) / n);
      return `${year}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    });
  });
}

/** Cases of one year with areas drawn from pools in order (each pool covers the next stretch of cases). */
function casesOf(year: number, areaPools: [Area, number][][]): DemoCase[] {
  const areas = areaPools.flatMap((pool) => interleave(pool));
  const seen: Record<Area, number> = { bss: 0, msb: 0, other: 0 };
  return reportDates(year).map((reportedOn, i) => {
    const area = areas[i] as Area;
    const k = seen[area]++;
    return {
      year,
      number: i + 1,
      area,
      unit: at(units[area], k),
      reportedOn,
      category: "",
      decision: null,
      investigated: true,
    };
  });
}

const decision = (c: DemoCase, decidedOn: string, outcome: Outcome): DemoDecision => ({
  key: `${c.year}-${c.number}`,
  decidedOn,
  outcome,
});

/** Every demo case with its decision, the same at every call. */
export function demoCases(): DemoCase[] {
  const y2021 = casesOf(2021, [
    [
      ["bss", 30],
      ["msb", 14],
      ["other", 11],
    ],
  ]);
  const y2022 = casesOf(2022, [
    [
      ["bss", 29],
      ["msb", 15],
      ["other", 10],
    ],
    [
      ["bss", 5],
      ["msb", 3],
      ["other", 2],
    ],
  ]);
  const y2023 = casesOf(2023, [
    [
      ["bss", 40],
      ["msb", 17],
      ["other", 15],
    ],
    [
      ["bss", 12],
      ["msb", 8],
      ["other", 4],
    ],
  ]);
  // 2023's MSB units exactly: Vuxenenheten 12 of 25.
  const msb2023 = interleave([
    ["msb-vuxen", 12],
    ["msb-barn", 7],
    ["msb-lss", 6],
  ] as const);
  y2023
    .filter((c) => c.area === "msb")
    .forEach((c, i) => {
      c.unit = msb2023[i] as string;
    });

  // Categories: per area (Vuxenenheten apart), in order.
  for (const year of [y2021, y2022, y2023]) {
    for (const area of ["bss", "msb", "other"] as const) {
      const inArea = year.filter((c) => c.area === area && c.unit !== "msb-vuxen");
      const pool = interleave(categoryPools[area]);
      inArea.forEach((c, i) => {
        c.category = at(pool, i);
      });
    }
    const vuxen = interleave(vuxenCategories);
    year
      .filter((c) => c.unit === "msb-vuxen")
      .forEach((c, i) => {
        c.category = at(vuxen, i);
      });
  }

  // Earlier years: decided within the year, the last ones early the next.
  const decideEarlier = (cases: DemoCase[], inYear: number, outcomes: Outcome[], nextStart: string) =>
    cases.forEach((c, i) => {
      const within = earliest(addDays(c.reportedOn, 18 + ((i * 11) % 30)), `${c.year}-12-30`);
      const decidedOn = i < inYear ? latest(within, c.reportedOn) : addDays(nextStart, (i - inYear) * 4);
      if (i < outcomes.length) c.decision = decision(c, decidedOn, outcomes[i] as Outcome);
      else c.decision = decision(c, decidedOn, "A");
    });
  decideEarlier(
    y2021,
    50,
    interleave([
      ["A", 28],
      ["B", 26],
      ["C", 1],
    ] as const),
    "2022-01-10",
  );
  decideEarlier(
    y2022,
    54,
    interleave([
      ["A", 28],
      ["B", 25],
      ["C", 1],
    ] as const),
    "2023-01-09",
  );

  // 2023: the first 72 decided in 2023, the last 25 of them in the memo period; the rest in 2024 but four.
  const memoCases = y2023.slice(47, 72);
  y2023.slice(0, 47).forEach((c, i) => {
    c.decision = decision(c, earliest(addDays(c.reportedOn, 14 + ((i * 7) % 31)), "2023-10-31"), "A");
  });
  memoCases.forEach((c, k) => {
    c.decision = decision(c, latest(addDays(DEMO_MEMO.periodStart, 2 * k), addDays(c.reportedOn, 7)), "A");
  });
  const decidedIn2023 = [...y2022.slice(54), ...y2023.slice(0, 72)];
  const pools: Record<Area, Record<Outcome, number>> = {
    bss: { A: 25, B: 19, C: 1 },
    msb: { A: 10, B: 8, C: 2 },
    other: { A: 10, B: 7, C: 0 },
  };
  const give = (c: DemoCase, outcome: Outcome) => {
    if (!c.decision || pools[c.area][outcome] <= 0) throw new Error(`Demo lex Sarah: no ${outcome} left for ${c.area}`);
    pools[c.area][outcome] -= 1;
    c.decision.outcome = outcome;
  };
  // Decided together (one memo line): three and two in list A, two in list B, each on one Gruppbostad unit.
  const bssMemo = memoCases.filter((c) => c.area === "bss");
  const groups: [DemoCase[], Outcome][] = [
    [bssMemo.slice(0, 3), "A"],
    [bssMemo.slice(3, 5), "A"],
    [bssMemo.slice(5, 7), "B"],
  ];
  for (const [members, outcome] of groups) {
    const first = members[0] as DemoCase;
    const decidedOn = members.map((m) => m.decision?.decidedOn ?? "").reduce(latest);
    for (const m of members) {
      m.unit = first.unit;
      give(m, outcome);
      m.decision = { ...decision(first, decidedOn, outcome) };
    }
  }
  const grouped = new Set(groups.flatMap(([members]) => members));
  const singles = memoCases.filter((c) => !grouped.has(c));
  const singleOutcomes = interleave([
    ["A", 11],
    ["B", 7],
  ] as const);
  singles.forEach((c, i) => {
    give(c, singleOutcomes[i] as Outcome);
  });
  for (const area of ["bss", "msb", "other"] as const) {
    const rest = decidedIn2023.filter((c) => c.area === area && !memoCases.includes(c));
    const left = interleave((["A", "B", "C"] as const).map((o) => [o, pools[area][o]] as const));
    rest.forEach((c, i) => {
      give(c, left[i] as Outcome);
    });
  }
  const next = y2023.slice(72);
  const nextOutcomes = interleave([
    ["A", 12],
    ["B", 8],
  ] as const);
  next.forEach((c, i) => {
    if (i < 20) c.decision = decision(c, addDays("2024-01-08", i * 3), nextOutcomes[i] as Outcome);
    else c.investigated = i < 22;
  });
  return [...y2021, ...y2022, ...y2023];
}

/** The demo cases, their decisions, causes, measures and investigation entries, written in bulk with one audit event. */
export async function seedLexSarahDemo(trx: DbOf<KvalitetDB>, demo: DemoOrganisation): Promise<void> {
  const kommun = demo.nodes.kommun;
  const namnd = demo.nodes.ifo;
  if (!kommun || !namnd) throw new Error("Demo organisation lacks its kommun or the IF nämnd");
  await write(trx, systemActor(), "admin", kommun.id, async ({ trx, audit }) => {
    await repo.installLists(trx, kommun.id);
    const lists = await repo.listEntriesOf(trx, kommun.id);
    const idOf = (list: string, code: string) => {
      const entry = lists.find((e) => e.list === list && e.code === code);
      if (!entry) throw new Error(`Demo lex Sarah names unknown ${list} ${code}`);
      return entry.id;
    };
    const cases = demoCases().map((c) => ({ ...c, id: randomUUID() }));
    const decisionIds = new Map<string, string>();
    const decisions: (repo.DecisionValues & { id: string })[] = [];
    for (const [i, c] of cases.entries()) {
      if (!c.decision || decisionIds.has(c.decision.key)) continue;
      const id = randomUUID();
      decisionIds.set(c.decision.key, id);
      const { decidedOn, outcome } = c.decision;
      const sentOn = addDays(decidedOn, 5);
      decisions.push({
        id,
        namnd_id: namnd.id,
        decided_on: decidedOn,
        outcome,
        finding: outcome === "A" ? at(aFindings, i) : null,
        ivo_form_done: outcome === "C",
        ivo_investigation_attached: outcome === "C",
        ivo_sent_on: outcome === "C" ? sentOn : null,
        ivo_reference: outcome === "C" ? `3.5.1-${1000 + i}/${sentOn.slice(0, 4)}` : null,
      });
    }
    await repo.insertDecisions(trx, decisions);
    const findingOf = (key: string) => decisions.find((d) => d.id === decisionIds.get(key))?.finding ?? null;
    const rows = cases.map((c, i) => {
      const unit = demo.nodes[c.unit];
      if (!unit) throw new Error(`Demo lex Sarah names unknown unit ${c.unit}`);
      const noticedOn = addDays(c.reportedOn, -(i % 3));
      const assessed = c.decision !== null || c.investigated;
      const outcome = c.decision?.outcome;
      const consequence: Consequence | null = !assessed
        ? null
        : outcome === "A"
          ? "ingen"
          : outcome === "C"
            ? at(["fysisk", "psykisk"] as const, i)
            : at(bConsequences, i);
      const finding = c.decision ? findingOf(c.decision.key) : null;
      return {
        id: c.id,
        org_node_id: unit.id,
        namnd_id: namnd.id,
        report_year: c.year,
        number: c.number,
        reported_on: c.reportedOn,
        noticed_on: noticedOn,
        occurred_on: i % 7 === 3 ? null : addDays(noticedOn, -(i % 4)),
        gist: gistOf(c, i),
        category_id: idOf("kategori", c.category),
        brist: assessed ? finding !== "ingen-brist" && finding !== "utreds-ej" : null,
        consequence,
        recurrence: assessed ? at(recurrences, i) : null,
        route: at(routes, i),
        event_id: null,
        status: c.decision ? ("beslutad" as const) : assessed ? ("under_utredning" as const) : ("rapporterad" as const),
        decision_id: c.decision ? (decisionIds.get(c.decision.key) ?? null) : null,
      };
    });
    await repo.insertCases(trx, rows);
    const assessed = cases.filter((c) => c.decision !== null || c.investigated);
    await repo.insertChoices(
      trx,
      assessed.flatMap((c, i) => [
        { case_id: c.id, entry_id: idOf("orsak", at(causes, i)) },
        { case_id: c.id, entry_id: idOf("atgard", at(measures, i)) },
        ...(i % 3 === 0 ? [{ case_id: c.id, entry_id: idOf("atgard", at(measures, i + 4)) }] : []),
      ]),
    );
    await repo.insertEntries(
      trx,
      assessed.flatMap((c, i) => {
        const gist = rows.find((r) => r.id === c.id)?.gist ?? "";
        const last = c.decision ? addDays(c.decision.decidedOn, -1) : addDays(c.reportedOn, 3);
        return [
          {
            case_id: c.id,
            entry_date: earliest(addDays(c.reportedOn, 1), last),
            item_id: idOf("utredningspunkt", "vad-och-konsekvenser"),
            source: at(sources, i),
            kind: "fakta" as const,
            author: AUTHOR,
            text: `Rapporten gäller ${gist}. Händelseförloppet är beskrivet av berörd personal.`,
          },
          {
            case_id: c.id,
            entry_date: latest(last, c.reportedOn),
            item_id: idOf("utredningspunkt", "risk-upprepning"),
            source: "Utredarens bedömning",
            kind: "bedomning" as const,
            author: AUTHOR,
            text: "Risken för upprepning bedöms minska när åtgärderna är genomförda och följts upp på APT.",
          },
        ];
      }),
    );
    await repo.syncCounters(trx);
    await audit("kvalitet_lex_sarah_demo", null, "seed", {
      after: { cases: cases.length, decisions: decisions.length },
    });
  });
}
