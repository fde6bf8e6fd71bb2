import fs from "node:fs";
import type { Command } from "commander";
import { findNamnd } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { formatCount } from "../platform/i18n/format.ts";
import type { CliTools } from "../platform/runtime.ts";
import { listCases } from "./case-read-service.ts";
import { createStandingCases } from "./case-write-service.ts";
import { parseDiarienummer } from "./diarienummer.ts";
import { importCasesCsv, optionalColumns, requiredColumns } from "./import-service.ts";
import { meetingsCli } from "./meetings/cli.ts";
import { memosCli } from "./memos/cli.ts";
import type { NamndDB } from "./tables.ts";
import { caseStatusLabels } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

/** The nämnd to search: --namnd, else the one whose prefix the number carries. */
async function namndToSearch(db: Db, text: string, namnd: string | undefined): Promise<string> {
  if (namnd) return (await findNamnd(db, namnd)).id;
  const prefix = /^\s*(?:dnr\s*:?\s*)?([A-Za-zÅÄÖåäö]{1,10})[\s-]/i.exec(text)?.[1];
  const parsed = prefix ? parseDiarienummer(text, prefix) : null;
  if (!parsed?.ok) throw new Error("Ange nämnden med --namnd (prefix som IF), eller ett diarienummer med prefix.");
  return (await findNamnd(db, parsed.value.prefix)).id;
}

export function namndCli(namnd: Command, { withDatabase, print, write, failWithRowProblems }: CliTools): void {
  const diarium = namnd.command("diarium").description("Nämndens diarium");
  meetingsCli(namnd, { withDatabase, print, write });
  memosCli(namnd, { withDatabase, print }, namndToSearch);

  diarium
    .command("import")
    .description(
      `Importera ärenden från CSV (allt eller inget; numren behålls och serien flyttas förbi det högsta). ` +
        `Kolumner: ${requiredColumns.join(",")} (valfritt ${optionalColumns.join(", ")})`,
    )
    .argument("<file>", "CSV-fil")
    .requiredOption("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn)")
    .action((file: string, opts: { namnd: string }) =>
      withDatabase(async ({ db }) => {
        const content = fs.readFileSync(file);
        const orgNodeId = (await findNamnd(db, opts.namnd)).id;
        const result = await importCasesCsv(db, systemActor(), { orgNodeId, content }).catch(failWithRowProblems);
        print(`Importerade ${formatCount(result.accepted, "ärende", "ärenden")}, 0 avvisade.`);
        if (result.normalised > 0) print(`${result.normalised} diarienummer skrevs om till formen PREFIX-ÅÅÅÅ-NNNNN.`);
        for (const s of result.series) print(`Serien ${s.year}: nästa nummer blir ${s.lastNumber + 1}.`);
      }),
    );

  diarium
    .command("staende")
    .description("Skapa årets stående ärenden: ett för varje serie nämnden har haft (periodlistor, placeringsavtal …)")
    .requiredOption("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn)")
    .action((opts: { namnd: string }) =>
      withDatabase(async ({ db }) => {
        const year = Number(todayInSweden().slice(0, 4));
        const result = await createStandingCases(db, systemActor(), (await findNamnd(db, opts.namnd)).id, year);
        print(`Skapade ${formatCount(result.created.length, "stående ärende", "stående ärenden")} för ${year}.`);
        for (const c of result.created) print(`${c.diarienummer}  ${c.title}`);
      }),
    );

  diarium
    .command("sok")
    .description('Sök ärenden på diarienummer (valfri skrivform, t.ex. "IF 2024-00016") eller rubrik')
    .argument("<text>", "diarienummer eller sökord")
    .option("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn); standard: numrets prefix")
    .action((text: string, opts: { namnd?: string }) =>
      withDatabase(async ({ db }) => {
        const orgNodeId = await namndToSearch(db, text, opts.namnd);
        const found = await listCases(db, systemActor(), { orgNodeId, q: text, limit: 200, offset: 0 });
        if (found.diarienummer) print(`Söker ${found.diarienummer}`);
        for (const c of found.cases) {
          print(`${c.diarienummer}  ${c.registeredOn}  ${caseStatusLabels[c.status].padEnd(8)}  ${c.title}`);
        }
        print(`${formatCount(found.total, "ärende", "ärenden")}.`);
      }),
    );
}
