import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { formatQuarter, quarterOf, todayInSweden } from "../platform/calendar.ts";
import { evbTestApp } from "./testing.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;

type Catalogue = { insatser: { id: string; code: string; name: string; lagrum: string }[] };
type Decision = {
  id: string;
  personId: string;
  unit: string;
  sex: string;
  clock: { status: string; reportable: boolean; deadline: string | null; daysWaited: number | null };
  offers: { id: string; date: string; answer: string | null }[];
  interruptions: { id: string; start: string; resumed: string | null }[];
  history: { entity: string; action: string; changes: string[] }[];
};

beforeAll(async () => {
  t = await evbTestApp();
});
afterAll(() => t.close());

async function insatsId(code: string): Promise<string> {
  const admin = await t.as("admin");
  const catalogue = (await admin.get(`/api/evb/catalogue?orgNodeId=${node("ifo")}`)).json() as Catalogue;
  return catalogue.insatser.find((i) => i.code === code)?.id as string;
}

const auditCount = async (entityId: string) =>
  (await t.database.db.selectFrom("audit_log").select("id").where("entity_id", "=", entityId).execute()).length;

describe("who sees the register", () => {
  it("shows a handläggare only the decisions of her own unit", async () => {
    const h = await t.as("handlaggare");
    const res = await h.get("/api/evb/decisions");
    expect(res.statusCode).toBe(200);
    const { decisions } = res.json() as { decisions: Decision[] };
    expect(new Set(decisions.map((d) => d.unit))).toEqual(new Set(["Myndighet funktionsnedsättning"]));
    expect(decisions).toHaveLength(7);
    // Choosing the whole nämnd does not widen what she sees.
    const wide = (await h.get(`/api/evb/decisions?orgNodeId=${node("ifo")}`)).json() as { decisions: Decision[] };
    expect(wide.decisions).toHaveLength(7);
  });

  it("shows an enhetschef her unit, filtered by status", async () => {
    const e = await t.as("enhetschef");
    const all = (await e.get("/api/evb/decisions")).json() as { decisions: Decision[] };
    expect(all.decisions.map((d) => d.personId).sort()).toEqual(["19830919-T322", "19930303-T404"]);
    const open = (await e.get("/api/evb/decisions?status=oppna")).json() as { decisions: Decision[] };
    expect(open.decisions).toHaveLength(0);
    const asOf = (await e.get("/api/evb/decisions?status=rapporteringspliktiga&asOf=2023-12-31")).json() as {
      decisions: Decision[];
    };
    expect(asOf.decisions.map((d) => d.personId).sort()).toEqual(["19830919-T322", "19930303-T404"]);
  });

  it("filters the kommun's register by law, sex and status", async () => {
    const k = await t.as("kvalitet");
    const res = (
      await k.get(
        `/api/evb/decisions?orgNodeId=${node("ifo")}&law=LSS&sex=K&status=rapporteringspliktiga&asOf=2023-12-31`,
      )
    ).json() as {
      decisions: Decision[];
    };
    // LSS, women, overdue on 2023-12-31: six gruppbostad, servicebostad, daglig verksamhet and avlösare waits.
    expect(res.decisions.map((d) => d.personId).sort()).toEqual([
      "19790123-T381",
      "19830919-T322",
      "19890101-T244",
      "19930303-T404",
      "19980817-T222",
      "20080808-T260",
    ]);
  });

  it("refuses the register to roles without read:personal", async () => {
    for (const user of ["controller", "fortroendevald"]) {
      const res = await (await t.as(user)).get("/api/evb/decisions");
      expect(res.statusCode, user).toBe(403);
      expect(res.json().message).toBe("Du saknar behörighet att läsa personuppgifter.");
    }
  });
});

describe("registering and editing", () => {
  let id: string;

  it("registers a decision in the handläggare's unit and audits it", async () => {
    const h = await t.as("handlaggare");
    const res = await h.post("/api/evb/decisions", {
      orgNodeId: node("msb-lss"),
      personId: "20120917-t384",
      insatsId: await insatsId("lss-9-5"),
      decisionDate: "2024-03-04",
      delayReason: "resursbrist",
      reasonText: "Ingen avlösare med teckenspråk",
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Decision;
    id = d.id;
    expect(d).toMatchObject({ personId: "20120917-T384", sex: "K", unit: "Myndighet funktionsnedsättning" });
    expect(d.clock).toMatchObject({ status: "vantar", reportable: true, deadline: "2024-06-04" });
    expect(d.history).toMatchObject([{ entity: "evb_decision", action: "create", actor: "Hassan Handläggare" }]);
  });

  it("refuses a personnummer and writes nothing", async () => {
    const h = await t.as("handlaggare");
    const before = await t.database.db.selectFrom("evb_decision").select("id").execute();
    const res = await h.post("/api/evb/decisions", {
      orgNodeId: node("msb-lss"),
      personId: "19850312-1234",
      insatsId: await insatsId("lss-9-5"),
      decisionDate: "2024-03-04",
    });
    expect(res.statusCode).toBe(400);
    // The field by its label, as on the form.
    expect(res.json().message).toMatch(/^Beslutet sparades inte: Id: Ange inte personnummer/);
    expect(await t.database.db.selectFrom("evb_decision").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses future dates and an insats from no catalogue", async () => {
    const h = await t.as("handlaggare");
    const res = await h.post("/api/evb/decisions", {
      orgNodeId: node("msb-lss"),
      personId: "20120917-T384",
      insatsId: "00000000-0000-4000-8000-000000000000",
      decisionDate: "2999-03-04",
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().details.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(["decisionDate", "insatsId"]);
  });

  it("names each refused field by its label, an offer by its row, in plain Swedish and once", async () => {
    const h = await t.as("handlaggare");
    const res = await h.post("/api/evb/decisions", {
      orgNodeId: node("msb-lss"),
      personId: "20120917-T384",
      insatsId: await insatsId("lss-9-5"),
      decisionDate: "2024-03-04",
      partsTotal: "två",
      offers: [{ date: "2024-04-01" }, { date: "2024-02-30", answer: "kanske" }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.details.heading).toBe("Innehållet är ogiltigt");
    expect(body.details.problems).toEqual([
      { field: "partsTotal", label: "Antal insatser i beslutet", message: "måste vara ett tal." },
      {
        field: "offers.1.date",
        label: "Erbjudanden, rad 2 – Erbjudet datum",
        message: "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.",
      },
      { field: "offers.1.answer", label: "Erbjudanden, rad 2 – Svar", message: "Svaret ska vara ja eller nej." },
    ]);
    // No internal path or validator wording in what a person reads.
    expect(body.message).not.toMatch(/offers|partsTotal|Ogiltig inmatning|förväntat/);
  });

  it("names refused fields of closing, the path and the register filter by their labels", async () => {
    const h = await t.as("handlaggare");
    const close = (await h.post(`/api/evb/decisions/${id}/close`, { closedDate: "2024-13-01" })).json();
    expect(close.message).toBe(
      "Innehållet är ogiltigt: Avslutat den: Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD. Avslutsorsak: saknas.",
    );
    const path = (await h.get("/api/evb/decisions/inte-ett-id")).json();
    expect(path.message).toBe("Sökvägen är ogiltig: Beslutets id: måste vara ett id (UUID).");
    const filter = (await h.get(`/api/evb/decisions?orgNodeId=${node("msb-lss")}&sex=X`)).json();
    expect(filter.message).toMatch(/^Frågan är ogiltig: Kön: /);
    for (const body of [close, path, filter])
      expect(body.message).not.toMatch(/closedDate|closureReason|"id"|sex|Fältet/);
  });

  it("refuses a handläggare another unit", async () => {
    const res = await (await t.as("handlaggare")).post("/api/evb/decisions", {
      orgNodeId: node("bss-almen"),
      personId: "20120917-T384",
      insatsId: await insatsId("lss-9-9-grupp"),
      decisionDate: "2024-03-04",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("Du saknar skrivbehörighet för Gruppbostad Almen.");
  });

  it("edits with one audit row per change, and none when nothing changed", async () => {
    const h = await t.as("handlaggare");
    const before = await auditCount(id);
    const res = await h.patch(`/api/evb/decisions/${id}`, {
      reasonText: "Ingen avlösare med teckenspråk ännu",
      partsTotal: 2,
      partsExecuted: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditCount(id)).toBe(before + 1);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["before", "after", "actor_name"])
      .where("entity_id", "=", id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe("Hassan Handläggare");
    expect(audit.before).toMatchObject({ reason_text: "Ingen avlösare med teckenspråk", parts_total: 1 });
    expect(audit.after).toMatchObject({
      reason_text: "Ingen avlösare med teckenspråk ännu",
      parts_total: 2,
      parts_executed: 1,
    });
    const latest = (res.json() as Decision).history[0];
    expect(latest?.action).toBe("update");
    expect(latest?.changes.sort()).toEqual(["parts_executed", "parts_total", "reason_text"]);
    await h.patch(`/api/evb/decisions/${id}`, { reasonText: "Ingen avlösare med teckenspråk ännu" });
    expect(await auditCount(id)).toBe(before + 1);
  });

  it("keeps a declined offer from closing the decision, then executes it", async () => {
    const h = await t.as("handlaggare");
    const offered = await h.post(`/api/evb/decisions/${id}/offers`, {
      date: "2024-04-02",
      answer: "nej",
      note: "Avböjde tiden",
    });
    expect(offered.statusCode, offered.body).toBe(200);
    const d = offered.json() as Decision;
    expect(d.offers).toMatchObject([{ date: "2024-04-02", answer: "nej" }]);
    expect(d.clock.status).toBe("vantar");
    expect(await auditCount(d.offers[0]?.id as string)).toBe(1);

    const early = await h.post(`/api/evb/decisions/${id}/offers`, { date: "2024-01-02", answer: "ja" });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain("Erbjudandet 2024-01-02 ligger före beslutsdatum 2024-03-04.");

    const executed = await h.post(`/api/evb/decisions/${id}/execute`, { executedDate: "2024-06-20" });
    expect(executed.statusCode, executed.body).toBe(200);
    expect((executed.json() as Decision).clock.status).toBe("verkstalld");
    const again = await h.post(`/api/evb/decisions/${id}/execute`, { executedDate: "2024-06-21" });
    expect(again.statusCode).toBe(409);
  });

  it("records an interruption after execution and its resumption", async () => {
    const h = await t.as("handlaggare");
    const bad = await h.post(`/api/evb/decisions/${id}/interruptions`, {
      start: "2024-05-01",
      reasonCode: "halsotillstand",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("Avbrottet 2024-05-01 ligger före verkställigheten 2024-06-20.");

    const added = await h.post(`/api/evb/decisions/${id}/interruptions`, {
      start: "2024-09-02",
      reasonCode: "halsotillstand",
    });
    expect(added.statusCode, added.body).toBe(200);
    const x = (added.json() as Decision).interruptions[0];
    expect(x).toMatchObject({ start: "2024-09-02", resumed: null });

    const resumed = await h.patch(`/api/evb/interruptions/${x?.id}`, { resumed: "2024-11-04" });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect((resumed.json() as Decision).interruptions[0]?.resumed).toBe("2024-11-04");
  });

  it("closes a decision only with a known closure reason", async () => {
    const h = await t.as("handlaggare");
    const created = (
      await h.post("/api/evb/decisions", {
        orgNodeId: node("msb-lss"),
        personId: "20020202-T171",
        insatsId: await insatsId("lss-9-3"),
        decisionDate: "2024-02-01",
      })
    ).json() as Decision;
    const unknown = await h.post(`/api/evb/decisions/${created.id}/close`, {
      closedDate: "2024-03-01",
      closureReason: "tröttnade",
    });
    expect(unknown.statusCode).toBe(400);
    const wrong = await h.post(`/api/evb/decisions/${created.id}/close`, {
      closedDate: "2024-03-01",
      closureReason: "okand",
    });
    expect(wrong.json().message).toMatch(
      /Okänd kod okand\. Giltiga koder: aterkallad, behov-upphort, avliden, flyttat, nytt-beslut, annat\./,
    );
    const closed = await h.post(`/api/evb/decisions/${created.id}/close`, {
      closedDate: "2024-03-01",
      closureReason: "aterkallad",
    });
    expect((closed.json() as Decision).clock.status).toBe("avslutad");
    const executeClosed = await h.post(`/api/evb/decisions/${created.id}/execute`, { executedDate: "2024-03-05" });
    expect(executeClosed.statusCode).toBe(409);
    expect(executeClosed.json().message).toBe("Beslutet avslutades 2024-03-01 och kan inte verkställas.");
    // The decision above was executed and its interruption resumed: nothing waits, so nothing to close.
    const closeExecuted = await h.post(`/api/evb/decisions/${id}/close`, {
      closedDate: "2024-11-20",
      closureReason: "avliden",
    });
    expect(closeExecuted.statusCode).toBe(409);
  });
});

describe("quarter reports", () => {
  it("offers every quarter from the unit's first decision to today, newest first", async () => {
    const f = await t.as("fortroendevald");
    const { quarters } = (await f.get(`/api/evb/reports?orgNodeId=${node("ifo")}`)).json() as { quarters: string[] };
    // The fixture's earliest decision is of 2021-03-01.
    expect(quarters.at(-1)).toBe("2021Q1");
    expect(quarters[0]).toBe(formatQuarter(quarterOf(todayInSweden())));
    expect(quarters).toContain("2023Q4");
    expect([...quarters].sort().reverse()).toEqual(quarters);
    const years = Number(quarters[0]?.slice(0, 4)) - 2021;
    expect(quarters).toHaveLength(years * 4 + Number(quarters[0]?.at(-1)));
    // Nothing decided under Vård & Omsorg: the last four quarters.
    const none = (await (await t.as("admin")).get(`/api/evb/reports?orgNodeId=${node("vo")}`)).json();
    expect(none.quarters).toHaveLength(4);
  });

  it("pages each of the report's lists by its own offset, with the lists' totals", async () => {
    const k = await t.as("admin");
    const url = `/api/evb/reports/2023Q4?orgNodeId=${node("ifo")}`;
    const whole = (await k.get(`${url}&limit=500`)).json();
    const rowsOf = (units: { unit: string; open: object[]; finished: object[] }[]) =>
      units.flatMap((u) => [...u.open, ...u.finished].map((r) => ({ unit: u.unit, ...r })));
    expect(whole.committeeTotal).toBe(rowsOf(whole.committee).length);
    expect(whole.statistics.openRowsTotal).toBe(whole.statistics.openRows.length);
    expect(whole.statistics.finishedRowsTotal).toBe(whole.statistics.finishedRows.length);
    expect(whole.statistics.finishedRowsTotal).toBeGreaterThan(1);
    const page = (
      await k.get(`${url}&limit=2&offset=1&committeeOffset=3&openRowsOffset=4&finishedRowsOffset=1`)
    ).json();
    expect(page.ivo).toEqual(whole.ivo.slice(1, 3));
    expect(rowsOf(page.committee)).toEqual(rowsOf(whole.committee).slice(3, 5));
    expect(page.statistics.openRows).toEqual(whole.statistics.openRows.slice(4, 6));
    expect(page.statistics.finishedRows).toEqual(whole.statistics.finishedRows.slice(1, 3));
    expect(page.counts).toEqual(whole.counts);
    expect([page.ivoTotal, page.committeeTotal]).toEqual([whole.ivoTotal, whole.committeeTotal]);
  });

  it("gives a förtroendevald the counts and KF figures, but neither the IVO list nor the committee's rows", async () => {
    const f = await t.as("fortroendevald");
    const res = await f.get(`/api/evb/reports/2023Q4?orgNodeId=${node("ifo")}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.ivo).toBeNull();
    expect(report.counts.totalOpen).toBe(18);
    expect(report.statistics.open).toEqual({ total: 18, women: 10, men: 8 });
    // Rows per decision (dates, free-text reasons) are personal data: see personal-data.test.ts.
    expect(report.committee).toBeNull();
    expect(
      (await f.get(`/api/evb/reports/2023Q4/export?orgNodeId=${node("ifo")}&format=csv&part=ivo`)).statusCode,
    ).toBe(403);
  });

  it("downloads the IVO list as CSV for Swedish Excel", async () => {
    const k = await t.as("kvalitet");
    const res = await k.get(`/api/evb/reports/2023Q4/export?orgNodeId=${node("ifo")}&format=csv&part=ivo`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="evb-2023Q4-ivo.csv"');
    const lines = res.body.split("\r\n");
    expect(lines[0]?.startsWith("\uFEFFRapporttyp;Avser;Tidigare rapporterat;Id;Kön;")).toBe(true);
    expect(lines.filter((l) => l.startsWith("Ny;"))).toHaveLength(8);
    const line = lines.find((l) => l.includes("19920404-T053"));
    expect(line).toContain(
      "Återrapportering;Beslut;Ja;19920404-T053;Man;Nej;Bostad med särskild service;LSS;9 § 9 LSS;",
    );
    expect(line).toContain(";2022-03-16;;2022-06-17;655;Den enskilde har tackat nej;Tackat nej till 4 erbjudanden;;");
  });

  it("downloads the whole report as XLSX", async () => {
    const k = await t.as("kvalitet");
    const res = await k.get(`/api/evb/reports/2024Q1/export?orgNodeId=${node("ifo")}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Sammanställning", "Nämnd", "KF-statistik", "IVO-lista"]);
    const summary = workbook.getWorksheet("Sammanställning");
    expect(summary?.getRow(2).values).toEqual([undefined, "Ej verkställda på rapportdagen", 14]);
    expect(workbook.getWorksheet("IVO-lista")?.rowCount).toBe(1 + 24);
    const kf = workbook.getWorksheet("KF-statistik");
    expect(kf?.getRow(kf.rowCount).values).toEqual([undefined, "Totalt", undefined, undefined, 14, 8, 6]);
  });

  it("leaves the IVO sheet out of the workbook for readers without read:personal", async () => {
    const res = await (await t.as("fortroendevald")).get(
      `/api/evb/reports/2024Q1/export?orgNodeId=${node("ifo")}&format=xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Sammanställning", "KF-statistik"]);
  });

  it("refuses another nämnd's controller and a quarter that has not begun", async () => {
    const vo = await t.as("vo-controller");
    expect((await vo.get(`/api/evb/reports/2023Q4?orgNodeId=${node("ifo")}`)).statusCode).toBe(403);
    const k = await t.as("kvalitet");
    const future = await k.get(`/api/evb/reports/2999Q1?orgNodeId=${node("ifo")}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe("Kvartalet 2999Q1 har inte börjat än.");
    expect((await k.get(`/api/evb/reports/2023Q5?orgNodeId=${node("ifo")}`)).statusCode).toBe(400);
  });

  it("gives a controller the dashboard as counts without ids", async () => {
    const res = await (await t.as("controller")).get(`/api/evb/dashboard?orgNodeId=${node("ifo")}&asOf=2024-03-15`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    // The fixture's 18 open waits and the decision registered above on 2024-03-04.
    expect(board.open).toBe(19);
    // Two early warnings: a count under 3, suppressed, and no rows per decision.
    expect(board).toMatchObject({ earlyWarningCount: null, earlyWarnings: null, longestWaits: null });
    expect(res.body).not.toMatch(/T\d{3}"/);
  });
});

describe("the catalogue is data the admin edits", () => {
  it("lets an admin add an insats and change a lagrum, audited", async () => {
    const admin = await t.as("admin");
    const stodboende = {
      orgNodeId: node("ifo"),
      code: "sol-stodboende",
      law: "SoL",
      lagrum: "4 kap. 1 § SoL",
      name: "Stödboende",
    };
    const created = await admin.post("/api/evb/catalogue/insatser", stodboende);
    expect(created.statusCode, created.body).toBe(200);
    const patched = await admin.patch(`/api/evb/catalogue/insatser/${created.json().id}`, {
      lagrum: "4 kap. 1 § SoL (2001:453)",
    });
    expect(patched.json()).toMatchObject({ code: "sol-stodboende", lagrum: "4 kap. 1 § SoL (2001:453)" });
    expect(await auditCount(created.json().id)).toBe(2);
    // The same name in another case is the same insats, whatever its code.
    const dup = await admin.post("/api/evb/catalogue/insatser", {
      ...stodboende,
      code: "sol-stodboende-2",
      name: "stödboende",
    });
    expect(dup.statusCode).toBe(409);
  });

  it("refuses catalogue edits to everyone but the kommun's admin", async () => {
    const res = await (await t.as("kvalitet")).post("/api/evb/catalogue/codes", {
      orgNodeId: node("ifo"),
      kind: "delay",
      code: "lokalbrist",
      label: "Lokalbrist",
      side: "kommun",
    });
    expect(res.statusCode).toBe(403);
  });

  it("stops a deactivated insats from being chosen anew", async () => {
    const admin = await t.as("admin");
    const id = await insatsId("lss-9-1");
    await admin.patch(`/api/evb/catalogue/insatser/${id}`, { active: false });
    const res = await (await t.as("handlaggare")).post("/api/evb/decisions", {
      orgNodeId: node("msb-lss"),
      personId: "20120917-T384",
      insatsId: id,
      decisionDate: "2024-03-04",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("Insatsen Råd och stöd är inaktiverad i katalogen.");
  });
});

describe("import over HTTP", () => {
  it("takes a CSV body and reports rows", async () => {
    const h = await t.as("handlaggare");
    const csv = [
      "id,kon,enhet,lag,lagrum,insats,beslutsdatum,avbrott_fran,avbrott_till,verkstallt,avslutat,avslutsorsak,orsakskod,skal,erbjudanden",
      "20130101-T456,,Myndighet funktionsnedsättning,LSS,9 § 6,lss-9-6,2024-02-05,,,,,,resursbrist,Brist på korttidsplatser,",
    ].join("\n");
    const res = await h.request({
      method: "POST",
      url: `/api/evb/import?orgNodeId=${node("msb-lss")}&dryRun=true`,
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0, dryRun: true });
  });
});
