// The IF nämnd's diarium as the sources print it: a subset of the cases of 2020–2024 with their printed
// numbers (the standing placement agreements, period reports, the initiative, the internkontroll plan, the
// audit), the series moved past the highest printed number of each year (≥00392 in 2023, ≥00037 by late
// January 2024), a few foreign references and documents, one marked sekretess. Where the sources print a
// number but not its subject, the title says so rather than invent one.

import { createHash, randomUUID } from "node:crypto";
import type { DemoOrganisation } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { write } from "../platform/service.ts";
import { seedAssignmentsDemo } from "./assignments/demo.ts";
import { seedDelegationDemo } from "./delegation/demo.ts";
import { parseDiarienummer } from "./diarienummer.ts";
import { parseReference } from "./foreign-reference.ts";
import { seedGrantsDemo } from "./grants/demo.ts";
import { seedIncomingDemo } from "./incoming/demo.ts";
import { seedMeetingsDemo } from "./meetings/demo.ts";
import { seedMemoDemo } from "./memos/demo.ts";
import { seedPublishingDemo } from "./publishing/demo.ts";
import * as repo from "./repository.ts";
import { linkPair } from "./rules.ts";
import type { NamndDB } from "./tables.ts";
import type { CaseStatus, DocumentDirection, ReferenceKind } from "./vocabulary.ts";

type DemoCase = {
  dnr: string;
  title: string;
  type: string;
  registered: string;
  received?: string;
  handler?: string;
  status?: CaseStatus;
  closed?: string;
  /** A standing yearly case: the series its title belongs to. */
  series?: string;
  references?: [ReferenceKind, string][];
};

const unknownSubject = "Ärende (rubriken finns inte i underlaget)";

const cases: DemoCase[] = [
  {
    dnr: "2020-00345",
    title: "Initiativärende (PO): redovisning när Socialstyrelsens arbete är klart",
    type: "initiativ",
    registered: "2020-10-15",
    received: "2020-10-15",
    handler: "sekreterare",
  },
  {
    dnr: "IF-2021–00080",
    title: unknownSubject,
    type: "allmant",
    registered: "2021-03-01",
    status: "avslutat",
    closed: "2021-06-01",
  },
  {
    dnr: "IF-2022-00011",
    title: "Vidaredelegering förvaltningschef 2022",
    type: "delegation",
    registered: "2022-01-10",
    series: "Vidaredelegering förvaltningschef",
  },
  {
    dnr: "IF-2022-00266",
    title: "Internkontrollplan 2023",
    type: "internkontroll",
    registered: "2022-10-20",
    handler: "kvalitet",
    status: "avslutat",
    closed: "2022-11-24",
  },
  {
    dnr: "IF-2023-00005",
    title: "Synpunkter och klagomål 2023",
    type: "synpunkter",
    registered: "2023-01-02",
    series: "Synpunkter och klagomål",
    handler: "kvalitet",
  },
  {
    dnr: "IF-2023-00006",
    title: "Skrivelser och meddelanden 2023",
    type: "skrivelser",
    registered: "2023-01-02",
    series: "Skrivelser och meddelanden",
    references: [["departement", "S2023-03181"]],
  },
  {
    dnr: "IF-2023-00023",
    title: "Placeringsavtal Vuxen 2023",
    type: "avtal",
    registered: "2023-01-12",
    series: "Placeringsavtal Vuxen",
  },
  {
    dnr: "IF-2023-00024",
    title: "Placeringsavtal Barn och unga 2023",
    type: "avtal",
    registered: "2023-01-12",
    series: "Placeringsavtal Barn och unga",
  },
  {
    dnr: "IF-2023-00032",
    title: "Placeringsavtal Funktionsstöd 2023",
    type: "avtal",
    registered: "2023-01-18",
    series: "Placeringsavtal Funktionsstöd",
  },
  {
    dnr: "IF-2023-00065",
    title: "Placeringsavtal Familjehem 2023",
    type: "avtal",
    registered: "2023-02-06",
    series: "Placeringsavtal Familjehem",
  },
  { dnr: "IF IF-2023-00256", title: unknownSubject, type: "allmant", registered: "2023-08-28" },
  {
    dnr: "IF-2023-00360",
    title: "Motion – remiss från kommunstyrelsen (KSAU 2023-11-21 § 317)",
    type: "motion",
    registered: "2023-11-24",
    received: "2023-11-24",
    handler: "sekreterare",
    references: [["diarienummer", "KS-2023-00710"]],
  },
  {
    dnr: "IF-2023-00371",
    title: "Initiativärende (väckt 2023-12-13 § 179)",
    type: "initiativ",
    registered: "2023-12-13",
    received: "2023-12-13",
    handler: "sekreterare",
  },
  {
    dnr: "IF-2023-00392",
    title: "Granskning av kompetensförsörjning – revisionsrapport från Kommunrevisionen",
    type: "revision",
    registered: "2023-12-21",
    received: "2023-12-21",
    handler: "controller",
  },
  {
    dnr: "IF-2024-00002",
    title: "Placeringsavtal Barn och unga 2024",
    type: "avtal",
    registered: "2024-01-03",
    series: "Placeringsavtal Barn och unga",
  },
  {
    dnr: "IF-2024-00003",
    title: "Placeringsavtal Vuxen 2024",
    type: "avtal",
    registered: "2024-01-03",
    series: "Placeringsavtal Vuxen",
  },
  {
    dnr: "IF-2024-00004",
    title: "Placeringsavtal Funktionsstöd 2024",
    type: "avtal",
    registered: "2024-01-03",
    series: "Placeringsavtal Funktionsstöd",
  },
  { dnr: "IF- 2024-00005", title: unknownSubject, type: "allmant", registered: "2024-01-04" },
  {
    dnr: "IF-2024-00012",
    title: "Domar och beslut 2024",
    type: "domar",
    registered: "2024-01-08",
    series: "Domar och beslut",
    references: [
      ["mal", "7405-23"],
      ["mal", "2953-23"],
      ["imy", "IMY-2023-12345"],
    ],
  },
  { dnr: "IF 2024-00016", title: unknownSubject, type: "allmant", registered: "2024-01-10" },
  {
    dnr: "IF-2024-00037",
    title: "Årsredovisning 2023 för Nämnden för Individ & Familjeomsorg",
    type: "budget",
    registered: "2024-01-26",
    handler: "controller",
  },
];

/** Links the sources make: the årsredovisning reports on the internkontroll plan's year. */
const links: [string, string][] = [["IF-2024-00037", "IF-2022-00266"]];

/** A one-page PDF carrying a line of text: enough for a reader to open. */
function pdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "?");
  const stream = `BT /F1 12 Tf 56 780 Td (${escaped}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

type DemoDocument = {
  dnr: string;
  title: string;
  fileName: string;
  content: Buffer;
  contentType: "application/pdf" | "text/plain";
  direction: DocumentDirection;
  date: string;
  registered: string;
  lagrum?: string;
};

const documents: DemoDocument[] = [
  {
    dnr: "IF-2023-00371",
    title: "Initiativärende från partigruppen",
    fileName: "initiativarende-231018.txt",
    content: Buffer.from("Initiativärende till Nämnden för Individ & Familjeomsorg, 2023-10-18.\n"),
    contentType: "text/plain",
    direction: "inkommande",
    date: "2023-10-18",
    registered: "2023-12-13",
  },
  {
    dnr: "IF-2023-00392",
    title: "Revisionsrapport Kompetensförsörjning",
    fileName: "revisionsrapport-kompetensforsorjning.pdf",
    content: pdf("Granskning av kompetensforsorjning - Kommunrevisionen 2023-12-18"),
    contentType: "application/pdf",
    direction: "inkommande",
    date: "2023-12-18",
    registered: "2023-12-21",
  },
  {
    dnr: "IF-2024-00012",
    title: "Dom förvaltningsrätten mål nr 2953-23",
    fileName: "dom-fr-2953-23.pdf",
    content: pdf("Forvaltningsratten, dom 2023-12-20, mal nr 2953-23"),
    contentType: "application/pdf",
    direction: "inkommande",
    date: "2023-12-20",
    registered: "2024-01-08",
    lagrum: "osl-26-1",
  },
  {
    dnr: "IF-2024-00037",
    title: "Tjänsteskrivelse Årsredovisning 2023",
    fileName: "tjansteskrivelse-arsredovisning-2023.txt",
    content: Buffer.from(
      "TJÄNSTESKRIVELSE\nÅrsredovisning 2023\nFörslag till beslut: Nämnden godkänner årsredovisningen.\n",
    ),
    contentType: "text/plain",
    direction: "upprattad",
    date: "2024-01-26",
    registered: "2024-01-26",
  },
];

export async function seedNamndDemo(trx: DbOf<NamndDB>, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  await write(trx, systemActor(), "write:namnd", ifo.id, async ({ trx, audit }) => {
    const kommunId = ifo.path.split("/")[1] as string;
    await repo.installStandardCaseTypes(trx, kommunId);
    const types = await repo.caseTypesOf(trx, kommunId);
    const idOf = new Map<string, string>();
    const values = cases.map((c) => {
      const parsed = parseDiarienummer(c.dnr, "IF");
      if (!parsed.ok) throw new Error(parsed.message);
      const id = randomUUID();
      idOf.set(parsed.value.canonical, id);
      const type = types.find((t) => t.code === c.type);
      if (!type) throw new Error(`No case type ${c.type}`);
      return {
        id,
        org_node_id: ifo.id,
        prefix: parsed.value.prefix,
        year: parsed.value.year,
        number: parsed.value.number,
        title: c.title,
        case_type_id: type.id,
        registered_on: c.registered,
        received_on: c.received ?? null,
        handler_id: c.handler ? (demo.users[c.handler] ?? null) : null,
        status: c.status ?? "oppet",
        closed_on: c.closed ?? null,
        standing_series: c.series ?? null,
      };
    });
    await repo.insertCases(trx, values);
    for (const year of new Set(values.map((v) => v.year))) {
      await repo.raiseSeries(
        trx,
        ifo.id,
        year,
        Math.max(...values.filter((v) => v.year === year).map((v) => v.number)),
      );
    }
    const caseId = (dnr: string) => idOf.get(dnr) as string;
    for (const [a, b] of links) {
      const pair = linkPair(caseId(a), caseId(b));
      if (pair) await repo.insertLink(trx, pair);
    }
    for (const [i, c] of cases.entries()) {
      for (const [kind, written] of c.references ?? []) {
        const reference = parseReference(written, "IF", kind);
        if (!reference.ok) throw new Error(reference.message);
        await repo.insertReference(trx, { case_id: values[i]?.id as string, kind, value: reference.value, note: null });
      }
    }
    const lagrum = await repo.lagrumList(trx);
    for (const d of documents) {
      await repo.insertDocument(trx, {
        case_id: caseId(d.dnr),
        org_node_id: ifo.id,
        title: d.title,
        file_name: d.fileName,
        content_type: d.contentType,
        size_bytes: d.content.length,
        sha256: createHash("sha256").update(d.content).digest("hex"),
        content: d.content,
        direction: d.direction,
        document_date: d.date,
        registered_on: d.registered,
        lagrum_id: d.lagrum ? (lagrum.find((l) => l.code === d.lagrum)?.id ?? null) : null,
      });
    }
    await seedDelegationDemo(trx, demo);
    await seedIncomingDemo(trx, demo);
    await seedAssignmentsDemo(trx, demo);
    await seedMeetingsDemo(trx, demo);
    await seedMemoDemo(trx, demo);
    await seedGrantsDemo(trx, demo);
    await seedPublishingDemo(trx, demo);
    await audit("namnd_demo", null, "seed", { after: { cases: cases.length, documents: documents.length } });
  });
}
