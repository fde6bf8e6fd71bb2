// `lots namnd dagordning`: a meeting's agenda with each standing item's count, as text or JSON; `lots namnd memo`:
// one standing item's memo as JSON, Word or PDF.
import fs from "node:fs";
import type { Command } from "commander";
import { findNamnd, kommunOf } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import { closePdfBrowser } from "../../platform/documents/print-pdf.ts";
import type { CliTools } from "../../platform/runtime.ts";
import { renderDocx } from "../documents/docx.ts";
import { renderPdf } from "../documents/pdf.ts";
import { meetingOn } from "./meeting-read-service.ts";
import { type StandingMemo, standingMemoDocument } from "./standing-memo.ts";
import { meetingStatusLabels, type StandingKind, standingKinds } from "./vocabulary.ts";

type Agenda = Awaited<ReturnType<typeof meetingOn>>;

/** The agenda as the command prints it in JSON: each item with its §, diarienummer and standing counts. */
export const agendaJson = (m: Agenda) => ({
  namnd: m.namnd.name,
  organ: m.body.name,
  date: m.meetingDate,
  time: m.startTime,
  place: m.place,
  status: m.status,
  period: { start: m.periodStart, end: m.periodEnd },
  items: m.items.map((i, index) => ({
    number: index + 1,
    paragraph: i.paragraph,
    kind: i.kind,
    title: i.title,
    diarienummer: i.case?.diarienummer ?? null,
    standingKind: i.standingKind,
    count: i.standing?.live.count ?? null,
    sections: i.standing?.live.sections.map((s) => ({ heading: s.heading, count: s.count })) ?? [],
    changedSinceCall: i.standing?.changedSinceCall ?? false,
    proposal: i.proposal,
  })),
});

function agendaText(m: Agenda): string[] {
  const lines = [
    `Föredragningslista – ${m.body.name} ${m.meetingDate}${m.startTime ? ` kl. ${m.startTime}` : ""}${m.place ? `, ${m.place}` : ""}`,
    `${meetingStatusLabels[m.status]}. Stående punkter för perioden ${m.periodStart}–${m.periodEnd}.`,
  ];
  m.items.forEach((i, index) => {
    const number = i.paragraph ? `§ ${i.paragraph}` : `${index + 1}.`;
    const dnr = i.case ? `${i.case.diarienummer} ` : "";
    const live = i.standing?.live;
    let count = "";
    if (live) {
      count = live.forbidden
        ? ": ej behörig"
        : live.count === null
          ? `: ${live.note ?? "–"}`
          : `: ${live.count} (${live.sections.map((s) => `${s.heading} ${s.count ?? "–"}`).join(", ")})`;
      if (i.standing?.changedSinceCall) count += " – ändrat sedan kallelsen";
    }
    lines.push(`${number.padStart(6)} ${dnr}${i.title}${count}`);
  });
  return lines;
}

/** The standing item's memo: as the kallelse presented it once kallat, else from the registers now. */
function standingMemoOf(m: Agenda, kind: StandingKind): StandingMemo {
  const item = m.items.find((i) => i.standingKind === kind);
  if (!item?.standing) {
    throw new Error(`Sammanträdet ${m.meetingDate} har ingen stående punkt ${kind} på föredragningslistan.`);
  }
  return {
    namnd: m.namnd.name,
    organ: m.body.name,
    meetingDate: m.meetingDate,
    item: kind,
    title: item.title,
    period: { start: m.periodStart, end: m.periodEnd },
    proposal: item.proposal,
    asCalled: item.standing.presented !== null,
    ...(item.standing.presented ?? item.standing.live),
  };
}

const memoFormats = ["json", "docx", "pdf"] as const;
type MemoFormat = (typeof memoFormats)[number];

export function meetingsCli(
  namnd: Command,
  { withDatabase, print, write }: Pick<CliTools, "withDatabase" | "print" | "write">,
) {
  namnd
    .command("dagordning")
    .description("Skriv ut ett sammanträdes föredragningslista med de stående punkternas antal")
    .requiredOption("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn)")
    .requiredOption("--meeting <datum>", "sammanträdets dag, ÅÅÅÅ-MM-DD")
    .option("--organ <organ>", "organet som sammanträder (namn, eller utskott); standard: nämnden")
    .option("--format <format>", "text eller json", "text")
    .action((opts: { namnd: string; meeting: string; organ?: string; format: string }) =>
      withDatabase(async ({ db }) => {
        if (opts.format !== "text" && opts.format !== "json") throw new Error("--format ska vara text eller json.");
        const orgNodeId = (await findNamnd(db, opts.namnd)).id;
        const m = await meetingOn(db, systemActor(), { orgNodeId, date: opts.meeting, body: opts.organ });
        if (opts.format === "json") write(`${JSON.stringify(agendaJson(m), null, 2)}\n`);
        else for (const line of agendaText(m)) print(line);
      }),
    );

  namnd
    .command("memo")
    .description("Skriv en stående punkts tjänsteskrivelse till nämnden som JSON, Word eller PDF")
    .requiredOption("--namnd <namnd>", "nämnden (diarieprefix som IF, id, kod eller namn)")
    .requiredOption("--meeting <datum>", "sammanträdets dag, ÅÅÅÅ-MM-DD")
    .requiredOption("--item <punkt>", `den stående punkten: ${standingKinds.join(", ")}`)
    .option("--organ <organ>", "organet som sammanträder (namn, eller utskott); standard: nämnden")
    .option("--format <format>", "json, docx eller pdf", "json")
    .option("--out <fil>", "filen att skriva (krävs för docx och pdf; JSON skrivs annars ut)")
    .action((opts: { namnd: string; meeting: string; item: string; organ?: string; format: string; out?: string }) =>
      withDatabase(async ({ db }) => {
        if (!standingKinds.includes(opts.item as StandingKind)) {
          throw new Error(`--item ska vara en av ${standingKinds.join(", ")}.`);
        }
        if (!memoFormats.includes(opts.format as MemoFormat))
          throw new Error("--format ska vara json, docx eller pdf.");
        const format = opts.format as MemoFormat;
        if (format !== "json" && !opts.out) throw new Error(`--out krävs för --format ${format}.`);
        const namndNode = await findNamnd(db, opts.namnd);
        const m = await meetingOn(db, systemActor(), { orgNodeId: namndNode.id, date: opts.meeting, body: opts.organ });
        const memo = standingMemoOf(m, opts.item as StandingKind);
        const json = `${JSON.stringify(memo, null, 2)}\n`;
        if (!opts.out) return write(json);
        const doc = standingMemoDocument(memo, (await kommunOf(db, namndNode.path)).name, todayInSweden());
        try {
          const render = { json: async () => json, docx: () => renderDocx(doc), pdf: () => renderPdf(doc) }[format];
          fs.writeFileSync(opts.out, await render());
        } finally {
          // The PDF's browser would otherwise keep the command running.
          if (format === "pdf") await closePdfBrowser();
        }
        print(`Skrev ${memo.title} ${m.body.name} ${m.meetingDate} till ${opts.out}.`);
      }),
    );
}
