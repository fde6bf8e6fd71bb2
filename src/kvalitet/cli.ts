import fs from "node:fs";
import type { Command } from "commander";
import { findNamnd, nodeOrOnlyKommun } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { Database } from "../platform/db/database.ts";
import { formatCount, formatNumber } from "../platform/i18n/format.ts";
import type { CliTools } from "../platform/runtime.ts";
import { importEventsCsv } from "./import-service.ts";
import { complaintLines } from "./klagomal/text.ts";
import { lexSarahCli } from "./lex-sarah/cli.ts";
import { installLists as installLexSarahLists } from "./lex-sarah/lists-service.ts";
import { lexSarahLines } from "./lex-sarah/text.ts";
import { installStandardLists } from "./lists-service.ts";
import { overviewCli } from "./overview/cli.ts";
import { statistics } from "./statistics-service.ts";
import { installInspectionTypes } from "./tillsyn/types-service.ts";
import { optionalImportColumns, requiredImportColumns, workCategories, workCategoryLabels } from "./vocabulary.ts";

type Statistics = Awaited<ReturnType<typeof statistics>>;

/** The statistics as the text a person reads in a terminal. */
function statisticsText(s: Statistics): string {
  const head = (title: string, columns: readonly string[], width = 8) =>
    `${title.padEnd(48)}${columns.map((c) => c.padStart(width)).join("")}`;
  const row = (name: string, values: readonly number[], width = 8) =>
    `  ${name.padEnd(46)}${values.map((v) => formatNumber(v).padStart(width)).join("")}`;
  const previous = s.year - 1;
  const a = s.avvikelser;
  const years = [String(s.year), String(previous)];
  const lines = [
    `Händelser ${s.year} – ${s.organisation.name}`,
    "",
    `Avvikelser: ${formatNumber(a.total)} (${previous}: ${formatNumber(a.previousYearTotal)}); öppna vid årets slut: ${formatNumber(a.openAtYearEnd)}`,
    `Per kvartal: ${a.byQuarter.map((c, i) => `Q${i + 1} ${formatNumber(c)}`).join(", ")}`,
    "",
    head("Per typ (flerval, summerar inte till antalet)", years),
    ...a.byType.map((t) => row(t.name, [t.count, t.previousYear])),
    "",
    head("Per orsak (flerval)", years),
    ...a.byCause.map((c) => row(c.name, [c.count, c.previousYear])),
    "",
    head("Per verksamhetsområde", ["Q1", "Q2", "Q3", "Q4", "Totalt"]),
    ...a.byArea.map((r) => row(r.name, [...r.byQuarter, r.count])),
    "",
    head("Per enhet", [String(s.year)]),
    ...a.byUnit.map((u) => row(u.name, [u.count])),
    "",
    "Arbetsmiljöhändelser (räknas inte som avvikelser)",
    head("", [...workCategories.map((c) => workCategoryLabels[c]), "Totalt"], 16),
    ...s.arbetsmiljo.map((y) => row(String(y.year), [...workCategories.map((c) => y.byCategory[c]), y.total], 16)),
    "",
    ...complaintLines(s.klagomal, s.year),
    "",
    ...lexSarahLines(s.lexSarah),
  ];
  return `${lines.join("\n")}\n`;
}

export function kvalitetCli(kvalitet: Command, { withDatabase, print, write, failWithRowProblems }: CliTools): void {
  kvalitet
    .command("import")
    .description(
      `Importera händelser från CSV (allt eller inget). Kolumner: ${requiredImportColumns.join(",")} ` +
        `(valfritt ${optionalImportColumns.join(", ")}); typer och orsaker åtskilda med |`,
    )
    .argument("<what>", "handelser")
    .argument("<file>", "CSV-fil")
    .option("--org <org>", "organisation (id, kod eller namn) vars enheter kolumnen enhet avser; standard: kommunen")
    .action((what: string, file: string, opts: { org?: string }) =>
      withDatabase(async ({ db }) => {
        if (what !== "handelser") throw new Error(`Okänt slag "${what}": bara handelser kan importeras.`);
        const content = fs.readFileSync(file);
        const scopeNodeId = (await nodeOrOnlyKommun(db, opts.org)).id;
        const result = await importEventsCsv(db, systemActor(), { scopeNodeId, content }).catch(failWithRowProblems);
        print(
          `Importerad: ${formatCount(result.rows, "händelse", "händelser")} – ${formatCount(result.avvikelser, "avvikelse", "avvikelser")}, ${formatCount(result.arbetsmiljo, "arbetsmiljöhändelse", "arbetsmiljöhändelser")}.`,
        );
        if (result.masked > 0)
          print(`Personnummer maskerades i ${formatCount(result.masked, "händelse", "händelser")}.`);
      }),
    );

  kvalitet
    .command("statistik")
    .description(
      "Händelser för en nämnd och ett år: per typ, orsak, kvartal, verksamhetsområde och enhet; arbetsmiljö för sig; " +
        "klagomål per enhet och kategori, Kommentaren för sig",
    )
    .requiredOption("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn)")
    .requiredOption("--year <year>", "år, t.ex. 2023")
    .option("--format <format>", "text eller json", "text")
    .action((opts: { namnd: string; year: string; format: string }) =>
      withDatabase(async ({ db }) => {
        if (!["json", "text"].includes(opts.format)) throw new Error("--format ska vara text eller json.");
        const year = Number(opts.year);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new Error("--year ska vara ett år, t.ex. 2023.");
        const orgNodeId = (await findNamnd(db, opts.namnd)).id;
        const result = await statistics(db, systemActor(), { orgNodeId, year, openDays: 30, quietMax: 2 });
        write(opts.format === "json" ? `${JSON.stringify(result, null, 2)}\n` : statisticsText(result));
      }),
    );

  kvalitet
    .command("install-lists")
    .description(
      "Lägg till standardlistornas händelsetyper, orsaker, lex Sarah-poster och slag av tillsyn som kommunen saknar (redigerade rader lämnas)",
    )
    .option("--org <org>", "kommunen (id, kod eller namn)")
    .action((opts: { org?: string }) =>
      withDatabase(async ({ db }) => print(await installKvalitetLists(db, (await nodeOrOnlyKommun(db, opts.org)).id))),
    );

  lexSarahCli(kvalitet, { withDatabase, write });
  overviewCli(kvalitet, { withDatabase, write });
}

/**
 * Adds the standard lists' missing rows to a kommun (händelser, lex Sarah, IVO-tillsyn); answers what
 * `install-lists` prints.
 */
export async function installKvalitetLists(db: Database["db"], kommunId: string): Promise<string> {
  const added = await installStandardLists(db, systemActor(), kommunId);
  const lexSarah = await installLexSarahLists(db, systemActor(), kommunId);
  const inspectionTypes = await installInspectionTypes(db, systemActor(), kommunId);
  return (
    `Lade till ${formatCount(added.types, "händelsetyp", "händelsetyper")} och ${formatCount(added.causes, "orsak", "orsaker")}.\n` +
    `Lade till ${formatNumber(lexSarah)} poster i lex Sarah-listorna.\n` +
    `Lade till ${formatNumber(inspectionTypes)} slag av tillsyn.`
  );
}
