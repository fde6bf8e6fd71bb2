// Two tjänsteskrivelser the sources describe, both klar: the årsredovisning 2023 memo of 2024-01-26 (→ KS and
// KLK, C2), proposing that the nämnd godkänner it, and the motion reply of 2024-02-02 (B7), proposing that
// Kommunfullmäktige avslår the motion. Their wording beyond the verbs and the protocol paragraphs is a
// plausible memo, not the kommun's; the signatories are invented.

import type { DemoOrganisation } from "../../organisation/index.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { parseDiarienummer } from "../diarienummer.ts";
import * as caseRepo from "../repository.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { type Basis, type MemoContent, memoProblems, readinessProblems } from "./rules.ts";

type DemoMemo = {
  dnr: string;
  department: string;
  handler: { name: string; title: string; phone: string };
  /** A document of the case cited as underlag, by its title. */
  caseDocument?: { title: string; issuer: string | null };
  memo: Omit<MemoContent, "basis"> & { basis: Basis[] };
};

const forvaltningschef = { name: "Fia Förvaltningschef", title: "Förvaltningschef" };

const memos: DemoMemo[] = [
  {
    dnr: "IF-2024-00037",
    department: "Förvaltningen för Individ & Familjeomsorg",
    handler: { name: "Cecilia Controller", title: "Controller", phone: "0300-83 40 00" },
    caseDocument: { title: "Tjänsteskrivelse Årsredovisning 2023", issuer: "Förvaltningens" },
    memo: {
      title: "Årsredovisning 2023 för Nämnden för Individ & Familjeomsorg",
      memoDate: "2024-01-26",
      clauses: [{ verb: "godkanner", text: "årsredovisningen 2023 och överlämnar den till Kommunstyrelsen" }],
      summary:
        "Nämnden ska varje år redovisa hur verksamheten och ekonomin har utvecklats i förhållande till budget och mål.\n\nÅrsredovisningen 2023 beskriver nämndens resultat, måluppfyllelse, internkontroll och viktiga händelser under året.",
      basis: [],
      recipients: ["Kommunstyrelsen", "Kommunledningskontoret"],
      description: null,
      childAssessment: null,
      signatures: [forvaltningschef, { name: "Ebba Ekonomichef", title: "Biträdande förvaltningschef" }],
    },
  },
  {
    dnr: "IF-2023-00360",
    department: "Förvaltningen för Individ & Familjeomsorg",
    handler: { name: "Nora Nämndsekreterare", title: "Nämndsekreterare", phone: "0300-83 40 00" },
    memo: {
      title: "Svar på motion – remiss från Kommunstyrelsen",
      memoDate: "2024-02-02",
      clauses: [{ verb: "kf-avslar", text: "" }],
      summary:
        "En motion inkom 2023-09-04 och anmäldes i Kommunfullmäktige 2023-11-07 § 177. Kommunstyrelsens arbetsutskott remitterade motionen 2023-11-21 § 317 till Nämnden för Vård & Omsorg och till Nämnden för Individ & Familjeomsorg.\n\nFörvaltningen bedömer att det som motionen föreslår redan ryms i nämndens uppdrag och pågående arbete, och föreslår att motionen avslås.",
      basis: [
        { kind: "annan", issuer: null, title: "Motion", date: "2023-09-24" },
        { kind: "protokoll", body: "Kommunfullmäktige", date: "2023-11-07", paragraph: 177 },
        { kind: "protokoll", body: "Kommunstyrelsens arbetsutskott", date: "2023-11-21", paragraph: 317 },
      ],
      recipients: ["Kommunstyrelsen"],
      description: null,
      childAssessment: null,
      signatures: [forvaltningschef],
    },
  },
];

/** Inserts the demo memos as klar on their demo cases (inside the nämnd demo's write, which audits it). */
export async function seedMemoDemo(trx: DbOf<NamndDB>, demo: DemoOrganisation): Promise<number> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  for (const d of memos) {
    const parsed = parseDiarienummer(d.dnr, "IF");
    if (!parsed.ok) throw new Error(parsed.message);
    const found = await caseRepo.findCaseByNumber(trx, ifo.id, parsed.value);
    if (!found) throw new Error(`No demo case ${d.dnr}`);
    const documents = (await caseRepo.documentsOf(trx, found.id)).map((doc) => ({
      id: doc.id,
      title: doc.title,
      documentDate: doc.document_date,
      registeredOn: doc.registered_on,
    }));
    const cited = d.caseDocument ? documents.find((doc) => doc.title === d.caseDocument?.title) : undefined;
    if (d.caseDocument && !cited) throw new Error(`No document ${d.caseDocument.title} in ${d.dnr}`);
    const memo: MemoContent = {
      ...d.memo,
      basis: [
        ...(cited ? [{ kind: "handling" as const, documentId: cited.id, issuer: d.caseDocument?.issuer ?? null }] : []),
        ...d.memo.basis,
      ],
    };
    // The demo keeps the rules it shows: a memo the service would refuse is a bug here.
    const problems = [...memoProblems(memo, documents, d.memo.memoDate), ...readinessProblems(memo)];
    if (problems.length) throw new Error(`Demo memo ${d.dnr}: ${JSON.stringify(problems)}`);
    const id = await repo.insertMemo(trx, {
      case_id: found.id,
      org_node_id: ifo.id,
      version: 1,
      supersedes_id: null,
      status: "klar",
      completed_on: memo.memoDate,
      memo_date: memo.memoDate,
      title: memo.title,
      letterhead: true,
      department: d.department,
      handler_name: d.handler.name,
      handler_title: d.handler.title,
      handler_phone: d.handler.phone,
      summary: memo.summary,
      description: memo.description,
      child_assessment: false,
    });
    await repo.replaceParts(trx, id, memo);
  }
  return memos.length;
}
