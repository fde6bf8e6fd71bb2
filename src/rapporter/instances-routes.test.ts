// A report's way from draft to publication over HTTP, on the demo's 2021 årsberättelse for IFO: writers and
// deadlines, a writer's text, comments, approval that locks, publishing refused on a blocking finding, the
// frozen copy with its checksum, the notice of changed data, the public reads and the copy to next year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { deadlinesFor } from "./reminders-service.ts";
import type { RapporterDB } from "./tables.ts";

let t: TestApp;
let ifo: string;
let id: string;
const MALL = "arbetsflode";

/** A template of its own, so the built-in ones may grow without changing what this test walks through. */
const content = {
  title: "Årsberättelse {år}",
  rounding: { tkr: 0, mnkr: 1, procent: 1 },
  chapters: [
    {
      id: "ekonomiskt-utfall",
      title: "Ekonomiskt utfall",
      blocks: [
        { kind: "authored", id: "resultat", text: "Nämnden redovisar ett resultat i balans." },
        { kind: "tile", id: "avvikelse", label: "Avvikelse mot budget {år}", figure: "{drift.summa.avvikelse.mnkr}" },
      ],
    },
    {
      id: "drift",
      title: "Drift",
      blocks: [
        {
          kind: "table",
          id: "drift",
          source: "ekonomi.drift",
          caption: "Drift {år} (tkr)",
          unit: "tkr",
          columns: [
            { key: "budget", label: "Budget {år}" },
            { key: "bokslut", label: "Bokslut {år}" },
            { key: "avvikelse", label: "Avvikelse" },
          ],
        },
      ],
    },
    {
      id: "prognossakerhet",
      title: "Prognossäkerhet",
      blocks: [{ kind: "authored", id: "prognoser", text: "Prognoserna beskrivs här." }],
    },
  ],
};

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  ifo = t.demo.nodes.ifo?.id ?? "";
  const saved = await (await t.as("admin")).put(`/api/rapporter/mallar/${MALL}`, {
    orgNodeId: t.demo.nodes.kommun?.id,
    name: "Årsberättelse",
    description: "Arbetsflödets test",
    content,
  });
  if (saved.statusCode !== 200) throw new Error(saved.body);
});
afterAll(() => t?.close());

const base = () => `/api/rapporter/instanser/${id}`;
type Chapter = { id: string; status: string; writer: { name: string } | null; deadline: string | null };
type Instance = {
  period: string;
  status: string;
  chapters: Array<
    Chapter & { texts: Array<{ block: string; text: string; own: boolean }>; comments: Array<{ text: string }> }
  >;
  findings: Array<{ severity: string; check: string }>;
  html: string;
  publication: { checksum: string } | null;
  changes: Array<{ where: string; published: string; now: string }>;
};
const get = async (): Promise<Instance> => (await (await t.as("controller")).get(base())).json();

describe("a report from draft to publication", () => {
  it("is created by the controller, once per template, nämnd and year; not by a reader", async () => {
    const body = { namndId: ifo, mall: MALL, period: 2021 };
    expect((await (await t.as("fortroendevald")).post("/api/rapporter/instanser", body)).statusCode).toBe(403);
    const res = await (await t.as("controller")).post("/api/rapporter/instanser", body);
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    const again = await (await t.as("controller")).post("/api/rapporter/instanser", body);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain("redan en årsberättelse för 2021");
    const report = await get();
    expect(report.status).toBe("utkast");
    expect(report.chapters.map((c) => [c.id, c.status])).toEqual([
      ["ekonomiskt-utfall", "ej-paborjad"],
      ["drift", "ej-paborjad"],
      ["prognossakerhet", "ej-paborjad"],
    ]);
    expect(report.findings).toEqual([]);
    expect(report.html).toContain("Årsberättelse 2021");
    const list = (await (await t.as("fortroendevald")).get(`/api/rapporter/instanser?orgNodeId=${ifo}`)).json();
    expect(list).toEqual([expect.objectContaining({ id, period: "2021", status: "utkast" })]);
  });

  it("gives a chapter a writer with a role in the nämnd and a deadline, which the reminders then carry", async () => {
    const controller = await t.as("controller");
    const writers = (await controller.get(`/api/rapporter/skribenter?orgNodeId=${ifo}`)).json() as Array<{
      id: string;
    }>;
    expect(writers.map((w) => w.id)).toContain(t.demo.users.kvalitet);
    expect(writers.map((w) => w.id)).not.toContain(t.demo.users["vo-controller"]);
    const stranger = await controller.put(`${base()}/kapitel`, {
      chapter: "ekonomiskt-utfall",
      writerId: t.demo.users["vo-controller"],
      deadline: "2022-02-15",
    });
    expect(stranger.statusCode).toBe(400);
    const res = await controller.put(`${base()}/kapitel`, {
      chapter: "ekonomiskt-utfall",
      writerId: t.demo.users.kvalitet,
      deadline: "2022-02-15",
    });
    expect(res.statusCode).toBe(200);
    const chapter = (await get()).chapters[0];
    expect(chapter).toMatchObject({ writer: { name: expect.any(String) }, deadline: "2022-02-15", overdue: true });
    const deadlines = await deadlinesFor(t.database.db as unknown as DbOf<RapporterDB>, "2022-02-10");
    expect(deadlines).toEqual([
      expect.objectContaining({
        kind: "rapporter.chapter",
        due: "2022-02-15",
        remindFrom: "2022-02-08",
        reference: "Årsberättelse 2021, kapitel ekonomiskt-utfall",
        href: `/rapporter/${id}`,
      }),
    ]);
  });

  it("lets the writer write their chapter's text (now pågår), and no one else but the approver", async () => {
    const text = {
      block: "resultat",
      text: "Nämnden redovisar ett {drift.summa.avvikelse.riktning} om {drift.summa.avvikelse.mnkr-abs}.",
    };
    expect((await (await t.as("fortroendevald")).put(`${base()}/text`, text)).statusCode).toBe(403);
    // The prognoser block is in a chapter without a writer: only the approver writes there.
    const other = await (await t.as("kvalitet")).put(`${base()}/text`, { block: "prognoser", text: "Annat." });
    expect(other.statusCode).toBe(403);
    expect((await (await t.as("kvalitet")).put(`${base()}/text`, text)).statusCode).toBe(200);
    const report = await get();
    expect(report.chapters[0]?.status).toBe("pagar");
    expect(report.chapters[0]?.texts.find((b) => b.block === "resultat")).toMatchObject({ own: true });
    expect(report.html).toMatch(/Nämnden redovisar ett överskott om 19,5/);
    const unknown = await (await t.as("kvalitet")).put(`${base()}/text`, { block: "finns-inte", text: "x" });
    expect(unknown.statusCode).toBe(400);
  });

  it("takes dated comments from readers", async () => {
    const res = await (await t.as("fortroendevald")).post(`${base()}/kommentarer`, {
      chapter: "drift",
      text: "Förklara avvikelsen för daglig verksamhet.",
    });
    expect(res.statusCode).toBe(200);
    const comments = (await get()).chapters[1]?.comments;
    expect(comments).toEqual([
      expect.objectContaining({ text: "Förklara avvikelsen för daglig verksamhet.", createdAt: expect.any(String) }),
    ]);
  });

  it("masks a personnummer in a text or a comment on save and says so", async () => {
    const kvalitet = await t.as("kvalitet");
    const saved = await kvalitet.put(`${base()}/text`, { block: "resultat", text: "Ärendet gällde 19850312-1234." });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      text: "Ärendet gällde ********-****.",
      warning: expect.stringContaining("maskerades"),
    });
    const plain = await kvalitet.put(`${base()}/text`, { block: "resultat", text: "Inga personuppgifter." });
    expect(plain.json()).toMatchObject({ text: "Inga personuppgifter.", warning: null });
    const comment = await (await t.as("fortroendevald")).post(`${base()}/kommentarer`, {
      chapter: "drift",
      text: "Se 8503121234.",
    });
    expect(comment.json()).toMatchObject({ text: "Se **********.", warning: expect.stringContaining("maskerades") });
    const stored = (await get()).chapters.flatMap((c) => [
      ...c.texts.map((x) => x.text),
      ...c.comments.map((m) => m.text),
    ]);
    expect(stored.join(" ")).not.toMatch(/19850312|8503121234/);
  });

  it("approves only with every chapter klar, locks the texts, and refuses to publish a placeholder", async () => {
    const controller = await t.as("controller");
    expect((await controller.post(`${base()}/status`, { status: "granskning" })).statusCode).toBe(200);
    const early = await controller.post(`${base()}/status`, { status: "godkand" });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain("Inte klara: Ekonomiskt utfall, Drift, Prognossäkerhet");
    await controller.put(`${base()}/text`, { block: "prognoser", text: "(Texten kompletteras senare.)" });
    for (const chapter of ["ekonomiskt-utfall", "drift", "prognossakerhet"]) {
      expect((await controller.put(`${base()}/kapitelstatus`, { chapter, status: "klar" })).statusCode).toBe(200);
    }
    expect((await controller.post(`${base()}/status`, { status: "godkand" })).statusCode).toBe(200);
    const locked = await (await t.as("kvalitet")).put(`${base()}/text`, { block: "resultat", text: "Ändrat." });
    expect(locked.statusCode).toBe(409);
    const refused = await controller.post(`${base()}/publicera`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain("blockerande");
    expect((await get()).findings.map((f) => f.check)).toContain("platshallare");
    // Reopened, corrected, approved again.
    expect((await controller.post(`${base()}/status`, { status: "utkast" })).statusCode).toBe(200);
    await controller.put(`${base()}/text`, { block: "prognoser", text: "Prognoserna träffade väl under året." });
    expect((await controller.post(`${base()}/status`, { status: "granskning" })).statusCode).toBe(200);
    expect((await controller.post(`${base()}/status`, { status: "godkand" })).statusCode).toBe(200);
  });

  it("publishes a frozen copy with its checksum, shown on the public area", async () => {
    expect((await (await t.as("fortroendevald")).post(`${base()}/publicera`)).statusCode).toBe(403);
    const res = await (await t.as("controller")).post(`${base()}/publicera`);
    expect(res.statusCode).toBe(200);
    expect(res.json().checksum).toMatch(/^[0-9a-f]{64}$/);
    const report = await get();
    expect(report).toMatchObject({ status: "publicerad", publication: { checksum: res.json().checksum }, changes: [] });
    const list = (await t.app.inject({ method: "GET", url: "/api/public/rapporter" })).json();
    expect(list.reports).toEqual([expect.objectContaining({ id, title: "Årsberättelse 2021", period: "2021" })]);
    const shown = (await t.app.inject({ method: "GET", url: `/api/public/rapporter/${id}` })).json();
    expect(shown).toMatchObject({ title: "Årsberättelse 2021", checksum: res.json().checksum });
    expect(shown.html).toContain("Prognoserna träffade väl under året.");
    expect(JSON.stringify(shown)).not.toContain("Förklara avvikelsen"); // no comments in public
  });

  it("keeps the published figures when the data changes, and names each change", async () => {
    const controller = await t.as("controller");
    const before = await get();
    const figures = (
      await controller.get(`/api/ekonomi/namnder/${ifo}/years/2021/figures?kind=kostnader`)
    ).json() as Array<{
      levelId: string;
      kind: string;
      periodType: string;
      periodNo: number;
      amountKr: number;
    }>;
    const figure = figures.find((f) => f.amountKr < 0);
    if (!figure) throw new Error("the demo has 2021 kostnader");
    const { levelId, kind, periodType, periodNo } = figure;
    const saved = await controller.put(`/api/ekonomi/namnder/${ifo}/years/2021/figures`, {
      figures: [{ levelId, kind, periodType, periodNo, amountKr: figure.amountKr - 1_000_000 }],
    });
    expect(saved.statusCode).toBe(200);
    const after = await get();
    expect(after.html).toBe(before.html);
    expect(after.changes.map((c) => c.where)).toContain("Drift 2021 (tkr), Summa, Bokslut 2021");
    const summa = after.changes.find((c) => c.where === "Drift 2021 (tkr), Summa, Bokslut 2021");
    expect(summa?.published.replace(/\u00a0/g, " ")).toBe("\u2212679 576");
    expect(summa?.now).not.toBe(summa?.published);
    expect(after.changes.map((c) => c.where)).toContain("Avvikelse mot budget 2021: {drift.summa.avvikelse.mnkr}");
    const file = await controller.get(`${base()}/fil?format=html`);
    expect(file.body.replace(/\u00a0/g, " ")).toContain("\u2212679 576");
  });

  it("copies to the next year with writers, deadlines a year later and the texts as drafts", async () => {
    const res = await (await t.as("controller")).post(`${base()}/kopiera`);
    expect(res.statusCode).toBe(200);
    const copy = (await (await t.as("controller")).get(`/api/rapporter/instanser/${res.json().id}`)).json() as Instance;
    expect(copy.status).toBe("utkast");
    expect(copy.chapters[0]).toMatchObject({
      status: "ej-paborjad",
      deadline: "2023-02-15",
      writer: { name: expect.any(String) },
    });
    expect(copy.period).toBe("2022");
    expect(copy.chapters[2]?.texts[0]).toMatchObject({ text: "Prognoserna träffade väl under året.", own: true });
    expect((await (await t.as("controller")).post(`${base()}/kopiera`)).statusCode).toBe(409);
  });
});

describe("a report for a period shorter than a year", () => {
  it("refuses a period that is none, naming the field", async () => {
    const res = await (await t.as("controller")).post("/api/rapporter/instanser", {
      namndId: ifo,
      mall: MALL,
      period: "2023-T3",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Period");
    expect(res.body).toContain("ett tertial (2023-T2)");
  });

  it("is created for a quarter, named by it, and copied to the next quarter with deadlines three months later", async () => {
    const controller = await t.as("controller");
    const res = await controller.post("/api/rapporter/instanser", { namndId: ifo, mall: MALL, period: "2023q4" });
    expect(res.statusCode).toBe(200);
    const quarter = `/api/rapporter/instanser/${res.json().id}`;
    expect(((await controller.get(quarter)).json() as Instance).period).toBe("2023-Q4");
    const chapter = "ekonomiskt-utfall";
    expect(
      (await controller.put(`${quarter}/kapitel`, { chapter, writerId: null, deadline: "2024-01-31" })).statusCode,
    ).toBe(200);
    const copied = await controller.post(`${quarter}/kopiera`);
    expect(copied.statusCode).toBe(200);
    const copy = (await controller.get(`/api/rapporter/instanser/${copied.json().id}`)).json() as Instance;
    expect(copy.period).toBe("2024-Q1");
    expect(copy.chapters.find((c) => c.id === chapter)?.deadline).toBe("2024-04-30");
    const again = await controller.post("/api/rapporter/instanser", { namndId: ifo, mall: MALL, period: "2024-Q1" });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain("för kvartal 1 2024");
  });
});
