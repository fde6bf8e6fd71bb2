import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { closePdfBrowser } from "../../platform/documents/print-pdf.ts";

let t: TestApp;
const ifo = () => t.demo.nodes.ifo?.id as string;

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(async () => {
  await closePdfBrowser();
  await t?.close();
});

type Content = {
  count: number | null;
  forbidden: boolean;
  note: string | null;
  sections: { heading: string; count: number | null; lines: string[] }[];
};
type Item = {
  id: string;
  kind: string;
  title: string;
  paragraph: number | null;
  standingKind: string | null;
  standing: { live: Content; presented: Content | null; changedSinceCall: boolean } | null;
  proposal: string | null;
  decision: string | null;
  beslutsgang: string | null;
};
type Meeting = {
  id: string;
  body: { id: string; kind: string; name: string };
  meetingDate: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  attendees: { id: string; name: string; role: string; present: boolean; adjuster: boolean }[];
  items: Item[];
  canWrite: boolean;
};

const calendar = async (user = "admin") => {
  const res = await (await t.as(user)).get(`/api/namnd/sammantraden?orgNodeId=${ifo()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as (Omit<Meeting, "items" | "attendees"> & { itemCount: number })[];
};
const meetingOn = async (date: string, kind = "namnd", user = "admin") => {
  const found = (await calendar()).find((m) => m.meetingDate === date && m.body.kind === kind);
  if (!found) throw new Error(`no meeting ${date}`);
  const res = await (await t.as(user)).get(`/api/namnd/sammantraden/${found.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Meeting;
};
const standing = (m: Meeting, kind: string) => m.items.find((i) => i.standingKind === kind)?.standing?.live as Content;
const period = () => `orgNodeId=${ifo()}&periodStart=2023-12-01&periodEnd=2024-01-31`;
const get = async (url: string, user = "admin") => {
  const res = await (await t.as(user)).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe("the demo calendar", () => {
  it("holds the nämnd's and the utskott's meetings of B4 with their statuses", async () => {
    const all = await calendar("fortroendevald");
    expect(all.map((m) => [m.meetingDate, m.body.kind, m.status])).toEqual([
      ["2023-09-14", "namnd", "justerat"],
      ["2023-12-06", "utskott", "justerat"],
      ["2023-12-13", "namnd", "justerat"],
      ["2023-12-20", "utskott", "justerat"],
      ["2024-01-10", "utskott", "justerat"],
      ["2024-01-17", "utskott", "justerat"],
      ["2024-01-31", "utskott", "justerat"],
      ["2024-02-15", "namnd", "kallat"],
    ]);
  });
  it("numbers § per body and year: 2023-09-14 § 104, 2023-12-13 § 179 for the initiative; the utskott restarts in 2024", async () => {
    const sept = await meetingOn("2023-09-14");
    expect(sept.items.map((i) => i.paragraph)).toEqual([104, 105, 106]);
    const dec = await meetingOn("2023-12-13");
    expect(dec.items.map((i) => [i.paragraph, i.title])).toContainEqual([179, "Initiativärende från partigruppen"]);
    const utskott = await Promise.all(
      ["2023-12-06", "2023-12-20", "2024-01-10", "2024-01-17", "2024-01-31"].map((d) => meetingOn(d, "utskott")),
    );
    expect(utskott.map((m) => m.items[0]?.paragraph)).toEqual([1, 2, 1, 2, 3]);
  });
});

describe("the February 2024 meeting's standing items (period 2023-12-01–2024-01-31)", () => {
  it("list exactly the registers' rows of the period, with their counts", async () => {
    const feb = await meetingOn("2024-02-15");
    expect([feb.periodStart, feb.periodEnd]).toEqual(["2023-12-01", "2024-01-31"]);
    expect(feb.items.filter((i) => i.kind === "staende").map((i) => i.standingKind)).toEqual([
      "delegationsbeslut",
      "ordforandebeslut",
      "domar",
      "synpunkter",
      "skrivelser",
      "lex_sarah",
      "evb",
    ]);

    const delegation = standing(feb, "delegationsbeslut");
    const anmalan = await get(`/api/namnd/delegering/anmalan?${period()}`);
    expect(delegation.sections.map((s) => [s.heading, s.count])).toEqual([
      ["Utskottet", 5],
      ["Delegationsrapport enligt listor", 0],
      ["Personal", 0],
      ["Attester", 0],
      ["Avtal", 32],
      ["Övrigt", 14],
    ]);
    expect(delegation.sections.map((s) => s.lines)).toEqual(anmalan.sections.map((s: { lines: string[] }) => s.lines));
    expect(delegation.count).toBe(51);

    const decisions = await get(`/api/namnd/delegering/beslut?${period()}`);
    const chair = decisions.filter((d: { decider: { kind: string } }) => d.decider.kind === "ordforande");
    expect(standing(feb, "ordforandebeslut").count).toBe(chair.length);
    expect(chair.length).toBeGreaterThan(0);

    const rulings = await get(`/api/namnd/domar/period?${period()}`);
    const domar = standing(feb, "domar");
    expect(domar.count).toBe(rulings.count);
    expect(domar.count).toBe(19);
    expect(domar.sections.map((s) => s.heading).slice(0, 6)).toEqual(
      rulings.sections.map((s: { heading: string }) => s.heading).slice(0, 6),
    );
    expect(domar.sections.flatMap((s) => s.lines)).toEqual(
      rulings.sections.flatMap((s: { rows: { text: string }[] }) => s.rows.map((r) => r.text)),
    );

    const letters = await get(`/api/namnd/skrivelser/period?${period()}`);
    expect(standing(feb, "skrivelser").count).toBe(letters.count);
    expect(standing(feb, "skrivelser").count).toBe(7);

    const complaints = await get(`/api/kvalitet/klagomal/period?${period()}`);
    const synpunkter = standing(feb, "synpunkter");
    // The diarium's synpunkter (B6: 6 klagomål, 2 synpunkter); Kommentaren's (no dnr) are reported apart.
    const registered = complaints.complaints.filter((c: { dnr: string | null }) => c.dnr);
    expect(synpunkter.count).toBe(registered.length);
    expect(synpunkter.count).toBe(8);
    expect(registered.filter((c: { type: string }) => c.type === "klagomal")).toHaveLength(6);
    // The memo form: type – category, unit, the answer; never the free-text summary.
    const first = registered[0];
    expect(synpunkter.sections[0]?.lines[0]).toMatch(
      new RegExp(
        `^(Dnr [A-Z]+-\\d{4}-\\d{5}\\. )?(Klagomål|Synpunkt)( – [^,]+)?, ${first.unit.name}, (besvarad \\d{4}-\\d{2}-\\d{2}|ej besvarad|anonym, kan inte besvaras)\\.$`,
      ),
    );
    for (const c of complaints.complaints) {
      expect(synpunkter.sections[0]?.lines.some((l) => l.includes(c.summary))).toBe(false);
    }

    const memo = await get(`/api/kvalitet/lex-sarah/memo?${period()}`);
    expect(standing(feb, "lex_sarah").count).toBe(memo.reports);

    const evb = standing(feb, "evb");
    expect(evb.sections[0]?.heading).toBe("Kvartal 2023Q4");
    const quarter = await get(`/api/evb/reports/2023Q4?orgNodeId=${ifo()}`);
    expect(evb.count).toBe(quarter.counts.totalOpen);

    // The kallelse presented the same figures.
    for (const item of feb.items.filter((i) => i.standing)) {
      expect(item.standing?.changedSinceCall, item.title).toBe(false);
      expect(item.standing?.presented, item.title).toEqual(item.standing?.live);
    }
  });

  it("words each förslag till beslut with the verb of B3", async () => {
    const feb = await meetingOn("2024-02-15");
    const proposal = (kind: string) => feb.items.find((i) => i.standingKind === kind)?.proposal;
    expect(proposal("delegationsbeslut")).toBe(
      "Nämnden för Individ & Familjeomsorg godkänner anmälan av delegeringsbeslut för perioden 2023-12-01–2024-01-31.",
    );
    expect(proposal("skrivelser")).toBe(
      "Nämnden för Individ & Familjeomsorg noterar skrivelser och meddelanden för perioden 2023-12-01–2024-01-31 till protokollet.",
    );
    expect(proposal("evb")).toBe(
      "Nämnden för Individ & Familjeomsorg godkänner rapporteringen av ej verkställda beslut för kvartal 4 2023.",
    ); // An ärende's förslag comes from its tjänsteskrivelse (klar), with the nämnd by name or KF for a motion.
    const onCase = (title: string) => feb.items.find((i) => i.title === title)?.proposal;
    expect(onCase("Årsredovisning 2023")).toMatch(/^Nämnden för Individ & Familjeomsorg godkänner /);
    expect(onCase("Svar på motion – remiss från kommunstyrelsen")).toMatch(/Kommunfullmäktige avslår motionen\.$/);
    // Without a tjänsteskrivelse there is no förslag to show.
    expect(onCase("Redovisning av uppdrag (initiativärende 2020)")).toBeNull();
  });
});

/** The visible text of a .docx body: the w:t runs of word/document.xml, one per entry. */
async function docxRuns(buffer: Buffer): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string")) as string;
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] as string);
}

describe("the kallelse", () => {
  it("is a Word file with the time, place and föredragningslista, standing items with the counts the kallelse presented, in order", async () => {
    const feb = await meetingOn("2024-02-15");
    const res = await (await t.as("fortroendevald")).get(`/api/namnd/sammantraden/${feb.id}/kallelse?format=docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toContain("Kallelse");
    const runs = await docxRuns(res.rawPayload);
    const presented = (kind: string) => feb.items.find((i) => i.standingKind === kind)?.standing?.presented?.count;
    expect(presented("synpunkter")).toBeGreaterThan(0);
    const expected = [
      "KALLELSE",
      "Datum: 2024-02-15",
      "Tid: kl. 13:00",
      "Föredragningslista",
      "Anmälan av delegeringsbeslut (51)",
      `Anmälan av ordförandebeslut (${presented("ordforandebeslut")})`,
      "Domar och beslut (19)",
      `Synpunkter och klagomål (${presented("synpunkter")})`,
      "Skrivelser och meddelanden (7)",
      `Lex Sarah (${presented("lex_sarah")})`,
      `Ej verkställda beslut (${presented("evb")})`,
      "Svar på revisionsrapport: Kompetensförsörjning (Dnr IF-2023-00392)",
      "Årsredovisning 2023 (Dnr IF-2024-00037)",
      "Svar på initiativärende från partigruppen (Dnr IF-2023-00371)",
      "Stående punkter",
      "Anmälan av delegeringsbeslut (51)",
      "Utskottet: 5",
      "Avtal: 32",
      "Övrigt: 14",
      "Domar och beslut (19)",
    ];
    let at = -1;
    for (const line of expected) {
      const next = runs.indexOf(line, at + 1);
      expect(next, `${line} after ${runs[at]}`).toBeGreaterThan(at);
      at = next;
    }
    const pdf = await (await t.as("fortroendevald")).get(`/api/namnd/sammantraden/${feb.id}/kallelse?format=pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
  });
});

describe("access", () => {
  it("gives the nämndsekreterare (no read:kvalitet) lex Sarah and synpunkter in the committee's memo form", async () => {
    const feb = await meetingOn("2024-02-15", "namnd", "sekreterare");
    const admin = await meetingOn("2024-02-15");
    expect(feb.canWrite).toBe(true);
    expect((await (await t.as("sekreterare")).get(`/api/kvalitet/klagomal/period?${period()}`)).statusCode).toBe(403);
    for (const kind of ["lex_sarah", "synpunkter"]) {
      expect(standing(feb, kind).forbidden).toBe(false);
      expect(standing(feb, kind)).toEqual(standing(admin, kind));
      expect(standing(feb, kind).count).toBeGreaterThan(0);
    }
    expect(standing(feb, "delegationsbeslut").count).toBe(51);
  });

  it("stores the kallelse's kvalitet items in full when the nämndsekreterare sends it", async () => {
    const body = (await meetingOn("2024-02-15")).body;
    const client = await t.as("sekreterare");
    let r = await client.post("/api/namnd/sammantraden", {
      bodyId: body.id,
      meetingDate: "2024-02-22",
      periodStart: "2023-12-01",
      periodEnd: "2024-01-31",
    });
    expect(r.statusCode, r.body).toBe(200);
    const id = (r.json() as Meeting).id;
    await client.post(`/api/namnd/sammantraden/${id}/punkter`, { kind: "staende", standingKind: "synpunkter" });
    await client.post(`/api/namnd/sammantraden/${id}/punkter`, { kind: "staende", standingKind: "lex_sarah" });
    r = await client.post(`/api/namnd/sammantraden/${id}/status`, { status: "kallat" });
    expect(r.statusCode, r.body).toBe(200);
    const feb = await meetingOn("2024-02-15");
    for (const item of (r.json() as Meeting).items) {
      expect(item.standing?.presented, item.title).toEqual(standing(feb, item.standingKind as string));
    }
    // Not to be held: inställt, so the later meetings' periods reach back over it.
    r = await client.post(`/api/namnd/sammantraden/${id}/installt`, { reason: "Dubbelbokat." });
    expect(r.statusCode, r.body).toBe(200);
  });
  it("lets a förtroendevald read but not change; staff of a unit do not read the nämnd's meetings", async () => {
    const feb = await meetingOn("2024-02-15", "namnd", "fortroendevald");
    expect(feb.canWrite).toBe(false);
    const refused = await (await t.as("fortroendevald")).post(`/api/namnd/sammantraden/${feb.id}/punkter`, {
      kind: "information",
      title: "Information från förvaltningschefen",
    });
    expect(refused.statusCode).toBe(403);
    const staff = await (await t.as("medarbetare")).get(`/api/namnd/sammantraden/${feb.id}`);
    expect(staff.statusCode).toBe(403);
  });
});

describe("a justerat protokoll", () => {
  it("is locked: no item, roster or protokoll change", async () => {
    const dec = await meetingOn("2023-12-13");
    const client = await t.as("sekreterare");
    const item = dec.items[0] as Item;
    const attempts = [
      await client.post(`/api/namnd/sammantraden/${dec.id}/punkter`, { kind: "information", title: "Sent tillägg" }),
      await client.put(`/api/namnd/sammantraden/${dec.id}/narvaro`, { attendees: [] }),
      await client.put(`/api/namnd/sammantraden/${dec.id}/protokoll`, { itemId: item.id, decision: "Ändrat beslut." }),
      await client.patch(`/api/namnd/sammantraden/${dec.id}`, { place: "Annan lokal" }),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().message).toBe("Protokollet justerades 2023-12-18 och kan inte ändras.");
    }
    expect((await meetingOn("2023-12-13")).items[0]?.decision).toBe(item.decision);
  });
});

describe("bad input", () => {
  it("names the field and writes nothing", async () => {
    const feb = await meetingOn("2024-02-15");
    const client = await t.as("sekreterare");
    const before = await countRows(t.database.db, "namnd_agenda_item");
    const unknown = await client.post(`/api/namnd/sammantraden/${feb.id}/punkter`, {
      kind: "arende",
      diarienummer: "IF 2023-09999",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.problems).toEqual([
      { field: "diarienummer", message: "IF-2023-09999 finns inte i diariet." },
    ]);
    const twice = await client.post(`/api/namnd/sammantraden/${feb.id}/punkter`, {
      kind: "staende",
      standingKind: "domar",
    });
    expect(twice.json().details.problems[0].field).toBe("standingKind");
    expect(await countRows(t.database.db, "namnd_agenda_item")).toBe(before);

    const attendeesBefore = await countRows(t.database.db, "namnd_meeting_attendee");
    const roster = await client.put(`/api/namnd/sammantraden/${feb.id}/narvaro`, {
      attendees: [
        { name: "Anna Andersson", party: "S", role: "ledamot", present: true },
        { name: "Bertil Berg", party: "S", role: "ersattare", present: true, servingFor: 0 },
      ],
    });
    expect(roster.statusCode).toBe(400);
    expect(roster.json().details.problems).toEqual([
      {
        field: "attendees.1.servingFor",
        message: "Anna Andersson är närvarande; Bertil Berg kan inte tjänstgöra i hens ställe.",
      },
    ]);
    expect(await countRows(t.database.db, "namnd_meeting_attendee")).toBe(attendeesBefore);
    expect((await meetingOn("2024-02-15")).attendees).toEqual(feb.attendees);
  });
});

describe("a meeting from planning to protokollsutdrag", () => {
  let meeting: Meeting;
  const client = () => t.as("sekreterare");

  it("is planned with the default period after the previous meeting's, and its agenda filled", async () => {
    const body = (await meetingOn("2024-02-15")).body;
    const res = await (await client()).post("/api/namnd/sammantraden", {
      bodyId: body.id,
      meetingDate: "2024-03-14",
      startTime: "13:00",
      place: "Kommunhuset",
    });
    expect(res.statusCode, res.body).toBe(200);
    meeting = res.json();
    expect([meeting.periodStart, meeting.periodEnd]).toEqual(["2024-02-01", "2024-03-13"]);
    let r = await (await client()).post(`/api/namnd/sammantraden/${meeting.id}/punkter`, {
      kind: "arende",
      // A case without a tjänsteskrivelse: its beslut must be written at the meeting.
      diarienummer: "if-2022-266",
    });
    expect(r.statusCode, r.body).toBe(200);
    r = await (await client()).post(`/api/namnd/sammantraden/${meeting.id}/staende`);
    meeting = r.json();
    expect(meeting.items.map((i) => i.kind)).toEqual(["arende", ...Array(7).fill("staende")]);
    expect(meeting.items[0]?.title).toBe("Internkontrollplan 2023");
    // Moved last and back first: the others keep their order.
    const order = meeting.items.map((i) => i.id);
    r = await (await client()).put(`/api/namnd/sammantraden/${meeting.id}/punkter`, { itemId: order[0], position: 99 });
    expect((r.json() as Meeting).items.map((i) => i.id)).toEqual([...order.slice(1), order[0]]);
    r = await (await client()).put(`/api/namnd/sammantraden/${meeting.id}/punkter`, { itemId: order[0], position: 0 });
    meeting = r.json();
    expect(meeting.items.map((i) => i.id)).toEqual(order);
  });

  it("is kallat, then genomfört with § continuing the 2024 series from 1", async () => {
    const early = await (await client()).get(`/api/namnd/sammantraden/${meeting.id}/kallelse?format=docx`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe("Kallelsen finns när sammanträdet är kallat; skicka kallelsen först.");
    let r = await (await client()).post(`/api/namnd/sammantraden/${meeting.id}/status`, { status: "kallat" });
    expect(r.statusCode, r.body).toBe(200);
    const called = standing(r.json(), "delegationsbeslut").count as number;
    // A delegation decision of the period registered after the kallelse: the live figures differ.
    const decision = await (await client()).post("/api/namnd/delegering/beslut", {
      orgNodeId: ifo(),
      point: "2.2.1",
      decidedOn: "2024-03-01",
      decider: { kind: "funktion", function: "Förvaltningschef", name: "Fredrika Förvaltningschef" },
      subject: "Fördelning av arbetsmiljöuppgift till enhetschef",
    });
    expect(decision.statusCode, decision.body).toBe(200);
    const after = (await (await client()).get(`/api/namnd/sammantraden/${meeting.id}`)).json() as Meeting;
    const item = after.items.find((i) => i.standingKind === "delegationsbeslut");
    expect([item?.standing?.presented?.count, item?.standing?.live.count]).toEqual([called, called + 1]);
    expect(item?.standing?.changedSinceCall).toBe(true);
    r = await (await client()).post(`/api/namnd/sammantraden/${meeting.id}/status`, { status: "genomfort" });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.problems[0].field).toBe("attendees");
    r = await (await client()).put(`/api/namnd/sammantraden/${meeting.id}/narvaro`, {
      attendees: [
        { name: "Olof Ordförande", party: "S", role: "ordforande", present: true },
        { name: "Vera Vice", party: "M", role: "ledamot", present: true, adjuster: true },
        { name: "Per Partisson", party: "C", role: "ledamot", present: false },
        { name: "Elsa Ersättare", party: "C", role: "ersattare", present: true, servingFor: 2 },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    r = await (await client()).post(`/api/namnd/sammantraden/${meeting.id}/status`, { status: "genomfort" });
    expect(r.statusCode, r.body).toBe(200);
    meeting = r.json();
    expect(meeting.items.map((i) => i.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(meeting.items[1]?.decision).toBe(meeting.items[1]?.proposal);
    expect(meeting.items[0]?.decision).toBeNull();
  });

  it("records yrkanden, writes the beslutsgång and refuses justering until every beslut is written", async () => {
    const [chair, vera, , elsa] = meeting.attendees;
    let r = await (await client()).post(`/api/namnd/sammantraden/${meeting.id}/status`, {
      status: "justerat",
      adjustedOn: "2024-03-18",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.problems).toEqual([
      { field: "items", message: "Beslut saknas för Internkontrollplan 2023." },
    ]);
    r = await (await client()).put(`/api/namnd/sammantraden/${meeting.id}/protokoll`, {
      itemId: meeting.items[0]?.id,
      decision: "Nämnden för Individ & Familjeomsorg antar internkontrollplanen 2023.",
      motions: [
        { attendeeId: chair?.id, kind: "yrkande", text: "Bifall till förvaltningens förslag.", adopted: true },
        { attendeeId: vera?.id, kind: "tillaggsyrkande", text: "Planen delges revisorerna.", adopted: true },
      ],
      reservations: [elsa?.id],
      recipients: ["Kommunstyrelsen", "Kommunrevisionen"],
    });
    expect(r.statusCode, r.body).toBe(200);
    meeting = r.json();
    expect(meeting.items[0]?.beslutsgang).toBe(
      "Ordföranden finner att det finns ett förslag till beslut, Olof Ordförandes (S) yrkande. " +
        "Ordföranden frågar om nämnden kan besluta enligt förslaget och finner att så sker. " +
        "Ordföranden frågar därefter om nämnden kan bifalla Vera Vices (M) tilläggsyrkande och finner att så sker.",
    );
    r = await (await client()).post(`/api/namnd/sammantraden/${meeting.id}/status`, {
      status: "justerat",
      adjustedOn: "2024-03-18",
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe("justerat");
  });

  it("gives the protokollsutdrag per recipient as Word and PDF", async () => {
    const item = meeting.items[0] as Item;
    const base = `/api/namnd/sammantraden/${meeting.id}/utdrag?itemId=${item.id}&recipient=Kommunstyrelsen`;
    const docx = await (await t.as("fortroendevald")).get(`${base}&format=docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(docx.headers["content-disposition"]).toBe(
      'attachment; filename="protokollsutdrag-2024-03-14-paragraf-1.docx"',
    );
    const html = await (await t.as("fortroendevald")).get(`${base}&format=html`);
    expect(html.body).toContain("PROTOKOLLSUTDRAG");
    expect(html.body).toContain("§ 1 Dnr IF-2022-00266");
    expect(html.body).toContain("Olof Ordförandes (S) yrkande");
    expect(html.body).toContain("Elsa Ersättare (C) reserverar sig mot beslutet.");
    expect(html.body).toContain("Utdrag till Kommunstyrelsen");
    const pdf = await (await t.as("fortroendevald")).get(`${base}&format=pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    const stranger = await (await t.as("fortroendevald")).get(
      `/api/namnd/sammantraden/${meeting.id}/utdrag?itemId=${item.id}&recipient=Okänd&format=html`,
    );
    expect(stranger.statusCode).toBe(400);
  });

  it("continues the series at the next meeting of 2024", async () => {
    const body = meeting.body;
    let r = await (await client()).post("/api/namnd/sammantraden", { bodyId: body.id, meetingDate: "2024-04-11" });
    const next = r.json() as Meeting;
    expect([next.periodStart, next.periodEnd]).toEqual(["2024-03-14", "2024-04-10"]);
    await (await client()).post(`/api/namnd/sammantraden/${next.id}/punkter`, {
      kind: "information",
      title: "Information",
    });
    await (await client()).put(`/api/namnd/sammantraden/${next.id}/narvaro`, {
      attendees: [{ name: "Olof Ordförande", party: "S", role: "ordforande", present: true }],
    });
    await (await client()).post(`/api/namnd/sammantraden/${next.id}/status`, { status: "kallat" });
    r = await (await client()).post(`/api/namnd/sammantraden/${next.id}/status`, { status: "genomfort" });
    expect((r.json() as Meeting).items.map((i) => i.paragraph)).toEqual([9]);
  });
});

describe("deleting a planned meeting and ställa in a kallat one", () => {
  const client = () => t.as("sekreterare");
  const auditOf = (id: string) =>
    t.database.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity", "=", "namnd_meeting")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
  const series = () =>
    t.database.db
      .selectFrom("namnd_paragraph_series")
      .select(["body_id", "year", "last_number"])
      .orderBy("body_id")
      .orderBy("year")
      .execute();
  const plan = async (meetingDate: string) => {
    const body = (await meetingOn("2024-02-15")).body;
    const res = await (await client()).post("/api/namnd/sammantraden", { bodyId: body.id, meetingDate });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as Meeting;
    const r = await (await client()).post(`/api/namnd/sammantraden/${m.id}/punkter`, {
      kind: "arende",
      diarienummer: "IF-2024-00037",
    });
    expect(r.statusCode, r.body).toBe(200);
    return m;
  };

  it("deletes a planned meeting with its agenda, audited, and nothing else", async () => {
    const others = await calendar();
    const items = await countRows(t.database.db, "namnd_agenda_item");
    const m = await plan("2024-05-16");
    expect(await countRows(t.database.db, "namnd_agenda_item")).toBe(items + 1);
    const res = await (await client()).delete(`/api/namnd/sammantraden/${m.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await (await client()).get(`/api/namnd/sammantraden/${m.id}`)).statusCode).toBe(404);
    expect(await calendar()).toEqual(others);
    expect(await countRows(t.database.db, "namnd_agenda_item")).toBe(items);
    expect((await auditOf(m.id)).map((a) => a.action)).toEqual(["create", "delete"]);
  });

  it("ställer in a kallat meeting: reason kept, agenda released, no § issued, audited", async () => {
    const m = await plan("2024-06-13");
    let r = await (await client()).post(`/api/namnd/sammantraden/${m.id}/status`, { status: "kallat" });
    expect(r.statusCode, r.body).toBe(200);
    const refused = await (await client()).delete(`/api/namnd/sammantraden/${m.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe("Kallelsen är skickad; ställ in sammanträdet i stället för att ta bort det.");
    const blank = await (await client()).post(`/api/namnd/sammantraden/${m.id}/installt`, { reason: " " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details.problems[0].field).toBe("reason");
    expect((await meetingOn("2024-06-13")).status).toBe("kallat");

    const othersBefore = (await calendar()).filter((x) => x.id !== m.id);
    const seriesBefore = await series();
    r = await (await client()).post(`/api/namnd/sammantraden/${m.id}/installt`, { reason: "Inga ärenden är beredda." });
    expect(r.statusCode, r.body).toBe(200);
    const cancelled = r.json() as Meeting & { cancelReason: string; cancelledOn: string };
    expect([cancelled.status, cancelled.cancelReason, cancelled.items]).toEqual([
      "installt",
      "Inga ärenden är beredda.",
      [],
    ]);
    expect((await calendar()).filter((x) => x.id !== m.id)).toEqual(othersBefore);
    expect(await series()).toEqual(seriesBefore);
    const audits = await auditOf(m.id);
    expect(audits.at(-1)?.after).toMatchObject({ status: "installt", cancel_reason: "Inga ärenden är beredda." });

    // Final: no further step, no change, not again, not deleted; the next meeting's period reaches over it.
    const attempts = [
      await (await client()).post(`/api/namnd/sammantraden/${m.id}/status`, { status: "genomfort" }),
      await (await client()).post(`/api/namnd/sammantraden/${m.id}/punkter`, { kind: "information", title: "X" }),
      await (await client()).post(`/api/namnd/sammantraden/${m.id}/installt`, { reason: "Igen." }),
      await (await client()).delete(`/api/namnd/sammantraden/${m.id}`),
    ];
    expect(attempts.map((a) => a.statusCode)).toEqual([400, 409, 409, 409]);
    expect(attempts[2]?.json().message).toBe("Sammanträdet är redan inställt.");
    const next = await (await client()).post("/api/namnd/sammantraden", {
      bodyId: m.body.id,
      meetingDate: "2024-06-20",
    });
    expect([next.json().periodStart, next.json().periodEnd]).toEqual(["2024-04-11", "2024-06-19"]);
  });

  it("lets a replacement be planned on an inställt meeting's day, but never two meetings to be held", async () => {
    const cancelled = (await calendar()).find((x) => x.meetingDate === "2024-06-13" && x.status === "installt");
    expect(cancelled).toBeDefined();
    const replacement = await plan("2024-06-13");
    expect(replacement.status).toBe("planerat");
    const day = (await calendar()).filter((x) => x.meetingDate === "2024-06-13").map((x) => x.status);
    expect(day.sort()).toEqual(["installt", "planerat"]);

    const again = await (await client()).post("/api/namnd/sammantraden", {
      bodyId: replacement.body.id,
      meetingDate: "2024-06-13",
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().details.problems).toEqual([
      { field: "meetingDate", message: `${replacement.body.name} har redan ett sammanträde 2024-06-13.` },
    ]);
    const moved = await (await client()).patch(`/api/namnd/sammantraden/${(await plan("2024-06-27")).id}`, {
      meetingDate: "2024-06-13",
    });
    expect(moved.statusCode).toBe(400);
    // The database holds the rule too, whatever a service checks.
    const copy = await t.database.db
      .selectFrom("namnd_meeting")
      .select(["org_node_id", "body_id", "meeting_date", "period_start", "period_end"])
      .where("id", "=", replacement.id)
      .executeTakeFirstOrThrow();
    await expect(t.database.db.insertInto("namnd_meeting").values(copy).execute()).rejects.toThrow(/unique/i);
    await t.database.db
      .insertInto("namnd_meeting")
      .values({ ...copy, status: "installt", called_on: "2024-06-01", cancelled_on: "2024-06-02", cancel_reason: "X" })
      .execute();
  });

  it("refuses both for a held or justerat meeting, in Swedish, writing nothing", async () => {
    const dec = await meetingOn("2023-12-13");
    const audits = await countRows(t.database.db, "audit_log");
    for (const res of [
      await (await client()).delete(`/api/namnd/sammantraden/${dec.id}`),
      await (await client()).post(`/api/namnd/sammantraden/${dec.id}/installt`, { reason: "Fel." }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe("Sammanträdet är genomfört och kan varken tas bort eller ställas in.");
    }
    expect(await meetingOn("2023-12-13")).toEqual(dec);
    expect(await countRows(t.database.db, "audit_log")).toBe(audits);
  });

  it("lets no förtroendevald delete or ställa in", async () => {
    const feb = await meetingOn("2024-02-15");
    const res = await (await t.as("fortroendevald")).post(`/api/namnd/sammantraden/${feb.id}/installt`, {
      reason: "Nej.",
    });
    expect(res.statusCode).toBe(403);
  });
});
