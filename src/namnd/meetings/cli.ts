// `lots namnd dagordning`: a meeting's agenda with each standing item's count, as text or JSON.
import type { Command } from "commander";
import { findNamnd } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { CliTools } from "../../platform/runtime.ts";
import { meetingOn } from "./meeting-read-service.ts";
import { meetingStatusLabels } from "./vocabulary.ts";

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
}
