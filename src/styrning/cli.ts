import fs from "node:fs";
import type { Command } from "commander";
import { findNodeByIdOrName } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { Database } from "../platform/db/database.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { formatCount, formatNumber } from "../platform/i18n/format.ts";
import type { CliTools } from "../platform/runtime.ts";
import { type FieldProblem, problemsToText } from "../platform/validation.ts";
import { koladaBaseUrl } from "./kolada/client.ts";
import {
  CLI_KOLADA_FILE_VALUES,
  exportKolada,
  fetchFromKolada,
  importKoladaFile,
  KOLADA_BATCH_VALUES,
} from "./kolada/kolada-service.ts";
import { listModels, modelTree } from "./models-service.ts";
import type { StyrningDB } from "./tables.ts";
import { exportValuesXlsx, importValuesXlsx } from "./xlsx-service.ts";

/** An org node by id, name or code (the CLI is used by people who know the names). */
const nodeId = async (db: DbOf<StyrningDB>, idOrName: string) => (await findNodeByIdOrName(db, idOrName)).id;

const years = (text: string) => text.split(",").map((y) => Number(y.trim()));

/** Imports fail with a problem per row; the CLI prints them all before the summary error. */
const reportingProblems = (work: Promise<void>, printError: (line: string) => void): Promise<void> =>
  work.catch((error: unknown) => {
    const problems =
      error instanceof DomainError ? (error.details as { problems?: FieldProblem[] } | undefined)?.problems : undefined;
    if (problems?.length) printError(problems.map((p) => problemsToText([p])).join("\n"));
    throw error;
  });

export function styrningCli(cmd: Command, { withDatabase, print, printError }: CliTools): void {
  const run = (fn: (database: Database) => Promise<void>) => reportingProblems(withDatabase(fn), printError);

  cmd
    .command("tree <namnd> <year>")
    .description("Skriv ut målträdet för en nämnd och ett år")
    .action((namnd: string, year: string) =>
      run(async ({ db }) => {
        const actor = systemActor();
        const [model] = await listModels(db, actor, await nodeId(db, namnd), Number(year));
        if (!model) throw new Error(`Ingen målmodell för ${namnd} ${year}.`);
        print((await modelTree(db, actor, model.id)).outline);
      }),
    );

  cmd
    .command("kolada-import <file>")
    .description("Importera en sparad Kolada-fil (v2 eller v3; data, kpi, kommuner eller kommungrupper)")
    .requiredOption("--org <id|namn>", "Nämnd eller enhet att importera till")
    .option("--reason <text>", "Orsak, om värden i låsta perioder ändras")
    .action((file: string, opts: { org: string; reason?: string }) =>
      run(async ({ db }) => {
        const body = JSON.parse(fs.readFileSync(file, "utf8"));
        const result = await importKoladaFile(db, systemActor(), await nodeId(db, opts.org), body, {
          reason: opts.reason ?? null,
          maxValues: CLI_KOLADA_FILE_VALUES,
          onProgress: (p) => {
            // A file of one batch is done at once; a larger one says how far it has come, on stderr.
            if (p.values > KOLADA_BATCH_VALUES) {
              printError(`Importerade ${formatNumber(p.done)} av ${formatCount(p.values, "värde", "värden")}.`);
            }
          },
        });
        print(JSON.stringify(result, null, 2));
      }),
    );

  cmd
    .command("kolada-fetch")
    .description("Hämta kopplade KPI:er från Kolada (KOLADA_BASE_URL, standard https://api.kolada.se/v3)")
    .requiredOption("--org <id|namn>", "Nämnd eller enhet")
    .requiredOption("--years <åren>", "t.ex. 2021,2022")
    .option("--group <id>", "Kommungrupp (liknande kommuner) att hämta med")
    .option("--reason <text>", "Orsak, om värden i låsta perioder ändras")
    .action((opts: { org: string; years: string; group?: string; reason?: string }) =>
      run(async ({ db }) => {
        const result = await fetchFromKolada(
          db,
          systemActor(),
          await nodeId(db, opts.org),
          { years: years(opts.years), groupId: opts.group, reason: opts.reason },
          { baseUrl: koladaBaseUrl() },
        );
        print(JSON.stringify(result, null, 2));
      }),
    );

  cmd
    .command("kolada-export <file>")
    .description("Exportera årsvärden i Koladas format")
    .requiredOption("--org <id|namn>", "Nämnd eller enhet")
    .option("--version <v2|v3>", "Format", "v3")
    .action((file: string, opts: { org: string; version: string }) =>
      run(async ({ db }) => {
        const version = opts.version === "v2" ? "v2" : "v3";
        const data = await exportKolada(db, systemActor(), await nodeId(db, opts.org), version);
        fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
        print(`Skrev ${file}.`);
      }),
    );

  cmd
    .command("export-xlsx <file>")
    .description("Exportera indikatorvärden (och inmatningsmall) till Excel")
    .requiredOption("--org <id|namn>", "Nämnd eller enhet")
    .requiredOption("--from <år>", "Första året")
    .requiredOption("--to <år>", "Sista året")
    .action((file: string, opts: { org: string; from: string; to: string }) =>
      run(async ({ db }) => {
        fs.writeFileSync(
          file,
          await exportValuesXlsx(db, systemActor(), await nodeId(db, opts.org), Number(opts.from), Number(opts.to)),
        );
        print(`Skrev ${file}.`);
      }),
    );

  cmd
    .command("import-xlsx <file>")
    .description("Importera indikatorvärden från Excel (allt eller inget)")
    .requiredOption("--org <id|namn>", "Nämnd eller enhet")
    .option("--reason <text>", "Orsak, om värden i låsta perioder ändras")
    .action((file: string, opts: { org: string; reason?: string }) =>
      run(async ({ db }) => {
        const result = await importValuesXlsx(
          db,
          systemActor(),
          await nodeId(db, opts.org),
          fs.readFileSync(file),
          opts.reason ?? null,
        );
        print(JSON.stringify(result, null, 2));
      }),
    );
}
