// From ledger rows (a mapped CSV/XLSX table or a SIE file) to figures per level, kind and period.
// Pure: the import service supplies the levels and code mappings and stores what comes out, but
// only when there are no problems at all.
import { roundDiv } from "../arithmetic.ts";
import type { FigureKind } from "../reports.ts";
import type { SieAccountType, SieFile } from "./sie4.ts";
import type { RawTable, TableRow } from "./tabular.ts";
import { normaliseCode, parseAmountOre, parseMonth } from "./values.ts";

export const importKinds = ["utfall", "budget", "budget_revised", "prognos"] as const;
export type ImportKind = (typeof importKinds)[number];
export const importKindLabels: Record<ImportKind, string> = {
  utfall: "Utfall (intäkter och kostnader)",
  budget: "Budget (ursprunglig)",
  budget_revised: "Budget efter ombudgetering",
  prognos: "Prognos",
};

export const ledgerFields = ["amount", "period", "konto", "ansvar", "verksamhet", "level"] as const;
export type LedgerField = (typeof ledgerFields)[number];
export const ledgerFieldLabels: Record<LedgerField, string> = {
  amount: "Belopp",
  period: "Period",
  konto: "Konto",
  ansvar: "Ansvar",
  verksamhet: "Verksamhet",
  level: "Uppföljningsnivå",
};
export type ColumnMapping = { amount: string } & Partial<Record<Exclude<LedgerField, "amount">, string>>;

export const codeDimensions = ["ansvar", "verksamhet", "konto"] as const;
export type CodeDimension = (typeof codeDimensions)[number];

/** Debit-positive as in the ledger (costs +, income −), or already as the reports show money (income +, costs −). */
export const signConventions = ["ledger", "report"] as const;
export type SignConvention = (typeof signConventions)[number];

export type LedgerEntry = {
  line: number;
  konto: string | null;
  ansvar: string | null;
  verksamhet: string | null;
  level: string | null;
  /** null: the amount is for the whole year. */
  month: number | null;
  amountOre: number;
  accountType: SieAccountType | null;
};

/** Row-named problem, shaped like the platform's FieldProblem. */
export type ImportProblem = { row: number; field: string; message: string };
/** Where problems go as rows are read: an array, or a list that keeps the first ones and counts the rest. */
export type ProblemSink = { push: (problem: ImportProblem) => unknown };

const synonyms: Record<LedgerField, string[]> = {
  amount: ["belopp", "summa", "utfall", "saldo", "budget", "prognos", "värde", "kronor", "amount"],
  period: ["period", "månad", "datum", "bokföringsdatum", "verifikationsdatum", "transaktionsdatum"],
  konto: ["konto", "kontonr", "kontonummer", "account"],
  ansvar: ["ansvar", "ansvarsnr", "ansvarskod", "kostnadsställe", "resultatenhet", "kst"],
  verksamhet: ["verksamhet", "verksamhetskod", "vht", "verks"],
  level: ["uppföljningsnivå", "nivå", "verksamhetsområde", "område"],
};

const clean = (h: string) => h.trim().toLocaleLowerCase("sv-SE").replace(/[.:]$/, "");

/** A first guess at the mapping from the header names; the user confirms or corrects it. */
export function suggestMapping(headers: string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  const taken = new Set<string>();
  for (const field of ledgerFields) {
    const header = headers.find((h) => !taken.has(h) && synonyms[field].includes(clean(h)));
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** Reads the mapped columns of a table's rows one at a time (see entriesFromTable). */
export type TableReader = {
  /** Problems of the header row: a mapped column the file lacks, or no column that routes rows. */
  problems: ImportProblem[];
  /** The row's entry (null when it cannot be routed), its problems added to `problems`. */
  read: (row: TableRow, problems: ProblemSink) => LedgerEntry | null;
};

/** A reader of the rows under `headers`; problems name the row and the column as the file names it. */
export function tableReader(headers: string[], mapping: ColumnMapping, year: number): TableReader {
  const problems: ImportProblem[] = [];
  const index: Partial<Record<LedgerField, number>> = {};
  for (const field of ledgerFields) {
    const header = mapping[field];
    if (header === undefined || header === "") continue;
    const i = headers.findIndex((h) => clean(h) === clean(header));
    if (i < 0) {
      problems.push({
        row: 1,
        field: `Kolumner – ${ledgerFieldLabels[field]}`,
        message: `Kolumnen "${header}" finns inte i filen. Filens kolumner: ${headers.join(", ")}.`,
      });
    } else {
      index[field] = i;
    }
  }
  const routing = (["level", "konto", "ansvar", "verksamhet"] as const).filter((field) => mapping[field]);
  if (!routing.length) {
    problems.push({
      row: 1,
      field: "Kolumner",
      message:
        "Ange vilken kolumn som anger uppföljningsnivå, eller ansvar, verksamhet eller konto som mappas till nivåer.",
    });
  }
  const routable = routing.length > 0 && routing.every((field) => index[field] !== undefined);
  const cell = (cells: string[], field: LedgerField) => {
    const i = index[field];
    return i === undefined ? null : (cells[i] ?? "");
  };
  // The file's own name of a mapped column, as its header row spells it.
  const column = (field: LedgerField) => headers[index[field] as number] as string;
  // A ledger repeats few periods (months or days), so each is parsed once; bounded for a file of odd ones.
  const months = new Map<string, ReturnType<typeof parseMonth>>();
  const monthOf = (text: string) => {
    let parsed = months.get(text);
    if (!parsed) {
      parsed = parseMonth(text, year);
      if (months.size < 10_000) months.set(text, parsed);
    }
    return parsed;
  };

  const read = (row: TableRow, problems: ProblemSink): LedgerEntry | null => {
    let amountOre = 0;
    const amountText = cell(row.cells, "amount");
    if (amountText !== null) {
      const amount = parseAmountOre(amountText);
      if (amount.ok) amountOre = amount.value;
      else problems.push({ row: row.line, field: column("amount"), message: amount.message });
    }
    let month: number | null = null;
    const periodText = cell(row.cells, "period");
    if (periodText !== null) {
      const parsed = monthOf(periodText);
      if (parsed.ok) month = parsed.value;
      else problems.push({ row: row.line, field: column("period"), message: parsed.message });
    }
    const konto = normaliseCode(cell(row.cells, "konto"));
    if (konto !== null && !/^\d{1,10}$/.test(konto)) {
      // Not routed: its account class would only repeat this problem.
      problems.push({ row: row.line, field: column("konto"), message: `"${konto}" är inget kontonummer` });
      return null;
    }
    if (!routable) return null;
    return {
      line: row.line,
      konto,
      ansvar: normaliseCode(cell(row.cells, "ansvar")),
      verksamhet: normaliseCode(cell(row.cells, "verksamhet")),
      level: normaliseCode(cell(row.cells, "level")),
      month,
      amountOre,
      accountType: null,
    };
  };
  return { problems, read };
}

/**
 * Reads the mapped columns of every row; problems name the row and the column as the file names it. All of a
 * file's problems come in one round: a mapped column the file lacks does not stop the other columns being read,
 * and a row with an unreadable amount or period is still returned (amount 0, no month) so that routing it to a
 * level finds its other problems too. The caller refuses the file when there is any problem. Only when a
 * column that routes rows to levels is missing are no entries returned: every row would seem unrouted.
 */
export function entriesFromTable(
  table: RawTable,
  mapping: ColumnMapping,
  year: number,
): { entries: LedgerEntry[]; problems: ImportProblem[] } {
  const reader = tableReader(table.headers, mapping, year);
  const problems = [...reader.problems];
  const entries: LedgerEntry[] = [];
  for (const row of table.rows) {
    const entry = reader.read(row, problems);
    if (entry) entries.push(entry);
  }
  return { entries, problems };
}

export type SieSource = "trans" | "psaldo" | "res" | "pbudget";
export type SieOptions = {
  year: number;
  kind: ImportKind;
  ansvarDim: string | null;
  verksamhetDim: string | null;
  /** Which object dimensions the committee's code mappings use; decides which #PSALDO rows to read. */
  useDims: Array<"ansvar" | "verksamhet">;
};

/** The dimension named like "Verksamhet" in #DIM, for suggesting options. */
export function suggestSieDims(file: SieFile): { ansvarDim: string | null; verksamhetDim: string | null } {
  const named = (re: RegExp) => file.dimensions.find((d) => re.test(d.name.toLocaleLowerCase("sv-SE")))?.no ?? null;
  return {
    ansvarDim: named(/ansvar|kostnadsställe|resultatenhet/) ?? (file.dimensions.some((d) => d.no === "1") ? "1" : null),
    verksamhetDim: named(/verksamhet/),
  };
}

/**
 * Ledger rows from a SIE file. Outcome comes from the most detailed source present (#TRANS, else
 * #PSALDO, else #RES) so nothing is counted twice; budgets come from #PBUDGET. A row outside the year is
 * named and left out, the others are returned all the same (as entriesFromTable does), so routing them
 * finds their problems in the same round; the caller refuses the file when there is any problem.
 */
export function entriesFromSie(
  file: SieFile,
  options: SieOptions,
): { entries: LedgerEntry[]; problems: ImportProblem[]; source: SieSource | null; skipped: number } {
  const problems: ImportProblem[] = [];
  const fy = file.fiscalYears.find((y) => y.index === 0);
  if (!fy) problems.push({ row: 1, field: "#RAR", message: "Filen saknar #RAR 0 (räkenskapsåret)." });
  else if (fy.start !== `${options.year}-01-01` || fy.end !== `${options.year}-12-31`) {
    problems.push({
      row: fy.line,
      field: "#RAR",
      message: `Filen avser räkenskapsåret ${fy.start}–${fy.end}, inte kalenderåret ${options.year}.`,
    });
  }
  let source: SieSource | null = null;
  if (options.kind === "prognos") {
    problems.push({
      row: 1,
      field: "kind",
      message: "SIE-filer innehåller inga prognoser; importera prognosen från CSV eller XLSX.",
    });
  } else if (options.kind === "utfall") {
    source = file.vouchers.length ? "trans" : file.psaldo.length ? "psaldo" : file.res.length ? "res" : null;
    if (!source) {
      problems.push({ row: 1, field: "#VER", message: "Filen innehåller varken #VER/#TRANS, #PSALDO eller #RES." });
    }
  } else {
    source = file.pbudget.length ? "pbudget" : null;
    if (!source) {
      problems.push({ row: 1, field: "#PBUDGET", message: "Filen innehåller ingen periodbudget (#PBUDGET)." });
    }
  }
  if (problems.length || !source) return { entries: [], problems, source, skipped: 0 };

  const dimOf = (field: "ansvar" | "verksamhet") => (field === "ansvar" ? options.ansvarDim : options.verksamhetDim);
  for (const field of options.useDims) {
    if (!dimOf(field)) {
      problems.push({
        row: 1,
        field,
        message: `Ange vilken SIE-dimension som är ${field} (nivåerna mappas på ${field}).`,
      });
    }
  }
  if (problems.length) return { entries: [], problems, source, skipped: 0 };

  const entry = (
    line: number,
    account: string,
    objects: Array<{ dim: string; id: string }>,
    month: number | null,
    amountOre: number,
  ) => ({
    line,
    konto: account,
    ansvar: options.ansvarDim ? (objects.find((o) => o.dim === options.ansvarDim)?.id ?? null) : null,
    verksamhet: options.verksamhetDim ? (objects.find((o) => o.dim === options.verksamhetDim)?.id ?? null) : null,
    level: null,
    month,
    amountOre,
    accountType: file.accounts[account]?.type ?? null,
  });

  const entries: LedgerEntry[] = [];
  let skipped = 0;
  if (source === "trans") {
    for (const voucher of file.vouchers) {
      for (const t of voucher.transactions) {
        const date = t.date ?? voucher.date;
        if (!date.startsWith(`${options.year}-`)) {
          problems.push({ row: t.line, field: "#TRANS", message: `Datumet ${date} ligger utanför ${options.year}.` });
          continue;
        }
        entries.push(entry(t.line, t.account, t.objects, Number(date.slice(5, 7)), t.amountOre));
      }
    }
  } else if (source === "res") {
    if (options.useDims.length) {
      problems.push({
        row: 1,
        field: "#RES",
        message:
          "Filen har bara årssaldon (#RES) utan ansvar eller verksamhet; exportera med #PSALDO eller #VER, eller mappa nivåer på konto.",
      });
    }
    for (const r of file.res) {
      if (r.yearIndex !== 0) skipped += 1;
      else entries.push(entry(r.line, r.account, [], null, r.amountOre));
    }
  } else {
    // #PSALDO/#PBUDGET repeat the same money per object combination; read only the combination the mappings use.
    const wanted = options.useDims.map(dimOf).sort().join(",");
    const rows = source === "psaldo" ? file.psaldo : file.pbudget;
    const label = source === "psaldo" ? "#PSALDO" : "#PBUDGET";
    let matching = 0;
    for (const r of rows) {
      if (r.yearIndex !== 0) {
        skipped += 1;
        continue;
      }
      const dims = r.objects
        .map((o) => o.dim)
        .sort()
        .join(",");
      if (dims !== wanted) continue;
      matching += 1;
      if (!r.period.startsWith(String(options.year))) {
        problems.push({ row: r.line, field: label, message: `Perioden ${r.period} ligger utanför ${options.year}.` });
        continue;
      }
      entries.push(entry(r.line, r.account, r.objects, Number(r.period.slice(4, 6)), r.amountOre));
    }
    if (matching === 0) {
      problems.push({
        row: 1,
        field: label,
        message: wanted
          ? `Filen har inga ${label}-rader per dimension ${wanted}, som nivåernas mappning kräver.`
          : `Filen har inga ${label}-rader för hela konton (tom objektlista).`,
      });
    }
  }
  return { entries, problems, source, skipped };
}

export type LevelTarget = { id: string; name: string; code: string | null };
export type CodeMapping = { levelId: string; dimension: CodeDimension; pattern: string };
export type AggregateContext = {
  kind: ImportKind;
  sign: SignConvention;
  levels: LevelTarget[];
  mappings: CodeMapping[];
  /** Rows no level claims: refuse the file (default) or leave them out and count them. */
  unmatched: "error" | "skip";
  year: number;
};
export type AggregatedFigure = {
  levelId: string;
  kind: FigureKind;
  periodType: "month" | "year";
  periodNo: number;
  amountKr: number;
};
export type Aggregation = {
  figures: AggregatedFigure[];
  problems: ImportProblem[];
  used: number;
  skippedBalance: number;
  skippedUnmatched: number;
};

/** The level that claims a code: the longest matching pattern, an exact code beating a prefix of equal length. */
export function matchCode(mappings: CodeMapping[], dimension: CodeDimension, code: string): CodeMapping | undefined {
  let best: { m: CodeMapping; score: number } | undefined;
  for (const m of mappings) {
    if (m.dimension !== dimension) continue;
    const prefix = m.pattern.endsWith("*");
    const stem = prefix ? m.pattern.slice(0, -1) : m.pattern;
    const hit = prefix ? code.startsWith(stem) : code === stem;
    if (!hit) continue;
    const score = stem.length * 2 + (prefix ? 0 : 1);
    if (!best || score > best.score) best = { m, score };
  }
  return best?.m;
}

const describeCodes = (e: LedgerEntry) =>
  [e.ansvar && `ansvar ${e.ansvar}`, e.verksamhet && `verksamhet ${e.verksamhet}`, e.konto && `konto ${e.konto}`]
    .filter(Boolean)
    .join(", ") || "raden saknar koder";

/** The value under `key`, made by `make` the first time. */
function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Sums entries as they come (see aggregate); `add` puts an entry's problems in `problems`. */
export type Summing = {
  add: (e: LedgerEntry, problems: ProblemSink) => void;
  /** The figures so far, and the counts of used and skipped entries. */
  result: () => Omit<Aggregation, "problems">;
};

/**
 * A running sum per level, kind and period in öre, each rounded to kronor once at the end. For outcome,
 * income and costs are told apart by the account (SIE #KTYP, else class 3 = intäkter, 4–7 = kostnader,
 * 8 by sign); balance accounts (1–2) are not part of the operating result and are skipped.
 */
export function summing(ctx: AggregateContext): Summing {
  // Sums per level and kind, indexed by month (0: the whole year).
  const sums = new Map<string, Map<FigureKind, Array<number | undefined>>>();
  const byCode = new Map(
    ctx.levels.filter((l) => l.code).map((l) => [(l.code as string).toLocaleLowerCase("sv-SE"), l]),
  );
  const byName = new Map(ctx.levels.map((l) => [l.name.trim().toLocaleLowerCase("sv-SE"), l]));
  // A ledger repeats few code combinations, so each is routed once, looked up without building a key per row
  // (bounded for a file of odd ones).
  const routes = new Map<string | null, Map<string | null, Map<string | null, string | null>>>();
  let routed = 0;
  const routeByCodes = (e: LedgerEntry) => {
    const byVerksamhet = child(routes, e.ansvar, () => new Map());
    const byKonto = child(byVerksamhet, e.verksamhet, () => new Map());
    let levelId = byKonto.get(e.konto);
    if (levelId === undefined) {
      levelId = null;
      for (const dimension of codeDimensions) {
        const code = e[dimension];
        if (code === null) continue;
        levelId = matchCode(ctx.mappings, dimension, code)?.levelId ?? null;
        if (levelId) break;
      }
      if (routed < 100_000) byKonto.set(e.konto, levelId);
      routed += 1;
    }
    return levelId;
  };
  let used = 0;
  let skippedBalance = 0;
  let skippedUnmatched = 0;

  const add = (e: LedgerEntry, problems: ProblemSink) => {
    const reportOre = ctx.sign === "ledger" ? -e.amountOre : e.amountOre;
    const accountClass = e.konto?.[0] ?? null;
    if (e.accountType === "T" || e.accountType === "S" || accountClass === "1" || accountClass === "2") {
      skippedBalance += 1;
      return;
    }
    let kind: FigureKind;
    if (ctx.kind === "utfall") {
      if (e.accountType === "I") kind = "intakter";
      else if (e.accountType === "K") kind = "kostnader";
      else if (accountClass === "3") kind = "intakter";
      else if (accountClass !== null && "4567".includes(accountClass)) kind = "kostnader";
      else if (accountClass === null || accountClass === "8") kind = reportOre >= 0 ? "intakter" : "kostnader";
      else {
        problems.push({
          row: e.line,
          field: ledgerFieldLabels.konto,
          message: `Konto ${e.konto} ligger utanför driftredovisningen (kontoklass 3–8).`,
        });
        return;
      }
    } else {
      kind = ctx.kind;
    }

    let levelId: string | undefined;
    if (e.level !== null) {
      const key = e.level.toLocaleLowerCase("sv-SE");
      levelId = (byCode.get(key) ?? byName.get(key))?.id;
      if (!levelId) {
        problems.push({
          row: e.line,
          field: ledgerFieldLabels.level,
          message: `Uppföljningsnivån "${e.level}" finns inte för ${ctx.year}.`,
        });
        return;
      }
    } else {
      levelId = routeByCodes(e) ?? undefined;
      if (!levelId) {
        if (ctx.unmatched === "skip") {
          skippedUnmatched += 1;
          return;
        }
        problems.push({
          row: e.line,
          field: "nivå",
          message: `Ingen uppföljningsnivå för ${ctx.year} har en kodmappning som matchar ${describeCodes(e)}.`,
        });
        return;
      }
    }

    const byMonth = child(
      child(sums, levelId, () => new Map()),
      kind,
      () => [],
    );
    const month = e.month ?? 0;
    byMonth[month] = (byMonth[month] ?? 0) + reportOre;
    used += 1;
  };
  const result = () => ({
    figures: [...sums].flatMap(([levelId, byKind]) =>
      [...byKind].flatMap(([kind, byMonth]) =>
        byMonth.flatMap((ore, month) =>
          ore === undefined
            ? []
            : [
                {
                  levelId,
                  kind,
                  periodType: month === 0 ? ("year" as const) : ("month" as const),
                  periodNo: month,
                  amountKr: roundDiv(ore, 100),
                },
              ],
        ),
      ),
    ),
    used,
    skippedBalance,
    skippedUnmatched,
  });
  return { add, result };
}

/** Sums all `entries` (see summing); no figures when there is any problem. */
export function aggregate(entries: LedgerEntry[], ctx: AggregateContext): Aggregation {
  const problems: ImportProblem[] = [];
  const sum = summing(ctx);
  for (const e of entries) sum.add(e, problems);
  const result = sum.result();
  return { ...result, figures: problems.length ? [] : result.figures, problems };
}
