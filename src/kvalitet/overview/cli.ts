import type { Command } from "commander";
import { findNodeByIdOrName } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { CliTools } from "../../platform/runtime.ts";
import { parseInput } from "../../platform/validation.ts";
import { overviewFor } from "./overview-service.ts";
import { overviewQuery } from "./schema.ts";
import { overviewText } from "./text.ts";

/** `lots kvalitet oversikt`: the joint view of a unit (or an area or nämnd) for a period, as text or JSON. */
export function overviewCli(kvalitet: Command, { withDatabase, write }: Pick<CliTools, "withDatabase" | "write">) {
  kvalitet
    .command("oversikt")
    .description(
      "Samlad bild för en enhet, ett verksamhetsområde eller en nämnd och en period: händelser, lex Sarah, " +
        "klagomål, risker, öppna åtgärder och IVO-tillsyn",
    )
    .requiredOption("--enhet <enhet>", "enheten, verksamhetsområdet eller nämnden (id, kod eller namn)")
    .option("--from <date>", "periodens första dag, ÅÅÅÅ-MM-DD (standard: 1 januari)")
    .option("--to <date>", "periodens sista dag, ÅÅÅÅ-MM-DD (standard: i dag)")
    .option("--format <format>", "text eller json", "text")
    .action((opts: { enhet: string; from?: string; to?: string; format: string }) =>
      withDatabase(async ({ db }) => {
        if (!["json", "text"].includes(opts.format)) throw new Error("--format ska vara text eller json.");
        const orgNodeId = (await findNodeByIdOrName(db, opts.enhet)).id;
        const query = parseInput(overviewQuery, { orgNodeId, periodStart: opts.from, periodEnd: opts.to }, "Perioden");
        const overview = await overviewFor(db, systemActor(), query);
        write(opts.format === "json" ? `${JSON.stringify(overview, null, 2)}\n` : overviewText(overview));
      }),
    );
}
