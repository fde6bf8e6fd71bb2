import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { closePdfBrowser } from "../../platform/documents/print-pdf.ts";

let t: TestApp;
const today = todayInSweden();
const ifo = () => t.demo.nodes.ifo?.id as string;

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(() => t?.close());

type Memo = {
  id: string;
  version: number;
  status: string;
  completedOn: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  department: string | null;
  clauses: { verb: string; text: string; rendered: string }[];
  basis: { kind: string; rendered: string }[];
  documents: { id: string; title: string }[];
  canWrite: boolean;
};
type Problems = { message: string; details: { problems: { field: string; message: string }[] } };

async function caseId(diarienummer: string): Promise<string> {
  const res = await (await t.as("sekreterare")).get(`/api/namnd/arenden?orgNodeId=${ifo()}&q=${diarienummer}`);
  return (res.json() as { cases: { id: string }[] }).cases[0]?.id as string;
}

async function newCase(): Promise<string> {
  const res = await (await t.as("sekreterare")).post("/api/namnd/arenden", {
    orgNodeId: ifo(),
    title: "Rapportering av ej verkställda beslut kvartal 4",
    type: "redovisning",
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { id: string }).id;
}

const draft = (extra: Record<string, unknown> = {}) => ({
  memoDate: today,
  title: "Rapportering av ej verkställda beslut",
  handler: { name: "Nora Nämndsekreterare", title: "Nämndsekreterare", phone: "0300-83 40 00" },
  clauses: [
    { verb: "godkanner", text: "redovisningen av ej verkställda beslut" },
    { verb: "noterar", text: "informationen om avbrotten" },
  ],
  summary: "Nämnden rapporterar varje kvartal beslut som inte verkställts inom tre månader.",
  basis: [{ kind: "protokoll", body: "Nämnden för Individ & Familjeomsorg", date: "2023-12-13", paragraph: 179 }],
  recipients: ["Kommunfullmäktige", "Revisionen"],
  signatures: [{ name: "Fia Förvaltningschef", title: "Förvaltningschef" }],
  ...extra,
});

async function create(caseIdValue: string, extra: Record<string, unknown> = {}): Promise<Memo> {
  const res = await (await t.as("sekreterare")).post(
    `/api/namnd/arenden/${caseIdValue}/tjansteskrivelser`,
    draft(extra),
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Memo;
}

describe("the demo memos", () => {
  it("has the årsredovisning memo and the motion reply, both klar, worded with the nämnd's name", async () => {
    expect(await countRows(t.database.db, "namnd_memo")).toBe(2);
    const s = await t.as("fortroendevald");
    const list = (await s.get(`/api/namnd/arenden/${await caseId("IF-2024-00037")}/tjansteskrivelser`)).json() as {
      memos: { id: string; status: string; memoDate: string }[];
      canWrite: boolean;
    };
    expect(list.canWrite).toBe(false);
    expect(list.memos).toMatchObject([{ status: "klar", memoDate: "2024-01-26" }]);
    const memo = (await s.get(`/api/namnd/tjansteskrivelser/${list.memos[0]?.id}`)).json() as Memo;
    expect(memo.clauses[0]?.rendered).toBe(
      "Nämnden för Individ & Familjeomsorg godkänner årsredovisningen 2023 och överlämnar den till Kommunstyrelsen.",
    );
    expect(memo.basis.map((b) => b.rendered)).toEqual([
      "Förvaltningens Tjänsteskrivelse Årsredovisning 2023, 2024-01-26",
    ]);

    const motion = (await s.get(`/api/namnd/arenden/${await caseId("IF-2023-00360")}/tjansteskrivelser`)).json() as {
      memos: { id: string }[];
    };
    const reply = (await s.get(`/api/namnd/tjansteskrivelser/${motion.memos[0]?.id}`)).json() as Memo;
    expect(reply.clauses.map((c) => c.rendered)).toEqual(["Kommunfullmäktige avslår motionen."]);
    expect(reply.basis.map((b) => b.rendered)).toEqual([
      "Motion, 2023-09-24",
      "Kommunfullmäktige, 2023-11-07 § 177",
      "Kommunstyrelsens arbetsutskott, 2023-11-21 § 317",
    ]);
  });
});

describe("writing a memo", () => {
  it("saves a draft with its clauses worded, the förvaltning as department, and an audit event", async () => {
    const id = await newCase();
    const auditBefore = await countRows(t.database.db, "audit_log");
    const memo = await create(id);
    expect(memo).toMatchObject({
      version: 1,
      status: "utkast",
      completedOn: null,
      department: "Förvaltningen för Individ & Familjeomsorg",
      canWrite: true,
    });
    expect(memo.clauses.map((c) => c.rendered)).toEqual([
      "Nämnden för Individ & Familjeomsorg godkänner redovisningen av ej verkställda beslut.",
      "Nämnden för Individ & Familjeomsorg noterar informationen om avbrotten till protokollet.",
    ]);
    expect(memo.basis[0]?.rendered).toBe("Nämnden för Individ & Familjeomsorg, 2023-12-13 § 179");
    expect(await countRows(t.database.db, "audit_log")).toBe(auditBefore + 1);
  });

  it("refuses bad input with a Swedish message naming the field, writing nothing", async () => {
    const id = await newCase();
    const s = await t.as("sekreterare");
    const before = await countRows(t.database.db, "namnd_memo");
    const clausesBefore = await countRows(t.database.db, "namnd_memo_clause");
    const url = `/api/namnd/arenden/${id}/tjansteskrivelser`;
    const future = await s.post(
      url,
      draft({ basis: [{ kind: "protokoll", body: "Kommunfullmäktige", date: addDays(today, 1), paragraph: 3 }] }),
    );
    expect(future.statusCode).toBe(400);
    expect((future.json() as Problems).details.problems).toEqual([
      {
        field: "basis.0.date",
        label: "Beslutsunderlag, rad 1 – Datum",
        message: expect.stringContaining("i framtiden"),
      },
    ]);
    const noClause = await s.post(url, draft({ clauses: [] }));
    expect(noClause.statusCode).toBe(400);
    expect((noClause.json() as Problems).message).toBe(
      "Tjänsteskrivelsen sparades inte: Förslag till beslut: Förslag till beslut behöver minst en beslutssats.",
    );
    const badVerb = await s.post(url, draft({ clauses: [{ verb: "beslutar", text: "x" }] }));
    expect(badVerb.statusCode).toBe(400);
    expect((badVerb.json() as Problems).details.problems).toEqual([
      {
        field: "clauses.0.verb",
        label: "Förslag till beslut, rad 1 – Beslutsverb",
        message: "Välj ett beslutsverb ur listan.",
      },
    ]);
    const otherCase = await s.post(url, draft({ basis: [{ kind: "handling", documentId: crypto.randomUUID() }] }));
    expect((otherCase.json() as Problems).details.problems[0]?.field).toBe("basis.0.documentId");
    expect(await countRows(t.database.db, "namnd_memo")).toBe(before);
    expect(await countRows(t.database.db, "namnd_memo_clause")).toBe(clausesBefore);
  });

  it("cites a document of the case by its title and date", async () => {
    const id = await caseId("IF-2023-00392");
    const documents = (await (await t.as("sekreterare")).get(`/api/namnd/arenden/${id}`)).json() as {
      documents: { id: string; title: string }[];
    };
    const report = documents.documents.find((d) => d.title === "Revisionsrapport Kompetensförsörjning");
    const memo = await create(id, {
      clauses: [{ verb: "antar-svar", text: "förvaltningens svar som sitt eget" }],
      basis: [{ kind: "handling", documentId: report?.id, issuer: "EY:s" }],
    });
    expect(memo.basis[0]?.rendered).toBe("EY:s Revisionsrapport Kompetensförsörjning, 2023-12-18");
  });
});

describe("access", () => {
  it("lets readers of the nämnd read, refuses readers elsewhere, and needs write:namnd to write", async () => {
    const id = await newCase();
    const memo = await create(id);
    const member = await t.as("fortroendevald");
    expect((await member.get(`/api/namnd/tjansteskrivelser/${memo.id}`)).statusCode).toBe(200);
    expect((await member.get(`/api/namnd/tjansteskrivelser/${memo.id}/docx`)).statusCode).toBe(200);
    const write = await member.put(`/api/namnd/tjansteskrivelser/${memo.id}`, draft());
    expect(write.statusCode).toBe(403);
    expect((await member.post(`/api/namnd/arenden/${id}/tjansteskrivelser`, draft())).statusCode).toBe(403);
    const outsider = await t.as("vo-controller");
    expect((await outsider.get(`/api/namnd/tjansteskrivelser/${memo.id}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/namnd/arenden/${id}/tjansteskrivelser`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/namnd/tjansteskrivelser/${memo.id}/pdf`)).statusCode).toBe(403);
  });
});

describe("klar and versions", () => {
  it("marks a whole memo klar, locks it, and changes it only through a new version", async () => {
    const id = await newCase();
    const s = await t.as("sekreterare");
    const unsigned = await create(id, { signatures: [], summary: "" });
    const refused = await s.post(`/api/namnd/tjansteskrivelser/${unsigned.id}/klar`);
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as Problems).details.problems.map((p) => p.field)).toEqual(["summary", "signatures"]);

    const updated = await s.put(`/api/namnd/tjansteskrivelser/${unsigned.id}`, draft());
    expect(updated.statusCode, updated.body).toBe(200);
    const done = (await s.post(`/api/namnd/tjansteskrivelser/${unsigned.id}/klar`)).json() as Memo;
    expect(done).toMatchObject({ status: "klar", completedOn: today });

    const locked = await s.put(`/api/namnd/tjansteskrivelser/${unsigned.id}`, draft({ title: "Ändrad" }));
    expect(locked.statusCode).toBe(409);
    expect((locked.json() as Problems).message).toContain("klar och låst");

    const v2 = (await s.post(`/api/namnd/tjansteskrivelser/${unsigned.id}/ny-version`)).json() as Memo;
    expect(v2).toMatchObject({ version: 2, status: "utkast", supersedesId: unsigned.id });
    expect(v2.clauses).toEqual(done.clauses);
    const again = await s.post(`/api/namnd/tjansteskrivelser/${unsigned.id}/ny-version`);
    expect(again.statusCode).toBe(409);
    const list = (await s.get(`/api/namnd/arenden/${id}/tjansteskrivelser`)).json() as {
      memos: { version: number; status: string; supersededById: string | null }[];
    };
    expect(list.memos).toEqual([
      expect.objectContaining({ version: 1, status: "klar", supersededById: v2.id }),
      expect.objectContaining({ version: 2, status: "utkast", supersededById: null }),
    ]);
  });
});

describe("downloads", () => {
  afterAll(closePdfBrowser);

  it("sends the memo as a Word file named after the ärende", async () => {
    const id = await caseId("IF-2024-00037");
    const s = await t.as("fortroendevald");
    const list = (await s.get(`/api/namnd/arenden/${id}/tjansteskrivelser`)).json() as { memos: { id: string }[] };
    const res = await s.get(`/api/namnd/tjansteskrivelser/${list.memos[0]?.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toContain('filename="IF-2024-00037-tjansteskrivelse.docx"');
    expect(res.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    const xml = (await (await JSZip.loadAsync(res.rawPayload)).file("word/document.xml")?.async("string")) as string;
    expect(xml).toContain("Nämnden för Individ &amp; Familjeomsorg godkänner årsredovisningen 2023");
    expect(xml).toContain("Kungsbacka kommun");
    expect(xml).toContain("IF-2024-00037");
  });

  it("sends it as a PDF, and answers 503 in Swedish when Chromium is missing", async () => {
    const id = await caseId("IF-2023-00360");
    const s = await t.as("sekreterare");
    const list = (await s.get(`/api/namnd/arenden/${id}/tjansteskrivelser`)).json() as { memos: { id: string }[] };
    const url = `/api/namnd/tjansteskrivelser/${list.memos[0]?.id}/pdf`;
    const res = await s.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain('filename="IF-2023-00360-tjansteskrivelse.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const title = /\/Title\s*<FEFF([0-9A-F]+)>/i.exec(res.rawPayload.toString("latin1"))?.[1] as string;
    expect(Buffer.from(title, "hex").swap16().toString("utf16le")).toBe(
      "TJÄNSTESKRIVELSE – Svar på motion – remiss från Kommunstyrelsen",
    );

    await closePdfBrowser();
    const previous = process.env.LOTS_CHROMIUM;
    process.env.LOTS_CHROMIUM = "/nonexistent/chromium";
    try {
      const missing = await s.get(url);
      expect(missing.statusCode).toBe(503);
      expect((missing.json() as { message: string }).message).toContain("saknar en fungerande Chromium");
    } finally {
      if (previous === undefined) delete process.env.LOTS_CHROMIUM;
      else process.env.LOTS_CHROMIUM = previous;
    }
  });
});
