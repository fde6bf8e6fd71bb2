import path from "node:path";
import type { Command } from "commander";
import { findNodeByIdOrName } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import { formatCount, formatSigned, formatTkr } from "../platform/i18n/format.ts";
import type { CliTools } from "../platform/runtime.ts";
import { parseInput } from "../platform/validation.ts";
import { krToTkr } from "./arithmetic.ts";
import { runImport, suggestColumns } from "./import-service.ts";
import { followUp } from "./report-service.ts";
import { outcomeHeading } from "./reports.ts";
import { importSettings } from "./schema.ts";
import { copyLevels, createDefaultLevels, namnder, yearOverview } from "./structure-service.ts";

/** "amount=Belopp,period=Period" → { amount: "Belopp", period: "Period" }. */
const parseMapping = (text: string) =>
  Object.fromEntries(
    text
      .split(",")
      .map((pair) => pair.split("=").map((s) => s.trim()))
      .filter((pair) => pair.length === 2 && pair[0] && pair[1]),
  );

const cell = (value: number | null, width = 14) => (value === null ? "–" : formatTkr(value)).padStart(width);
const signedCell = (value: number | null, width = 14) =>
  (value === null ? "–" : formatSigned(krToTkr(value))).padStart(width);

export function ekonomiCli(cmd: Command, { withDatabase, print, printError, failWithRowProblems }: CliTools): void {
  cmd
    .command("namnder")
    .description("Lista nämnder och år med ekonomidata")
    .action(() =>
      withDatabase(async ({ db }) => {
        for (const n of await namnder(db, systemActor())) print(`${n.id}  ${n.name}  ${n.years.join(", ") || "–"}`);
      }),
    );

  cmd
    .command("nivaer")
    .description("Visa årets uppföljningsnivåer; --standard skapar dem från verksamhetsområdena")
    .requiredOption("--namnd <id|namn>", "Nämnd")
    .requiredOption("--year <år>", "År")
    .option("--standard", "Skapa nivåer från nämndens verksamhetsområden")
    .option("--kopiera-fran <år>", "Kopiera nivåer och kodmappning från ett annat år")
    .action((opts: { namnd: string; year: string; standard?: boolean; kopieraFran?: string }) =>
      withDatabase(async ({ db }) => {
        const actor = systemActor();
        const id = (await findNodeByIdOrName(db, opts.namnd, "namnd")).id;
        const year = Number(opts.year);
        if (opts.standard) await createDefaultLevels(db, actor, id, year);
        if (opts.kopieraFran) await copyLevels(db, actor, id, year, { fromYear: Number(opts.kopieraFran) });
        const overview = await yearOverview(db, actor, id, year);
        for (const l of overview.levels) {
          const codes = l.mappings.map((m) => `${m.dimension} ${m.pattern}`).join(", ");
          print(`${l.name}${l.code ? ` (${l.code})` : ""}${codes ? `  ← ${codes}` : ""}`);
        }
      }),
    );

  cmd
    .command("import <file>")
    .description("Importera utfall, budget eller prognos från CSV, XLSX eller SIE 4 (allt eller inget)")
    .requiredOption("--namnd <id|namn>", "Nämnd")
    .requiredOption("--year <år>", "År")
    .option("--kind <slag>", "utfall, budget, budget_revised eller prognos", "utfall")
    .option("--prognos <namn>", 'Prognosens namn, t.ex. "Delår april" (för --kind prognos)')
    .option("--sign <ledger|report>", "Tecken i filen: ledger (debet +) eller report (intäkter +)", "ledger")
    .option("--map <mappning>", "Kolumner för CSV/XLSX, t.ex. amount=Belopp,period=Period,ansvar=Ansvar,konto=Konto")
    .option("--encoding <kodning>", "auto, utf-8, windows-1252 eller cp437", "auto")
    .option("--sheet <blad>", "XLSX-blad")
    .option("--ansvar-dim <nr>", "SIE-dimension för ansvar")
    .option("--verksamhet-dim <nr>", "SIE-dimension för verksamhet")
    .option("--hoppa-over-omappade", "Hoppa över rader som ingen nivå mappar i stället för att avbryta")
    .action(
      (
        file: string,
        opts: {
          namnd: string;
          year: string;
          kind: string;
          prognos?: string;
          sign: string;
          map?: string;
          encoding: string;
          sheet?: string;
          ansvarDim?: string;
          verksamhetDim?: string;
          hoppaOverOmappade?: boolean;
        },
      ) =>
        withDatabase(async ({ db }) => {
          const actor = systemActor();
          const id = (await findNodeByIdOrName(db, opts.namnd, "namnd")).id;
          const year = Number(opts.year);
          const fileName = path.basename(file);
          let mapping = opts.map ? parseMapping(opts.map) : undefined;
          if (!mapping) {
            const suggested = await suggestColumns(actor, { fileName, path: file });
            if (suggested) {
              mapping = suggested as Record<string, string>;
              print(`Kolumnmappning (förslag): ${JSON.stringify(mapping)}`);
            }
          }
          const forecast = opts.prognos
            ? (await yearOverview(db, actor, id, year)).forecasts.find((f) => f.name === opts.prognos)
            : undefined;
          if (opts.prognos && !forecast) throw new Error(`Prognosen ${opts.prognos} finns inte för ${year}.`);
          const settings = parseInput(
            importSettings,
            {
              fileName,
              kind: opts.kind,
              forecastId: forecast?.id,
              sign: opts.sign,
              mapping,
              encoding: opts.encoding,
              sheet: opts.sheet,
              sie: {
                ...(opts.ansvarDim ? { ansvarDim: opts.ansvarDim } : {}),
                ...(opts.verksamhetDim ? { verksamhetDim: opts.verksamhetDim } : {}),
              },
              unmatched: opts.hoppaOverOmappade ? "skip" : "error",
            },
            "Importen",
          );
          // Every problem of a refused file on its own line, not the message's first five.
          const result = await runImport(db, actor, id, year, { ...settings, path: file }, ({ rowsRead }) =>
            printError(`Läst ${formatCount(rowsRead, "rad", "rader")} …`),
          ).catch(failWithRowProblems);
          print(
            result.alreadyImported && result.figuresChanged === 0
              ? `Filen är redan importerad; inget ändrades (${formatCount(result.rowsUsed, "rad", "rader")}).`
              : `Importerat: ${formatCount(result.rowsUsed, "rad", "rader")}, ${formatCount(result.rowsSkipped, "överhoppad", "överhoppade")}, ${formatCount(result.figuresChanged, "belopp ändrat", "belopp ändrade")}.`,
          );
        }),
    );

  cmd
    .command("uppfoljning")
    .description("Skriv ut budgetuppföljningen (tkr) med kontroller")
    .requiredOption("--namnd <id|namn>", "Nämnd")
    .requiredOption("--year <år>", "År")
    .option("--tom <månad>", "Utfall till och med månad (1–12)")
    .action((opts: { namnd: string; year: string; tom?: string }) =>
      withDatabase(async ({ db }) => {
        const id = (await findNodeByIdOrName(db, opts.namnd, "namnd")).id;
        const year = Number(opts.year);
        const f = await followUp(db, systemActor(), id, year, {
          throughMonth: opts.tom ? Number(opts.tom) : undefined,
        });
        const utfall = outcomeHeading(f);
        print(`${f.namnd.name} ${year} (tkr)`);
        print(
          `${"Nivå".padEnd(40)}${`Bokslut ${year - 1}`.padStart(14)}${`Budget ${year}`.padStart(14)}${"Prognos".padStart(14)}${utfall.padStart(16)}${"Avvikelse".padStart(14)}`,
        );
        for (const r of [...f.rows, f.total]) {
          const deviation = f.complete ? r.avvikelseKr : r.prognosAvvikelseKr;
          print(
            `${r.name.slice(0, 39).padEnd(40)}${cell(r.bokslutPrevKr)}${cell(r.budgetKr)}${cell(r.prognosKr)}${cell(r.nettoKr, 16)}${signedCell(deviation)}`,
          );
        }
        for (const text of f.texts) print(`\n${text}`);
        for (const issue of f.issues) print(`${issue.severity === "error" ? "FEL" : "info"}: ${issue.message}`);
      }),
    );
}
