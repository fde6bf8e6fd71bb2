// `lots namnd tjansteskrivelse`: a case's current tjänsteskrivelse written to a Word or PDF file, the same
// document the web page downloads.
import fs from "node:fs";
import type { Command } from "commander";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { closePdfBrowser } from "../../platform/documents/print-pdf.ts";
import type { CliTools } from "../../platform/runtime.ts";
import { listCases } from "../case-read-service.ts";
import type { NamndDB } from "../tables.ts";
import { listMemos, memoFile } from "./memo-read-service.ts";

type Db = DbOf<NamndDB>;
/** Finds the nämnd to look in: --namnd, else the one whose prefix the number carries. */
export type NamndResolver = (db: Db, text: string, namnd: string | undefined) => Promise<string>;

const formats = ["docx", "pdf"] as const;
type Format = (typeof formats)[number];

/** The case's current memo: the newest version nobody replaced (an utkast if it is the newest). */
async function currentMemo(db: Db, orgNodeId: string, written: string) {
  const actor = systemActor();
  const found = await listCases(db, actor, { orgNodeId, q: written, limit: 2, offset: 0 });
  const hit = found.cases.find((c) => c.diarienummer === found.diarienummer);
  if (!found.diarienummer || !hit) throw new Error(`Ärendet ${found.diarienummer ?? written} finns inte i diariet.`);
  const memo = (await listMemos(db, actor, hit.id)).memos.filter((m) => !m.supersededById).at(-1);
  if (!memo) throw new Error(`Ärendet ${hit.diarienummer} har ingen tjänsteskrivelse.`);
  return memo;
}

export function memosCli(
  namnd: Command,
  { withDatabase, print }: Pick<CliTools, "withDatabase" | "print">,
  namndOfNumber: NamndResolver,
) {
  namnd
    .command("tjansteskrivelse")
    .description("Skriv ett ärendes gällande tjänsteskrivelse till en Word- eller PDF-fil")
    .requiredOption("--case <diarienummer>", "ärendets diarienummer (valfri skrivform, t.ex. IF-2024-00037)")
    .requiredOption("--out <fil>", "filen att skriva")
    .option("--format <format>", "docx eller pdf", "docx")
    .option("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn); standard: numrets prefix")
    .action((opts: { case: string; out: string; format: string; namnd?: string }) =>
      withDatabase(async ({ db }) => {
        if (!formats.includes(opts.format as Format)) throw new Error("--format ska vara docx eller pdf.");
        const format = opts.format as Format;
        const memo = await currentMemo(db, await namndOfNumber(db, opts.case, opts.namnd), opts.case);
        const file = await memoFile(db, systemActor(), memo.id, format);
        try {
          fs.writeFileSync(opts.out, await file.render());
        } finally {
          // The PDF's browser would otherwise keep the command running.
          if (format === "pdf") await closePdfBrowser();
        }
        print(`Skrev ${file.fileName} (version ${memo.version}, ${memo.status}) till ${opts.out}.`);
      }),
    );
}
