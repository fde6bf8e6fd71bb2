import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../app/testing.ts";
import { textChecksum } from "./checksum.ts";

let t: TestApp;
const ifo = () => t.demo.nodes.ifo?.id as string;

type Block = { style: string; text: string; itemId?: string | null };
type Review = {
  sourceChecksum: string;
  blocks: Block[];
  items: { id: string; label: string }[];
  proposed: { block: number; start: number; end: number; kind: string }[];
  versions: { id: string; version: number }[];
  blocked: string | null;
};
type Publication = {
  id: string;
  version: number;
  title: string;
  blocks: Block[];
  masks: { block: number; start: number; end: number; kind: string; origin: string; reason: string | null }[];
  lifted: { reason: string }[];
  omitted: { label: string; lagrum: string }[];
  checksum: string;
  reviewerName: string;
  replaces: { id: string; version: number } | null;
  replacedBy: { id: string; version: number } | null;
  correctionNote: string | null;
};

const PRIVATE = "Greta Privatsson";
const PNR = "19850312-1234";
let meetingId: string;
let infoItemId: string;

async function ok<T>(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
const anonymous = async (url: string) => t.app.inject({ method: "GET", url });

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  const sekr = await t.as("sekreterare");
  // A skrivelse from a private person in the period, and an agenda naming her with her personnummer.
  await ok(
    sekr.post("/api/namnd/skrivelser", {
      orgNodeId: ifo(),
      diarienummer: "IF-2024-00016",
      registeredOn: "2024-02-20",
      sender: PRIVATE,
      senderKind: "privatperson",
      subject: "Synpunkter på handläggningen",
    }),
  );
  const bodies = await ok<{ bodies: { id: string; kind: string }[] }>(sekr.get(`/api/namnd/organ?orgNodeId=${ifo()}`));
  const body = bodies.bodies.find((b) => b.kind === "namnd") as { id: string };
  const meeting = await ok<{ id: string }>(
    sekr.post("/api/namnd/sammantraden", { bodyId: body.id, meetingDate: "2024-03-14", startTime: "13:00" }),
  );
  meetingId = meeting.id;
  await ok(sekr.post(`/api/namnd/sammantraden/${meetingId}/punkter`, { kind: "staende", standingKind: "skrivelser" }));
  await ok(
    sekr.post(`/api/namnd/sammantraden/${meetingId}/punkter`, {
      kind: "information",
      title: `Information om ${PRIVATE} (${PNR})`,
    }),
  );
  const withCase = await ok<{ items: { id: string; kind: string }[] }>(
    sekr.post(`/api/namnd/sammantraden/${meetingId}/punkter`, { kind: "arende", diarienummer: "IF-2024-00012" }),
  );
  infoItemId = withCase.items.find((i) => i.kind === "information")?.id as string;
});
afterAll(async () => {
  await t?.close();
});

const reviewOf = async (kind = "foredragningslista", user = "sekreterare") =>
  ok<Review>((await t.as(user)).get(`/api/namnd/sammantraden/${meetingId}/publicering?kind=${kind}`));

describe("reviewing and publishing a föredragningslista", () => {
  it("cannot be published before the kallelse, nor the protokoll before justering", async () => {
    const r = await reviewOf();
    expect(r.blocked).toBe("Föredragningslistan publiceras när kallelsen har gått ut.");
    const res = await (await t.as("sekreterare")).post(`/api/namnd/sammantraden/${meetingId}/publicering`, {
      kind: "foredragningslista",
      sourceChecksum: r.sourceChecksum,
    });
    expect(res.statusCode, res.body).toBe(409);
    await ok((await t.as("sekreterare")).post(`/api/namnd/sammantraden/${meetingId}/status`, { status: "kallat" }));
    expect((await reviewOf("protokoll")).blocked).toBe("Protokollet publiceras när det är justerat.");
  });

  it("proposes the private person's name wherever it stands and the personnummer, and leaves sekretess documents out", async () => {
    const r = await reviewOf();
    expect(r.blocked).toBeNull();
    const covered = r.proposed.map((p) => [r.blocks[p.block]?.text.slice(p.start, p.end), p.kind]);
    expect(covered).toContainEqual([PRIVATE, "namn"]);
    expect(covered).toContainEqual([PNR, "personnummer"]);
    // In the title and in the skrivelser item's snapshot line.
    expect(r.proposed.filter((p) => p.kind === "namn").length).toBeGreaterThanOrEqual(2);
    const texts = r.blocks.map((b) => b.text);
    expect(texts).toContain("Handling: Utelämnad enligt OSL 26 kap. 1 §");
    expect(texts.join("\n")).not.toContain("Dom förvaltningsrätten mål nr 2953-23");
    expect(r.sourceChecksum).toBe(textChecksum(r.blocks));
  });

  it("is refused to readers who may not see the personal data it masks", async () => {
    const res = await (await t.as("fortroendevald")).get(
      `/api/namnd/sammantraden/${meetingId}/publicering?kind=foredragningslista`,
    );
    expect(res.statusCode).toBe(403);
  });

  it("refuses a lift of something not proposed, a reasonless mask and a stale text, writing nothing", async () => {
    const sekr = await t.as("sekreterare");
    const r = await reviewOf();
    const bad = await sekr.post(`/api/namnd/sammantraden/${meetingId}/publicering`, {
      kind: "foredragningslista",
      sourceChecksum: r.sourceChecksum,
      added: [{ block: 0, start: 0, end: 3, kind: "ovrigt", reason: "x" }],
      lifted: [{ block: 0, start: 0, end: 2, reason: "fel" }],
      omitted: [{ itemId: infoItemId, lagrum: "OSL 99 kap." }],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.body).toContain("lifted.0");
    expect(bad.body).toContain("Lagrummet OSL 99 kap. finns inte i listan.");
    const stale = await sekr.post(`/api/namnd/sammantraden/${meetingId}/publicering`, {
      kind: "foredragningslista",
      sourceChecksum: "0".repeat(64),
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect((await ok<unknown[]>(sekr.get(`/api/namnd/publiceringar?orgNodeId=${ifo()}`))).length).toBe(1);
  });

  let first: Publication;
  it("publishes the masked text and records the review: who, the masks with reasons, the checksum", async () => {
    const r = await reviewOf();
    const header = r.blocks.findIndex((b) => b.text.startsWith("Nämnden för Individ"));
    first = await ok<Publication>(
      (await t.as("sekreterare")).post(`/api/namnd/sammantraden/${meetingId}/publicering`, {
        kind: "foredragningslista",
        sourceChecksum: r.sourceChecksum,
        added: [{ block: header, start: 0, end: 7, kind: "ovrigt", reason: "Prov av egen maskering" }],
      }),
    );
    expect(first.version).toBe(1);
    expect(first.reviewerName).not.toBe("");
    expect(first.checksum).toBe(textChecksum(first.blocks));
    expect(first.masks.filter((m) => m.origin === "forslag")).toHaveLength(r.proposed.length);
    expect(first.masks.find((m) => m.origin === "granskare")?.reason).toBe("Prov av egen maskering");
    const text = first.blocks.map((b) => b.text).join("\n");
    expect(text).not.toContain(PRIVATE);
    expect(text).not.toContain("1234");
    expect(text).toContain("[namn]");
    expect(text).toContain("[personnummer]");
    expect(text).toContain("[maskerat]");
    // A second version must say it replaces the first.
    const again = await (await t.as("sekreterare")).post(`/api/namnd/sammantraden/${meetingId}/publicering`, {
      kind: "foredragningslista",
      sourceChecksum: r.sourceChecksum,
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("replacesId");
  });

  it("never changes a publication: a correction is a new version replacing it, the old one still readable", async () => {
    await expect(
      sql`UPDATE namnd_publication SET title = 'x' WHERE id = ${first.id}`.execute(t.database.db),
    ).rejects.toThrow();
    await expect(sql`DELETE FROM namnd_publication WHERE id = ${first.id}`.execute(t.database.db)).rejects.toThrow();
    const r = await reviewOf();
    expect(r.versions.map((v) => v.version)).toEqual([1]);
    // The lift names the proposed span only (block, start, end), as the page sends it; the kind is not part of it.
    const { block, start, end } = r.proposed.find((p) => p.kind === "personnummer") as Review["proposed"][number];
    const second = await ok<Publication>(
      (await t.as("sekreterare")).post(`/api/namnd/sammantraden/${meetingId}/publicering`, {
        kind: "foredragningslista",
        sourceChecksum: r.sourceChecksum,
        lifted: [{ block, start, end, reason: "Utelämnas ändå" }],
        omitted: [{ itemId: infoItemId, lagrum: "osl-26-1" }],
        replacesId: first.id,
        correctionNote: "Informationspunkten utelämnas enligt OSL.",
      }),
    );
    expect(second.version).toBe(2);
    expect(second.replaces).toEqual({ id: first.id, version: 1 });
    expect(second.lifted.map((l) => l.reason)).toEqual(["Utelämnas ändå"]);
    expect(second.omitted).toEqual([{ itemId: infoItemId, label: "2.", lagrum: "OSL 26 kap. 1 §" }]);
    const text = second.blocks.map((b) => b.text);
    expect(text).toContain("Utelämnad enligt OSL 26 kap. 1 §");
    expect(text.join("\n")).not.toContain("Information om");
    const old = await ok<{ publication: Publication }>(anonymous(`/api/public/namnd/publiceringar/${first.id}`));
    expect(old.publication.replacedBy).toEqual({ id: second.id, version: 2 });
    expect(old.publication.checksum).toBe(first.checksum);
  });
});

describe("the public reads", () => {
  it("answer without login, list the current versions, and never return a private name or a personnummer", async () => {
    const privateNames = (
      await sql<{ sender: string }>`SELECT sender FROM namnd_letter WHERE sender_kind = 'privatperson'`.execute(
        t.database.db,
      )
    ).rows.map((r) => r.sender);
    expect(privateNames).toContain(PRIVATE);
    const answers: string[] = [];
    const list = await anonymous("/api/public/namnd");
    expect(list.statusCode, list.body).toBe(200);
    answers.push(list.body);
    const { kommun, namnder } = list.json() as { kommun: string; namnder: { id: string; publications: number }[] };
    expect(kommun).toBeTruthy();
    expect(namnder.map((n) => n.id)).toEqual([ifo()]);
    for (const n of namnder) {
      const page = await anonymous(`/api/public/namnd/${n.id}`);
      answers.push(page.body);
      const { publications } = page.json() as { publications: { id: string; title: string; version: number }[] };
      // The demo's protokoll of 2023-12-13 and this test's agenda (version 2 only).
      expect(publications.map((p) => [p.title, p.version])).toEqual([
        ["Föredragningslista, Nämnden för Individ & Familjeomsorg, 2024-03-14", 2],
        ["Protokoll, Nämnden för Individ & Familjeomsorg, 2023-12-13", 1],
      ]);
      const all = await ok<{ id: string }[]>((await t.as("admin")).get(`/api/namnd/publiceringar?orgNodeId=${n.id}`));
      for (const p of all) answers.push((await anonymous(`/api/public/namnd/publiceringar/${p.id}`)).body);
    }
    expect(answers).toHaveLength(5);
    // Ids and checksums are hex and may hold digit runs: only the text is searched for a personnummer.
    const textOf = (body: string) =>
      JSON.stringify(JSON.parse(body), (key, value) => (/id$|Id$|checksum/.test(key) ? undefined : value));
    for (const body of answers) {
      for (const name of privateNames) expect(body).not.toContain(name);
      expect(textOf(body)).not.toMatch(/(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/);
      expect(body).not.toMatch(/reviewer|masks|lifted/);
    }
  });

  it("publishes the demo's justerat protokoll with its §", async () => {
    const { publications } = (await (await anonymous(`/api/public/namnd/${ifo()}`)).json()) as {
      publications: { id: string; kind: string }[];
    };
    const protocol = publications.find((p) => p.kind === "protokoll") as { id: string };
    const page = (await (await anonymous(`/api/public/namnd/publiceringar/${protocol.id}`)).json()) as {
      publication: { blocks: Block[] };
    };
    const text = page.publication.blocks.map((b) => b.text);
    expect(text.filter((x) => /^§ \d+ /.test(x))).toEqual([
      "§ 177 Anmälan av delegeringsbeslut",
      "§ 178 Domar och beslut",
      "§ 179 Initiativärende från partigruppen",
      "§ 180 Synpunkter och klagomål",
    ]);
    expect(text).toContain("Protokollet justerades 2023-12-18. Justerare: Vera Vice.");
  });

  it("answer 404 for what is not published", async () => {
    expect((await anonymous(`/api/public/namnd/publiceringar/${meetingId}`)).statusCode).toBe(404);
  });
});

describe("simultaneous corrections and the review's access log", () => {
  const publications = async () =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM namnd_publication`.execute(t.database.db)).rows[0]?.n);

  it("gives the second of two corrections based on the same version a 409, writing nothing for it", async () => {
    const r = await reviewOf();
    const latest = r.versions[0] as Review["versions"][number];
    expect(latest.version).toBe(2);
    const before = await publications();
    const correction = async (note: string) =>
      (await t.as("sekreterare")).post(`/api/namnd/sammantraden/${meetingId}/publicering`, {
        kind: "foredragningslista",
        sourceChecksum: r.sourceChecksum,
        omitted: [{ itemId: infoItemId, lagrum: "osl-26-1" }],
        replacesId: latest.id,
        correctionNote: note,
      });
    const answers = await Promise.all([correction("Första rättelsen."), correction("Andra rättelsen.")]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409);
    expect(refused?.json().message).toBe(
      "Version 3 publicerades medan du granskade version 2; granska den senaste versionen och rätta den.",
    );
    expect(await publications()).toBe(before + 1);
    expect((await reviewOf()).versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it("records each reading of the review page (unmasked personal data) in the access log", async () => {
    const logged = async () =>
      t.database.db
        .selectFrom("access_log as a")
        .innerJoin("access_log_record as r", "r.access_id", "a.id")
        .select(["a.actor_name", "r.entity", "r.record_id"])
        .where("a.operation", "=", "namnd.publicering-granskning")
        .execute();
    const before = (await logged()).length;
    await reviewOf();
    const after = await logged();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ entity: "namnd_meeting", record_id: meetingId });
    // A refused reader is not shown the text and nothing is logged.
    const refused = await (await t.as("fortroendevald")).get(
      `/api/namnd/sammantraden/${meetingId}/publicering?kind=foredragningslista`,
    );
    expect(refused.statusCode).toBe(403);
    expect(await logged()).toHaveLength(before + 1);
  });
});
