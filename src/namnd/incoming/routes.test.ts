import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { seedNamndDemo } from "../demo.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;
const period = (start = "2023-12-01", end = "2024-01-31") =>
  `orgNodeId=${node("ifo")}&periodStart=${start}&periodEnd=${end}`;

beforeAll(async () => {
  t = await testApp();
  await t.database.db.transaction().execute((trx) => seedNamndDemo(trx, t.demo));
});
afterAll(() => t?.close());

type Row = {
  issuer: string;
  registeredOn: string;
  caseNumber: string | null;
  paragraph: number | null;
  won: boolean | null;
  text: string;
};
type Section = { key: string; heading: string; rows: Row[] };
type Problems = { details: { problems: { field: string; message: string }[] } };

const rulings = async (user: string, q = period()) => {
  const res = await (await t.as(user)).get(`/api/namnd/domar/period?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { count: number; courtCount: number; wonCount: number; sections: Section[] };
};

const ruling = (body: Record<string, unknown>) => ({
  orgNodeId: node("ifo"),
  issuer: "FR",
  kind: "dom",
  caseNumber: "mål nr 4001-23",
  decidedOn: "2024-01-03",
  registeredOn: "2024-01-05",
  appellant: "individen",
  subject: "Ekonomiskt bistånd",
  law: "SoL 4 kap. 1 §",
  outcome: "avslar_overklagandet",
  ...body,
});

describe("domar och beslut 2023-12-01–2024-01-31", () => {
  it("lists the demo's rows by registration date in sections KR, FR, IMY, IVO, KF, KS", async () => {
    const body = await rulings("fortroendevald");
    expect(body.sections.map((s) => [s.key, s.rows.length])).toEqual([
      ["KR", 2],
      ["FR", 7],
      ["IMY", 2],
      ["IVO", 1],
      ["KF", 3],
      ["KS", 4],
    ]);
    expect(body).toMatchObject({ count: 19, courtCount: 9, wonCount: 8 });
    const fr = body.sections[1]?.rows ?? [];
    const dates = fr.map((r) => r.registeredOn);
    expect(dates).toEqual([...dates].sort());
    // The judgment of 2023-11-29 is in: it was registered in December.
    expect(fr[0]).toMatchObject({ caseNumber: "2811-23", registeredOn: "2023-12-04" });
    expect(fr.find((r) => r.caseNumber === "2953-23")?.text).toBe(
      "Dom 2953-23, 2023-12-20. Överklagat av individen. Personlig assistans (LSS 9 § 2). Avslår överklagandet. Det interimistiska förordnandet upphör att gälla.",
    );
    const kr = body.sections[0]?.rows ?? [];
    expect(kr.find((r) => r.caseNumber === "7405-23")).toMatchObject({ won: false, registeredOn: "2024-01-31" });
    expect(kr.find((r) => r.caseNumber === "7405-23")?.text).toContain(
      "Beslut 7405-23, 2024-01-30. Överklagat av nämnden. Personlig assistans (LSS 9 § 2). Meddelar inte prövningstillstånd.",
    );
    expect(body.sections[4]?.rows.map((r) => r.paragraph)).toEqual([189, 191, 200]);
    expect(body.sections[5]?.rows.map((r) => r.paragraph)).toEqual([7, 8, 13, 16]);
  });

  it("selects by registration date, both days included, and keeps empty sections", async () => {
    const one = await rulings("sekreterare", period("2024-01-31", "2024-01-31"));
    expect(one.count).toBe(1);
    expect(one.sections.map((s) => s.key)).toEqual(["KR", "FR", "IMY", "IVO", "KF", "KS"]);
    expect(one.sections[0]?.rows[0]?.caseNumber).toBe("7405-23");
    const november = await rulings("sekreterare", period("2023-11-01", "2023-11-30"));
    expect(november.count).toBe(0);
  });

  it("is refused outside the nämnd and for a period ending before it starts", async () => {
    const vo = await (await t.as("vo-controller")).get(`/api/namnd/domar/period?${period()}`);
    expect(vo.statusCode).toBe(403);
    const bad = await (await t.as("sekreterare")).get(`/api/namnd/domar/period?${period("2024-02-01", "2024-01-31")}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("periodEnd");
  });
});

describe("skrivelser och meddelanden 2023-12-01–2024-01-31", () => {
  it("lists the demo's 7 by registration date", async () => {
    const res = await (await t.as("fortroendevald")).get(`/api/namnd/skrivelser/period?${period()}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { count: number; rows: { registeredOn: string; sender: string; subject: string }[] };
    expect(body.count).toBe(7);
    expect(body.rows.map((r) => r.registeredOn)).toEqual([...body.rows.map((r) => r.registeredOn)].sort());
    expect(body.rows.map((r) => r.sender)).toEqual(
      expect.arrayContaining([
        "Statens institutionsstyrelse (SiS)",
        "Arbetsmiljöverket",
        "Sveriges Kommuner och Regioner (SKR)",
      ]),
    );
    expect(body.rows.filter((r) => r.sender === "Socialstyrelsen")).toHaveLength(2);
    expect(body.rows.find((r) => r.sender === "Arbetsmiljöverket")?.subject).toBe("Föranmälan av inspektion");
  });

  it("withholds a private sender's name from a reader without read:personal", async () => {
    const created = await (await t.as("sekreterare")).post("/api/namnd/skrivelser", {
      orgNodeId: node("ifo"),
      diarienummer: "IF 2024-00030",
      registeredOn: "2024-01-29",
      sender: "Anna Andersson",
      senderKind: "privatperson",
      subject: "Synpunkt på nämndens handläggning",
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ diarienummer: "IF-2024-00030", sender: "Anna Andersson" });
    const id = created.json().id as string;
    const hidden = await (await t.as("fortroendevald")).get(`/api/namnd/skrivelser/${id}`);
    expect(hidden.json()).toMatchObject({ senderMasked: true });
    expect(hidden.body).not.toContain("Andersson");
    const list = await (await t.as("fortroendevald")).get(`/api/namnd/skrivelser/period?${period()}`);
    expect(list.body).not.toContain("Andersson");
    expect(list.json().count).toBe(8);
    const full = await (await t.as("sekreterare")).get(`/api/namnd/skrivelser/period?${period()}`);
    expect(full.body).toContain("Anna Andersson");
  });

  it("logs every read that shows a private sender's name, and only those", async () => {
    const logged = () =>
      t.database.db
        .selectFrom("access_log as a")
        .innerJoin("access_log_record as r", "r.access_id", "a.id")
        .select(["a.operation", "a.actor_name", "r.entity", "r.record_id"])
        .where("r.entity", "=", "namnd_letter")
        .orderBy("a.id")
        .execute();
    const created = await (await t.as("sekreterare")).post("/api/namnd/skrivelser", {
      orgNodeId: node("ifo"),
      diarienummer: "IF 2024-00031",
      registeredOn: "2024-01-30",
      sender: "Bertil Berglund",
      senderKind: "privatperson",
      subject: "Begäran om besked",
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const authority = (await (await t.as("sekreterare")).get(`/api/namnd/skrivelser?orgNodeId=${node("ifo")}`))
      .json()
      .find((l: { senderKind: string }) => l.senderKind === "myndighet").id as string;
    const before = await logged();

    // Masked for the förtroendevald: neither the letter, the register nor the period list shows the name or logs.
    const reads = [
      `/api/namnd/skrivelser/${id}`,
      `/api/namnd/skrivelser?orgNodeId=${node("ifo")}`,
      `/api/namnd/skrivelser/period?${period()}`,
    ];
    const masked = await t.as("fortroendevald");
    for (const url of reads) {
      const res = await masked.get(url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain("Privatperson (namnet visas inte)");
      expect(res.body).not.toContain("Berglund");
    }
    // An authority's letter names no private person.
    expect((await (await t.as("sekreterare")).get(`/api/namnd/skrivelser/${authority}`)).statusCode).toBe(200);
    expect(await logged()).toEqual(before);

    const reader = await t.as("sekreterare");
    for (const url of reads) {
      const res = await reader.get(url);
      expect(res.body).toContain("Bertil Berglund");
    }
    const added = (await logged()).slice(before.length).filter((r) => r.record_id === id);
    expect(added.map((r) => r.operation)).toEqual(["namnd.skrivelse", "namnd.skrivelser", "namnd.skrivelser-period"]);
  });
});

describe("registering a dom or beslut", () => {
  it("stores the mål nr in its one form and derives that the nämnd won", async () => {
    const res = await (await t.as("sekreterare")).post("/api/namnd/domar", ruling({ diarienummer: "IF 2024-00016" }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ caseNumber: "4001-23", won: true, diarienummer: "IF-2024-00016" });
    const id = res.json().id as string;
    const fetched = await (await t.as("fortroendevald")).get(`/api/namnd/domar/${id}`);
    expect(fetched.json()).toMatchObject({ caseNumber: "4001-23" });
    const updated = await (await t.as("sekreterare")).put(`/api/namnd/domar/${id}`, {
      ...ruling({ outcome: "bifaller" }),
      orgNodeId: undefined,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ outcome: "bifaller", won: false });
  });

  it("names each bad field and writes nothing", async () => {
    const before = await countRows(t.database.db, "namnd_ruling");
    const tomorrow = addDays(todayInSweden(), 1);
    const res = await (await t.as("sekreterare")).post(
      "/api/namnd/domar",
      ruling({ caseNumber: "74O5", decidedOn: tomorrow, outcome: null, paragraph: 12, diarienummer: "KS-2023-00710" }),
    );
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as Problems).details.problems.map((p) => p.field).sort();
    expect(fields).toEqual(["caseNumber", "decidedOn", "diarienummer", "outcome", "paragraph", "registeredOn"]);
    expect(res.body).toContain("ligger i framtiden");
    expect(await countRows(t.database.db, "namnd_ruling")).toBe(before);
  });

  it("names each refused field by its form label, in plain Swedish and once", async () => {
    const res = await (await t.as("sekreterare")).post(
      "/api/namnd/domar",
      ruling({ decidedOn: "2024-02-30", subject: "" }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json() as Problems & { message: string };
    expect(body.details.problems).toEqual([
      {
        field: "decidedOn",
        label: "Dom- eller beslutsdatum",
        message: "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.",
      },
      { field: "subject", label: "Avser", message: "Ange vad domen eller beslutet gäller." },
    ]);
    expect(body.message).not.toMatch(/decidedOn|subject|Fältet/);
  });

  it("asks KF and KS rows for their § and refuses court fields on them", async () => {
    const res = await (await t.as("sekreterare")).post("/api/namnd/domar", {
      orgNodeId: node("ifo"),
      issuer: "KS",
      kind: "beslut",
      decidedOn: "2024-01-16",
      registeredOn: "2024-01-23",
      subject: "Riktlinje",
      outcome: "bifaller",
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problems).details.problems.map((p) => p.field).sort()).toEqual(["outcome", "paragraph"]);
  });

  it("is refused to a reader without write:namnd", async () => {
    const res = await (await t.as("fortroendevald")).post("/api/namnd/domar", ruling({}));
    expect(res.statusCode).toBe(403);
  });
});
