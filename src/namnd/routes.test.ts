import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../app/testing.ts";
import { addDays, todayInSweden } from "../platform/calendar.ts";
import { seedNamndDemo } from "./demo.ts";
import { MAX_DOCUMENT_BYTES } from "./vocabulary.ts";

let t: TestApp;
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp();
  await t.database.db.transaction().execute((trx) => seedNamndDemo(trx, t.demo));
});
afterAll(() => t?.close());

type Case = {
  id: string;
  diarienummer: string;
  number: number;
  links: { diarienummer: string }[];
  references: { kind: string; value: string }[];
  documents: { id: string; title: string; fileName: string; sekretess: { code: string } | null }[];
  canWrite: boolean;
  canReadSecret: boolean;
};
type Problems = { details: { problems: { field: string; message: string }[] } };

async function register(body: Record<string, unknown> = {}): Promise<Case> {
  const res = await (await t.as("sekreterare")).post("/api/namnd/arenden", {
    orgNodeId: node("ifo"),
    title: "Skrivelse från SiS om avgifter",
    type: "skrivelser",
    receivedOn: today,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Case;
}

const search = async (q: string, user = "fortroendevald") =>
  (await (await t.as(user)).get(`/api/namnd/arenden?orgNodeId=${node("ifo")}&q=${encodeURIComponent(q)}`)).json() as {
    total: number;
    diarienummer: string | null;
    cases: { diarienummer: string; title: string }[];
  };

async function upload(caseId: string, bytes: Buffer, query: Record<string, string>, type = "application/octet-stream") {
  const options: InjectOptions = {
    method: "POST",
    url: `/api/namnd/arenden/${caseId}/dokument?${new URLSearchParams({ direction: "inkommande", ...query })}`,
    headers: { "content-type": type },
    payload: bytes,
  };
  return (await t.as("sekreterare")).request(options);
}

describe("registering a case", () => {
  it("issues the next number of the year's series, with today's date and the handläggare", async () => {
    const first = await register({ handlerId: t.demo.users.sekreterare });
    const second = await register({ title: "Remiss från Socialdepartementet", type: "remiss" });
    expect(first.diarienummer).toBe(`IF-${year}-${String(first.number).padStart(5, "0")}`);
    expect(second.number).toBe(first.number + 1);
    expect(first).toMatchObject({
      registeredOn: today,
      receivedOn: today,
      status: "oppet",
      handler: { name: "Nora Nämndsekreterare" },
      canWrite: true,
    });
  });

  it("refuses a future received date, an unknown type and a handläggare outside the nämnd, using no number", async () => {
    const s = await t.as("sekreterare");
    const before = await countRows(t.database.db, "namnd_case");
    const res = await s.post("/api/namnd/arenden", {
      orgNodeId: node("ifo"),
      title: "Framtida",
      type: "okand",
      receivedOn: addDays(today, 1),
      handlerId: t.demo.users["vo-controller"],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problems).details.problems.map((p) => p.field)).toEqual(["receivedOn", "type", "handlerId"]);
    expect(res.body).toContain("Ärendet registrerades inte");
    expect(await countRows(t.database.db, "namnd_case")).toBe(before);
    const next = await register();
    const previous = await search(`IF-${year}-${String(next.number - 1).padStart(5, "0")}`);
    expect(previous.total).toBe(1); // no gap: the refused registration used no number
  });

  it("names each refused field by its form label, in plain Swedish and once", async () => {
    const res = await (await t.as("sekreterare")).post("/api/namnd/arenden", {
      orgNodeId: node("ifo"),
      title: " ",
      type: "skrivelser",
      receivedOn: "2024-02-30",
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as Problems & { message: string };
    expect(body.details.problems).toEqual([
      { field: "title", label: "Rubrik", message: "Ange ärendets rubrik." },
      { field: "receivedOn", label: "Inkom", message: "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD." },
    ]);
    expect(body.message).toContain("Rubrik: Ange ärendets rubrik.");
    expect(body.message).not.toMatch(/title|receivedOn|Fältet/);
  });

  it("lets only writers of the nämnd register and change cases", async () => {
    const body = { orgNodeId: node("ifo"), title: "X", type: "allmant" };
    expect((await (await t.as("medarbetare")).post("/api/namnd/arenden", body)).statusCode).toBe(403);
    expect((await (await t.as("fortroendevald")).post("/api/namnd/arenden", body)).statusCode).toBe(403);
    expect((await (await t.as("admin")).post("/api/namnd/arenden", body)).statusCode).toBe(200);
    const c = await register();
    expect((await (await t.as("fortroendevald")).patch(`/api/namnd/arenden/${c.id}`, { title: "Y" })).statusCode).toBe(
      403,
    );
  });
});

describe("reading the diarium", () => {
  it("lets an elected member read the list and a case, but not a unit's staff", async () => {
    const list = await (await t.as("fortroendevald")).get(`/api/namnd/arenden?orgNodeId=${node("ifo")}&year=2023`);
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as { cases: { diarienummer: string }[] }).cases.map((c) => c.diarienummer)).toContain(
      "IF-2023-00392",
    );
    expect((await (await t.as("medarbetare")).get(`/api/namnd/arenden?orgNodeId=${node("ifo")}`)).statusCode).toBe(403);
  });

  it.each([
    ["IF IF-2023-00256", "IF-2023-00256"],
    ["IF- 2024-00005", "IF-2024-00005"],
    ["IF 2024-00016", "IF-2024-00016"],
    ["2020-00345", "IF-2020-00345"],
    ["dnr 2021–00080", "IF-2021-00080"],
    ["IF-2021–00080", "IF-2021-00080"],
  ])("finds %s as %s", async (q, expected) => {
    const found = await search(q);
    expect(found.diarienummer).toBe(expected);
    expect(found.cases.map((c) => c.diarienummer)).toEqual([expected]);
  });

  it("searches titles and foreign references as free text", async () => {
    expect((await search("kompetensförsörjning")).cases.map((c) => c.diarienummer)).toEqual(["IF-2023-00392"]);
    expect((await search("KS 2023–00710")).cases.map((c) => c.title)).toEqual([
      "Motion – remiss från kommunstyrelsen (KSAU 2023-11-21 § 317)",
    ]);
    expect((await search("7405-23")).cases.map((c) => c.diarienummer)).toEqual(["IF-2024-00012"]);
  });

  it("filters by handläggare, as the start page's count of one's own open cases links", async () => {
    const sekreterare = t.demo.users.sekreterare as string;
    const mine = await register({ title: "Handläggs av sekreteraren", handlerId: sekreterare });
    await register({ title: "Utan handläggare" });
    const list = async (query: string) =>
      (
        (await (await t.as("sekreterare")).get(`/api/namnd/arenden?orgNodeId=${node("ifo")}&${query}`)).json() as {
          total: number;
          cases: { id: string; handler: { id: string } | null }[];
        }
      ).cases;
    const found = await list(`handlerId=${sekreterare}&status=oppet&limit=200`);
    expect(found.map((c) => c.id)).toContain(mine.id);
    expect(found.every((c) => c.handler?.id === sekreterare)).toBe(true);
    const start = (await (await t.as("sekreterare")).get(`/api/start?orgNodeId=${node("ifo")}`)).json() as {
      groups: { items: { key: string; count: number | null; href: string }[] }[];
    };
    const item = start.groups.flatMap((g) => g.items).find((i) => i.key === "namnd.my-cases");
    expect(item?.href).toBe(`/namnd?status=oppet&handlerId=${sekreterare}`);
    expect(item?.count).toBe(found.length);
    const refused = await (await t.as("sekreterare")).get(`/api/namnd/arenden?orgNodeId=${node("ifo")}&handlerId=x`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain("Handläggare");
  });

  it("filters standing cases and by type", async () => {
    const ifo = node("ifo");
    const r = await (await t.as("fortroendevald")).get(
      `/api/namnd/arenden?orgNodeId=${ifo}&standing=true&type=avtal&year=2023`,
    );
    expect((r.json() as { cases: { diarienummer: string }[] }).cases.map((c) => c.diarienummer)).toEqual([
      "IF-2023-00065",
      "IF-2023-00032",
      "IF-2023-00024",
      "IF-2023-00023",
    ]);
  });
});

describe("status, links and references", () => {
  it("needs a closing date to close, and reopening clears it", async () => {
    const c = await register();
    const s = await t.as("sekreterare");
    const refused = await s.patch(`/api/namnd/arenden/${c.id}`, { status: "avslutat" });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as Problems).details.problems).toEqual([
      { field: "closedOn", label: "Avslutat den", message: "Ange datum då ärendet avslutades." },
    ]);
    const closed = await s.patch(`/api/namnd/arenden/${c.id}`, { status: "avslutat", closedOn: today });
    expect(closed.json()).toMatchObject({ status: "avslutat", closedOn: today });
    const reopened = await s.patch(`/api/namnd/arenden/${c.id}`, { status: "vilande" });
    expect(reopened.json()).toMatchObject({ status: "vilande", closedOn: null });
  });

  it("links cases both ways by a number in any variant, never to itself or another diarium", async () => {
    const a = await register();
    const b = await register();
    const s = await t.as("sekreterare");
    const linked = await s.post(`/api/namnd/arenden/${a.id}/lankar`, {
      diarienummer: `IF ${b.diarienummer.slice(3).replace("-", "–")}`,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((linked.json() as Case).links.map((l) => l.diarienummer)).toEqual([b.diarienummer]);
    const other = (await s.get(`/api/namnd/arenden/${b.id}`)).json() as Case;
    expect(other.links.map((l) => l.diarienummer)).toEqual([a.diarienummer]);
    const self = await s.post(`/api/namnd/arenden/${a.id}/lankar`, { diarienummer: a.diarienummer });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain("kan inte länkas till sig självt");
    const foreign = await s.post(`/api/namnd/arenden/${a.id}/lankar`, { diarienummer: "KS-2023-00710" });
    expect(foreign.body).toContain("lägg till det som referens");
    const junk = await s.post(`/api/namnd/arenden/${a.id}/lankar`, { diarienummer: "IF-23-1" });
    expect(junk.statusCode).toBe(400);
    expect(junk.body).toContain("året ska skrivas med fyra siffror");
    const unlinked = await s.delete(`/api/namnd/arenden/${b.id}/lankar?caseId=${a.id}`);
    expect((unlinked.json() as Case).links).toEqual([]);
  });

  it("recognises and normalises foreign references", async () => {
    const c = await register();
    const s = await t.as("sekreterare");
    await s.post(`/api/namnd/arenden/${c.id}/referenser`, { value: "S2023-03181" });
    await s.post(`/api/namnd/arenden/${c.id}/referenser`, { value: "mål nr 2953 – 23" });
    const res = await s.post(`/api/namnd/arenden/${c.id}/referenser`, { kind: "ivo", value: "3.5.1 - 12345/2023-2" });
    expect((res.json() as Case).references).toEqual([
      { id: expect.any(String), kind: "departement", value: "S2023/03181", note: null },
      { id: expect.any(String), kind: "ivo", value: "3.5.1-12345/2023-2", note: null },
      { id: expect.any(String), kind: "mal", value: "2953-23", note: null },
    ]);
    const again = await s.post(`/api/namnd/arenden/${c.id}/referenser`, { value: "S2023/03181" });
    expect(again.statusCode).toBe(409);
    const own = await s.post(`/api/namnd/arenden/${c.id}/referenser`, { value: "IF 2024-00016" });
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain("länka ärendena i stället");
  });
});

describe("documents", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

  it("stores an upload by its bytes' type and serves it with its type and name", async () => {
    const c = await register();
    const res = await upload(c.id, pdf, { name: "Skrivelse från SiS", documentDate: "2024-01-15" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      fileName: "Skrivelse från SiS.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.length,
      documentDate: "2024-01-15",
      registeredOn: today,
      direction: "inkommande",
      sekretess: null,
    });
    const id = (res.json() as { id: string }).id;
    const file = await (await t.as("fortroendevald")).get(`/api/namnd/arenden/${c.id}/dokument/fil?documentId=${id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="Skrivelse fran SiS.pdf"; filename*=UTF-8''Skrivelse%20fr%C3%A5n%20SiS.pdf`,
    );
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it("keeps text bytes as sent, whatever the declared type", async () => {
    const c = await register();
    const text = Buffer.from("Skrivelse: Åsa Öberg är på väg.\n");
    const res = await upload(c.id, text, { name: "anteckning.txt", direction: "upprattad" }, "text/plain");
    expect(res.statusCode, res.body).toBe(200);
    const id = (res.json() as { id: string }).id;
    const file = await (await t.as("sekreterare")).get(`/api/namnd/arenden/${c.id}/dokument/fil?documentId=${id}`);
    expect(file.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(file.rawPayload.equals(text)).toBe(true);
  });

  it("refuses a file whose bytes are no allowed type, an empty one and one over the size limit", async () => {
    const c = await register();
    const before = await countRows(t.database.db, "namnd_document");
    const exe = await upload(
      c.id,
      Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]),
      { name: "faktura.pdf" },
      "application/pdf",
    );
    expect(exe.statusCode).toBe(400);
    expect(exe.body).toContain("Filtypen stöds inte");
    expect((await upload(c.id, Buffer.alloc(0), { name: "tom.pdf" })).statusCode).toBe(400);
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_DOCUMENT_BYTES + 1 - pdf.length, 0x20)]);
    const tooBig = await upload(c.id, big, { name: "stor.pdf" });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.body).toContain("högst 20 MB");
    const huge = await upload(c.id, Buffer.alloc(MAX_DOCUMENT_BYTES + 5 * 1024 * 1024, 0x20), { name: "enorm.txt" });
    expect(huge.statusCode).toBe(413);
    const badName = await upload(c.id, pdf, { name: "../../etc/passwd" });
    expect(badName.statusCode).toBe(400);
    expect(await countRows(t.database.db, "namnd_document")).toBe(before);
    // Upload needs write:namnd.
    const refused = await (await t.as("fortroendevald")).request({
      method: "POST",
      url: `/api/namnd/arenden/${c.id}/dokument?name=a.pdf&direction=inkommande`,
      headers: { "content-type": "application/pdf" },
      payload: pdf,
    });
    expect(refused.statusCode).toBe(403);
  });

  it("withholds a document marked sekretess from readers without read:personal and logs every download", async () => {
    const c = await register();
    const uploaded = await upload(c.id, pdf, { name: "dom.pdf", lagrum: "osl-26-1" });
    expect(uploaded.json()).toMatchObject({ sekretess: { code: "osl-26-1", reference: "OSL 26 kap. 1 §" } });
    const id = (uploaded.json() as { id: string }).id;
    const url = `/api/namnd/arenden/${c.id}/dokument/fil?documentId=${id}`;
    const member = await t.as("fortroendevald");
    const seen = (await member.get(`/api/namnd/arenden/${c.id}`)).json() as Case;
    expect(seen.documents[0]).toMatchObject({ title: "dom", sekretess: { code: "osl-26-1" } });
    expect(seen.canReadSecret).toBe(false);
    const refused = await member.get(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("sekretessmarkerad (OSL 26 kap. 1 §)");

    const logged = () =>
      t.database.db
        .selectFrom("access_log_record as r")
        .innerJoin("access_log as l", "l.id", "r.access_id")
        .select(["l.actor_name", "l.operation"])
        .where("r.record_id", "=", id)
        .execute();
    expect(await logged()).toEqual([]);
    const s = await t.as("sekreterare");
    expect((await s.get(url)).statusCode).toBe(200);
    expect((await s.get(url)).statusCode).toBe(200);
    expect(await logged()).toEqual([
      { actor_name: "Nora Nämndsekreterare", operation: "namnd.dokument" },
      { actor_name: "Nora Nämndsekreterare", operation: "namnd.dokument" },
    ]);

    // Lifting the marking opens it to every reader of the nämnd.
    const lifted = await s.patch(`/api/namnd/dokument/${id}`, { lagrum: null });
    expect(lifted.json()).toMatchObject({ sekretess: null });
    expect((await member.get(url)).statusCode).toBe(200);
    const unknown = await s.patch(`/api/namnd/dokument/${id}`, { lagrum: "osl-99-1" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("Okänt lagrum osl-99-1");
  });

  it("does not serve another case's document under this case", async () => {
    const a = await register();
    const b = await register();
    const id = ((await upload(a.id, pdf, { name: "a.pdf" })).json() as { id: string }).id;
    const res = await (await t.as("sekreterare")).get(`/api/namnd/arenden/${b.id}/dokument/fil?documentId=${id}`);
    expect(res.statusCode).toBe(404);
  });
});

describe("standing cases", () => {
  it("creates this year's case of every standing series once", async () => {
    const s = await t.as("sekreterare");
    const first = await s.post("/api/namnd/staende", { orgNodeId: node("ifo"), year });
    expect(first.statusCode, first.body).toBe(200);
    const created = (first.json() as { created: { title: string; standing: boolean; number: number }[] }).created;
    expect(created.map((c) => c.title).sort()).toEqual(
      [
        "Domar och beslut",
        "Placeringsavtal Barn och unga",
        "Placeringsavtal Familjehem",
        "Placeringsavtal Funktionsstöd",
        "Placeringsavtal Vuxen",
        "Skrivelser och meddelanden",
        "Synpunkter och klagomål",
        "Vidaredelegering förvaltningschef",
      ].map((series) => `${series} ${year}`),
    );
    expect(created.every((c) => c.standing)).toBe(true);
    const numbers = created.map((c) => c.number);
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] as number) + i));
    const second = await s.post("/api/namnd/staende", { orgNodeId: node("ifo"), year });
    expect((second.json() as { created: unknown[] }).created).toEqual([]);
    const past = await s.post("/api/namnd/staende", { orgNodeId: node("ifo"), year: year - 1 });
    expect(past.statusCode).toBe(400);
  });
});
