// `lots rapport …`: list the kommun's templates, render a report to a file, and run the pre-publish checks
// (exit 1 when a blocking one fires, so a script can stop a publication).
import fs from "node:fs";
import type { Command } from "commander";
import { findNamnd, nodeOrOnlyKommun } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import { closePdfBrowser } from "../platform/documents/print-pdf.ts";
import { formatCount } from "../platform/i18n/format.ts";
import type { CliTools } from "../platform/runtime.ts";
import { blocking, checkLabels } from "./checks.ts";
import { periodHint, reportPeriod } from "./period.ts";
import { assembleFor, type ReportFormat, reportFile, reportFormats } from "./report-service.ts";
import { listTemplates } from "./template-service.ts";

const period = (text: string) => {
  const parsed = reportPeriod.safeParse(text);
  if (!parsed.success) throw new Error(`--period: ${periodHint}`);
  return parsed.data;
};

export function rapporterCli(rapport: Command, { withDatabase, print }: CliTools): void {
  rapport
    .command("mallar")
    .description("Lista kommunens rapportmallar")
    .option("--org <kommun>", "kommunen (id, kod eller namn); standard: den enda")
    .action((opts: { org?: string }) =>
      withDatabase(async ({ db }) => {
        const kommun = await nodeOrOnlyKommun(db, opts.org);
        const templates = await listTemplates(db, systemActor(), kommun.id);
        for (const t of templates) print(`${t.code.padEnd(20)} ${t.name} (version ${t.version})`);
        print(`${formatCount(templates.length, "mall", "mallar")}.`);
      }),
    );

  const request = (command: Command) =>
    command
      .argument("<mall>", "mallens kod, t.ex. arsberattelse")
      .requiredOption("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn)")
      .option(
        "--period <period>",
        "rapportperioden: 2021, 2023-Q2, 2023-T2 eller 2023-03-01..2023-04-15 (lex-sarah: standard sedan nämndens förra sammanträde)",
      )
      .option("--version <n>", "mallens version (standard: den senaste)");
  type RequestOptions = { namnd: string; period?: string; version?: string };
  const resolve = async (db: Parameters<typeof findNamnd>[0], template: string, opts: RequestOptions) => ({
    template,
    namndId: (await findNamnd(db, opts.namnd)).id,
    ...(opts.period ? { period: period(opts.period) } : {}),
    ...(opts.version ? { version: Number(opts.version) } : {}),
  });

  request(rapport.command("render").description("Skriv rapporten till en fil (pdf, docx, html eller xlsx)"))
    .requiredOption("--format <format>", reportFormats.join(", "))
    .requiredOption("--out <fil>", "filen att skriva")
    .action((template: string, opts: RequestOptions & { format: string; out: string }) =>
      withDatabase(async ({ db }) => {
        if (!reportFormats.includes(opts.format as ReportFormat)) {
          throw new Error(`--format ska vara ${reportFormats.join(", ")}.`);
        }
        const format = opts.format as ReportFormat;
        const file = await reportFile(db, systemActor(), await resolve(db, template, opts), format);
        try {
          fs.writeFileSync(opts.out, await file.render());
        } finally {
          // The PDF's browser would otherwise keep the command running.
          if (format === "pdf") await closePdfBrowser();
        }
        print(`Skrev ${file.fileName} till ${opts.out}.`);
      }),
    );

  request(
    rapport.command("check").description("Kör kontrollerna före publicering; avslutar med 1 vid blockerande fel"),
  ).action((template: string, opts: RequestOptions) =>
    withDatabase(async ({ db }) => {
      const { report, findings } = await assembleFor(db, systemActor(), await resolve(db, template, opts));
      print(`${report.title}, ${report.namnd.name} (mall ${report.template.code} version ${report.template.version})`);
      for (const f of findings) {
        const where = [f.chapter, f.block, f.row].filter(Boolean).join(" › ");
        print(`${f.severity === "blocking" ? "FEL     " : "VARNING "} ${checkLabels[f.check]}: ${where}: ${f.message}`);
      }
      const stopping = blocking(findings).length;
      print(
        findings.length
          ? `${formatCount(stopping, "blockerande fel", "blockerande fel")}, ${formatCount(findings.length - stopping, "varning", "varningar")}.`
          : "Inga fel eller varningar.",
      );
      if (stopping) throw new Error("Rapporten kan inte publiceras förrän de blockerande felen är rättade.");
    }),
  );
}
