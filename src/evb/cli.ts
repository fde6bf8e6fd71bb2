import fs from "node:fs";
import type { Command } from "commander";
import { nodeOrOnlyKommun } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { Database } from "../platform/db/database.ts";
import { formatCount, formatNumber } from "../platform/i18n/format.ts";
import type { CliTools } from "../platform/runtime.ts";
import { installStandardCatalogue } from "./catalogue-service.ts";
import { CLI_IMPORT_LIMITS, IMPORT_BATCH_ROWS, importDecisionsCsv } from "./import-service.ts";
import { exportQuarterReport, quarterReportFor } from "./register-read-service.ts";
import { type ReportPart, reportParts } from "./report-formats.ts";

export function evbCli(evb: Command, { withDatabase, print, printError, write, failWithRowProblems }: CliTools): void {
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
        const scopeNodeId = (await nodeOrOnlyKommun(db, opts.org)).id;
        const result = await importDecisionsCsv(db, systemActor(), {
          scopeNodeId,
          content,
          dryRun: opts.dryRun,
          limits: CLI_IMPORT_LIMITS,
          onProgress: (p) => {
            // A file of one batch is done at once; a larger one says how far it has come, on stderr.
            if (p.rows <= IMPORT_BATCH_ROWS) return;
            const written = opts.dryRun ? "" : `, skrev ${formatNumber(p.written)}`;
            printError(`Kontrollerade ${formatNumber(p.checked)} av ${formatCount(p.rows, "rad", "rader")}${written}.`);
          },
        }).catch(failWithRowProblems);
        print(
          `${result.dryRun ? "Kontrollerad (inget sparat)" : "Importerad"}: ${formatCount(result.rows, "rad", "rader")} – ` +
            `${formatCount(result.created, "nytt", "nya")}, ${formatCount(result.updated, "ändrat", "ändrade")}, ` +
            `${formatCount(result.unchanged, "oförändrat", "oförändrade")}.`,
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
        const orgNodeId = (await nodeOrOnlyKommun(db, opts.org)).id;
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
      withDatabase(async ({ db }) => print(await installEvbCatalogue(db, (await nodeOrOnlyKommun(db, opts.org)).id))),
    );
}

/** Adds the standard catalogue's missing rows to a kommun; answers what `install-catalogue` prints. */
export async function installEvbCatalogue(db: Database["db"], kommunId: string): Promise<string> {
  const added = await installStandardCatalogue(db, systemActor(), kommunId);
  return `Lade till ${formatCount(added.insatser, "insats", "insatser")} och ${formatCount(added.codes, "kod", "koder")}.`;
}
