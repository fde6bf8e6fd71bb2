import fs from "node:fs";
import type { Command } from "commander";
import { findNodeByIdOrName, rootNodes } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import type { CliTools } from "../platform/runtime.ts";
import type { FieldProblem } from "../platform/validation.ts";
import { installStandardCatalogue } from "./catalogue-service.ts";
import { importDecisionsCsv } from "./import-service.ts";
import { exportQuarterReport, quarterReportFor } from "./register-read-service.ts";
import { type ReportPart, reportParts } from "./report-formats.ts";
import type { EvbDB } from "./tables.ts";

/** `--org` by id, code or name; without it, the only kommun in the database. */
async function resolveOrg(db: DbOf<EvbDB>, org: string | undefined): Promise<string> {
  if (org) return (await findNodeByIdOrName(db, org)).id;
  const roots = await rootNodes(db);
  if (roots.length === 1 && roots[0]) return roots[0].id;
  throw new Error(
    roots.length === 0
      ? "Databasen har ingen organisation. Kör lots seed-demo eller lägg upp kommunen först."
      : `Databasen har flera kommuner (${roots.map((r) => r.name).join(", ")}); ange --org.`,
  );
}

/** Prints every row problem of a rejected file on its own line before failing. */
function reportProblems(error: unknown, printError: (line: string) => void): never {
  if (error instanceof DomainError) {
    const problems = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
    if (problems?.length) {
      for (const p of problems) printError(`${p.row === undefined ? "" : `Rad ${p.row}: `}${p.field}: ${p.message}`);
      const rows = new Set(problems.map((p) => p.row)).size;
      throw new Error(`Filen importerades inte: ${problems.length} fel på ${rows} rader. Inget sparades.`);
    }
  }
  throw error;
}

export function evbCli(program: Command, { withDatabase, print, printError, write }: CliTools): void {
  const evb = program.command("evb").description("Ej verkställda beslut: register och kvartalsrapporter");

  evb
    .command("import <file>")
    .description(
      "Importera beslut från CSV (allt eller inget). Kolumner: id,kon,enhet,lag,lagrum,insats,beslutsdatum," +
        "avbrott_fran,avbrott_till,verkstallt,avslutat,avslutsorsak,orsakskod,skal,erbjudanden (valfritt delvis, skyddad)",
    )
    .option("--org <org>", "organisation (id, kod eller namn) vars enheter kolumnen enhet avser; standard: kommunen")
    .option("--dry-run", "kontrollera filen utan att spara")
    .action((file: string, opts: { org?: string; dryRun?: boolean }) =>
      withDatabase(async ({ db }) => {
        const content = fs.readFileSync(file);
        const scopeNodeId = await resolveOrg(db, opts.org);
        const result = await importDecisionsCsv(db, systemActor(), { scopeNodeId, content, dryRun: opts.dryRun }).catch(
          (error: unknown) => reportProblems(error, printError),
        );
        print(
          `${result.dryRun ? "Kontrollerad (inget sparat)" : "Importerad"}: ${result.rows} rader – ${result.created} nya, ` +
            `${result.updated} ändrade, ${result.unchanged} oförändrade.`,
        );
      }),
    );

  evb
    .command("report")
    .description(
      "Kvartalsrapport per kvartalets sista dag: antal (totalt, lag, insats, enhet, kön, väntetid) och listorna",
    )
    .requiredOption("--quarter <quarter>", "kvartal, t.ex. 2023Q4")
    .option("--format <format>", "json, csv eller xlsx", "json")
    .option("--part <part>", `för csv: ${reportParts.join(", ")}`, "ivo")
    .option("--org <org>", "organisation (id, kod eller namn); standard: kommunen")
    .option("--out <file>", "skriv till fil i stället för standard ut (krävs för xlsx)")
    .action((opts: { quarter: string; format: string; part: string; org?: string; out?: string }) =>
      withDatabase(async ({ db }) => {
        if (!["json", "csv", "xlsx"].includes(opts.format)) throw new Error("--format ska vara json, csv eller xlsx.");
        if (!reportParts.includes(opts.part as ReportPart))
          throw new Error(`--part ska vara ${reportParts.join(", ")}.`);
        if (opts.format === "xlsx" && !opts.out) throw new Error("Ange --out FIL.xlsx för xlsx.");
        const orgNodeId = await resolveOrg(db, opts.org);
        const actor = systemActor();
        const body =
          opts.format === "json"
            ? `${JSON.stringify(await quarterReportFor(db, actor, orgNodeId, opts.quarter), null, 2)}\n`
            : (
                await exportQuarterReport(db, actor, {
                  orgNodeId,
                  quarter: opts.quarter,
                  format: opts.format as "csv" | "xlsx",
                  part: opts.part as ReportPart,
                })
              ).body;
        if (opts.out) {
          fs.writeFileSync(opts.out, body);
          print(`Skrev ${opts.out}.`);
        } else write(body);
      }),
    );

  evb
    .command("install-catalogue")
    .description("Lägg till standardkatalogens insatser och koder som kommunen saknar (redigerade rader lämnas)")
    .option("--org <org>", "kommunen (id, kod eller namn)")
    .action((opts: { org?: string }) =>
      withDatabase(async ({ db }) => {
        const added = await installStandardCatalogue(db, systemActor(), await resolveOrg(db, opts.org));
        print(`Lade till ${added.insatser} insatser och ${added.codes} koder.`);
      }),
    );
}
