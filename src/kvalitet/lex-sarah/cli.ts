import type { Command } from "commander";
import { findNamnd } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { CliTools } from "../../platform/runtime.ts";
import { parseInput } from "../../platform/validation.ts";
import { lexSarahMemo } from "./case-read-service.ts";
import { memoQuery } from "./schema.ts";
import { memoText } from "./text.ts";

/** `lots kvalitet lex-sarah memo`: the standing memo to the nämnd, as text or JSON. */
export function lexSarahCli(
  kvalitet: Command,
  { withDatabase, write }: Pick<CliTools, "withDatabase" | "write">,
): void {
  const lexSarah = kvalitet.command("lex-sarah").description("Lex Sarah");
  lexSarah
    .command("memo")
    .description("Informationen till nämnden: rapporter per månad och beslut under perioden, lista A och B")
    .requiredOption("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn)")
    .requiredOption("--from <date>", "periodens första dag, ÅÅÅÅ-MM-DD")
    .requiredOption("--to <date>", "periodens sista dag, ÅÅÅÅ-MM-DD")
    .option("--format <format>", "text eller json", "text")
    .action((opts: { namnd: string; from: string; to: string; format: string }) =>
      withDatabase(async ({ db }) => {
        if (!["json", "text"].includes(opts.format)) throw new Error("--format ska vara text eller json.");
        const orgNodeId = (await findNamnd(db, opts.namnd)).id;
        const query = parseInput(
          memoQuery,
          { orgNodeId, periodStart: opts.from, periodEnd: opts.to },
          "Perioden är ogiltig",
        );
        const memo = await lexSarahMemo(db, systemActor(), query);
        write(opts.format === "json" ? `${JSON.stringify(memo, null, 2)}\n` : memoText(memo));
      }),
    );
}
