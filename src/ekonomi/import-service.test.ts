import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { countRows, runLots, type TestApp } from "../app/testing.ts";
import { withDemoApp } from "./testing.ts";

let t: TestApp;
let ifo: string;
let vo: string;
withDemoApp((demo) => {
  ({ t, ifo, vo } = demo);
});

const root = path.resolve(import.meta.dirname, "../..");
const file = (relative: string) => fs.readFileSync(path.join(root, relative));
const upload = (relative: string) => ({
  fileName: path.basename(relative),
  contentBase64: file(relative).toString("base64"),
});
const inline = (fileName: string, text: string) => ({
  fileName,
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
});

const demoLedger = "demo/ekonomi/huvudbok-ifo-2023-jan-apr.csv";
const ledgerMapping = { amount: "Belopp", period: "Period", konto: "Konto", ansvar: "Ansvar" };

const count = (table: "ekonomi_figure" | "audit_log" | "ekonomi_import") => countRows(t.database.db, table);

/** The demo ledger's own total, computed here independently: income is credit (−) in the ledger. */
function ledgerTotalKr() {
  const lines = file(demoLedger).toString("utf8").trim().split("\n").slice(1);
  const ore = lines.reduce(
    (sum, line) => sum + Number((line.split(";")[3] ?? "").replace(/\s/g, "").replace(",", "")),
    0,
  );
  return -Math.round(ore / 100);
}

describe("CSV import with a mapping step", () => {
  it("previews columns and suggests a mapping", async () => {
    const res = await (await t.as("controller")).post("/api/ekonomi/imports/preview", upload(demoLedger));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      format: "csv",
      encoding: "utf-8",
      headers: ["Konto", "Ansvar", "Period", "Belopp", "Text"],
      rowCount: 256,
    });
    expect(body.suggestedMapping).toEqual(ledgerMapping);
    // Hashed as it is read, in the same pass that parses it.
    expect(body.fileHash).toBe(crypto.createHash("sha256").update(file(demoLedger)).digest("hex"));
    expect(body.sampleRows[0]).toEqual({
      line: 2,
      cells: ["4511", "450", "2023-01", "3 305 039,94", "Löner månadsavlönade"],
    });
  });

  it("takes a ledger file larger than the server's default 1 MB body limit", async () => {
    // 40 000 rows ≈ 1.6 MB of CSV, ≈ 2.2 MB as base64 in JSON.
    const rows = Array.from({ length: 40_000 }, (_, i) => `4511;450;2023-01;${i},00;Rad ${i}`);
    const res = await (await t.as("controller")).post(
      "/api/ekonomi/imports/preview",
      inline("stor.csv", ["Konto;Ansvar;Period;Belopp;Text", ...rows].join("\n")),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: "csv", rowCount: 40_000 });
  });

  it("imports the ledger Jan–Apr into the seven areas and the follow-up adds up to the ledger's total", async () => {
    const client = await t.as("controller");
    const res = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...upload(demoLedger),
      kind: "utfall",
      mapping: ledgerMapping,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      alreadyImported: false,
      rowsRead: 256,
      rowsUsed: 256,
      rowsSkipped: 0,
      figuresChanged: 52,
    });
    const f = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/follow-up`)).json();
    expect([f.throughMonth, f.periodLabel, f.complete]).toEqual([4, "jan–apr", false]);
    // Each level's month sums are rounded to kronor once, so the total is within a krona per level and month of the ledger.
    expect(Math.abs(f.total.nettoKr - ledgerTotalKr())).toBeLessThanOrEqual(52);
    expect(f.rows.every((r: { nettoKr: number | null }) => r.nettoKr !== null && r.nettoKr < 0)).toBe(true);
    expect(f.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const client = await t.as("controller");
    const [figures, audits] = [await count("ekonomi_figure"), await count("audit_log")];
    const res = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...upload(demoLedger),
      kind: "utfall",
      mapping: ledgerMapping,
    });
    expect(res.json()).toMatchObject({ alreadyImported: true, figuresChanged: 0 });
    expect([await count("ekonomi_figure"), await count("audit_log")]).toEqual([figures, audits]);
    expect((await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/imports`)).json()).toHaveLength(1);
  });

  it("a corrected ledger changes only the figures that differ and logs them with before and after in one event", async () => {
    const client = await t.as("controller");
    const [header, first, ...rest] = file(demoLedger).toString("utf8").trim().split("\n");
    // 1 000 kr more on January's first row, and a new May row on the same ansvar.
    const corrected = [
      header,
      first?.replace("3 305 039,94", "3 306 039,94"),
      ...rest,
      "4511;450;2023-05;500,00;Rättelse",
    ];
    const audits = await count("audit_log");
    const res = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...inline("huvudbok-rattad.csv", corrected.join("\n")),
      kind: "utfall",
      mapping: ledgerMapping,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ alreadyImported: false, rowsUsed: 257, figuresChanged: 2 });
    // One event lists both figures with before and after, named for people.
    const logged = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity", "=", "ekonomi_figure")
      .orderBy("chain_seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const rows = (logged.after as { rows: Array<{ label: string; before: number | null; after: number }> }).rows;
    expect(logged.action).toBe("update");
    const updated = rows.find((r) => r.before !== null);
    const created = rows.find((r) => r.before === null);
    expect(rows).toHaveLength(2);
    // A cost (debit) is stored in report sign: 1 000 kr more cost is 1 000 kr lower.
    expect(Number(updated?.after) - Number(updated?.before)).toBe(-1000);
    expect(updated?.label).toMatch(/, utfall kostnader, januari 2023$/);
    expect(created).toMatchObject({ before: null, after: -500 });
    expect(created?.label).toMatch(/maj 2023$/);
    // The figures' event and the new import record: nothing else was logged.
    expect(await count("audit_log")).toBe(audits + 2);
  });

  it("imports nothing from a file with non-numeric amounts and names the rows", async () => {
    const before = await count("ekonomi_figure");
    const res = await (await t.as("controller")).post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...upload("src/ekonomi/fixtures/ogiltiga-belopp.csv"),
      kind: "utfall",
      mapping: ledgerMapping,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toBe(
      'Inget importerades: 2 rader har fel. Rad 3: Fältet "Belopp": "380 000,5O" är inte ett belopp. Rad 5: Fältet "Belopp": "tjugofem tusen" är inte ett belopp.',
    );
    expect(body.details.problems.map((p: { row: number }) => p.row)).toEqual([3, 5]);
    expect(await count("ekonomi_figure")).toBe(before);
  });

  it("names a mapped column the file does not have", async () => {
    const res = await (await t.as("controller")).post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...upload("src/ekonomi/fixtures/saknar-kolumn.csv"),
      kind: "utfall",
      mapping: ledgerMapping,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems[0]).toMatchObject({ row: 1, field: "Kolumner – Belopp" });
  });

  describe("a file with a bad amount, a mapped column it lacks and an ansvar no level claims", () => {
    const csv = [
      "Konto;Ansvar;Datum;Belopp",
      "4511;410;2023-05-31;100 000",
      "4511;410;2023-05-31;12,5O",
      "4511;410;2023-05-31;5 000",
      "4511;999;2023-05-31;700",
    ].join("\n");
    const expected = [
      {
        row: 1,
        field: "Kolumner – Period",
        message: 'Kolumnen "Månad" finns inte i filen. Filens kolumner: Konto, Ansvar, Datum, Belopp.',
      },
      { row: 3, field: "Belopp", message: '"12,5O" är inte ett belopp' },
      {
        row: 5,
        field: "nivå",
        message: "Ingen uppföljningsnivå för 2023 har en kodmappning som matchar ansvar 999, konto 4511.",
      },
    ];

    it("gets all three problems in one answer over HTTP, and nothing is imported", async () => {
      const before = await count("ekonomi_figure");
      const res = await (await t.as("controller")).post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
        ...inline("maj.csv", csv),
        kind: "utfall",
        mapping: { ...ledgerMapping, period: "Månad" },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.problems).toEqual(expected);
      expect(await count("ekonomi_figure")).toBe(before);
    });

    it("gets all three on their own lines from the CLI, and nothing is imported", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-ekonomi-import-"));
      try {
        const at = path.join(dir, "maj.csv");
        fs.writeFileSync(at, csv);
        const before = await count("ekonomi_figure");
        const map = "amount=Belopp,konto=Konto,ansvar=Ansvar,period=Månad";
        const run = await runLots(
          ["ekonomi", "import", at, "--namnd", ifo, "--year", "2023", "--map", map],
          {},
          t.database,
        );
        expect(run.code).toBe(1);
        expect(run.stderr.trim().split("\n")).toEqual([
          ...expected.map((p) => `Rad ${p.row}: ${p.field}: ${p.message}`),
          "Filen importerades inte: 3 fel på 3 rader. Inget sparades.",
        ]);
        expect(await count("ekonomi_figure")).toBe(before);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it("imports nothing when one row belongs to no level, unless such rows are to be skipped", async () => {
    const client = await t.as("controller");
    const csv = inline("mars.csv", "Konto;Ansvar;Period;Belopp\n4511;410;2023-05;100 000\n4511;999;2023-05;5 000\n");
    const before = await count("ekonomi_figure");
    const refused = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...csv,
      kind: "utfall",
      mapping: ledgerMapping,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems).toEqual([
      {
        row: 3,
        field: "nivå",
        message: "Ingen uppföljningsnivå för 2023 har en kodmappning som matchar ansvar 999, konto 4511.",
      },
    ]);
    expect(await count("ekonomi_figure")).toBe(before);
    const skipped = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...csv,
      kind: "utfall",
      mapping: ledgerMapping,
      unmatched: "skip",
    });
    expect(skipped.json()).toMatchObject({ rowsUsed: 1, rowsSkipped: 1, figuresChanged: 1, skipped: { unmatched: 1 } });
    expect((await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/follow-up`)).json().throughMonth).toBe(5);
  });

  it("imports a forecast by level name in report sign", async () => {
    const client = await t.as("controller");
    const april = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023`))
      .json()
      .forecasts.find((f: { name: string }) => f.name === "Delår april");
    const csv = inline(
      "prognos.csv",
      [
        "Nivå;Prognos",
        "Privat assistans;-61 000 000",
        "Nämnd;-2 000 000",
        "Stödfunktioner och central verksamhet;-62 500 000",
        "Myndighet stöd och behandling;-243 000 000",
        "Bostad med särskild service;-236 500 000",
        "Stöd i hemmet och sysselsättning;-91 500 000",
        "Daglig verksamhet;-57 734 000",
      ].join("\n"),
    );
    const res = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...csv,
      kind: "prognos",
      forecastId: april.id,
      sign: "report",
      mapping: { amount: "Prognos", level: "Nivå" },
    });
    expect(res.json().figuresChanged).toBe(7);
    // The demo's August forecast is later, so the follow-up is asked for April by name.
    const f = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/follow-up?forecastId=${april.id}`)).json();
    expect(f.forecast.name).toBe("Delår april");
    expect(f.total.prognosAvvikelseKr).toBe(-16_234_000);
    expect(f.rows.find((r: { name: string }) => r.name === "Daglig verksamhet").prognosAvvikelseKr).toBe(-7_734_000);
    expect(f.texts).toContain("Daglig verksamhet: underskott 7,7 mkr (−7\u00a0734 tkr) enligt prognos.");
  });
});

describe("XLSX import", () => {
  it("imports a budget after ombudgetering from a workbook, by level name", async () => {
    const client = await t.as("controller");
    const preview = (
      await client.post("/api/ekonomi/imports/preview", upload("src/ekonomi/fixtures/budget-2023.xlsx"))
    ).json();
    expect(preview).toMatchObject({
      format: "xlsx",
      sheet: "Budget 2023",
      headers: ["Nivå", "Budget", "Kommentar"],
      rowCount: 7,
    });
    expect(preview.suggestedMapping).toEqual({ amount: "Budget", level: "Nivå" });
    const res = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...upload("src/ekonomi/fixtures/budget-2023.xlsx"),
      kind: "budget_revised",
      sign: "report",
      mapping: preview.suggestedMapping,
    });
    expect(res.json().figuresChanged).toBe(7);
    const split = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/budget-split?basis=revised`)).json();
    expect([split.totalKr, split.issues]).toEqual([738_000_000, []]);
  });

  it("imports nothing from a workbook with text and error cells and names their Excel rows", async () => {
    const res = await (await t.as("controller")).post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
      ...upload("src/ekonomi/fixtures/ogiltiga-belopp.xlsx"),
      kind: "utfall",
      mapping: { amount: "Belopp", period: "Period", konto: "Konto", ansvar: "Ansvar" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([
      [3, "Belopp"],
      [4, "Belopp"],
      [5, "Period"],
    ]);
  });
});

describe("SIE 4 import", () => {
  it("imports #TRANS per ansvar into a committee's levels, idempotently", async () => {
    const client = await t.as("vo-controller");
    const base = `/api/ekonomi/namnder/${vo}/years/2023`;
    const hemtjanst = (
      await client.post(`${base}/levels`, { name: "Hemtjänst", orgNodeId: t.demo.nodes["vo-hemtjanst"]?.id })
    ).json();
    const boende = (await client.post(`${base}/levels`, { name: "Vård- och omsorgsboende" })).json();
    await client.post(`/api/ekonomi/levels/${hemtjanst.id}/mappings`, { dimension: "ansvar", pattern: "41*" });
    await client.post(`/api/ekonomi/levels/${boende.id}/mappings`, { dimension: "ansvar", pattern: "44*" });

    const preview = (
      await client.post("/api/ekonomi/imports/preview", upload("src/ekonomi/fixtures/ifo-2023-jan-apr.se"))
    ).json();
    expect(preview).toMatchObject({ format: "sie4", encoding: "cp437", problemCount: 0 });
    expect(preview.sie.counts).toMatchObject({ vouchers: 3, transactions: 8, res: 1 });
    expect(preview.sie.suggested).toEqual({ ansvarDim: "1", verksamhetDim: "20" });

    const res = await client.post(`${base}/imports`, {
      ...upload("src/ekonomi/fixtures/ifo-2023-jan-apr.se"),
      kind: "utfall",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rowsUsed: 5, skipped: { balanceAccounts: 3 }, figuresChanged: 5 });
    const figures = (await client.get(`${base}/figures`)).json();
    const amount = (levelId: string, kind: string, periodNo: number) =>
      figures.find(
        (f: { levelId: string; kind: string; periodNo: number }) =>
          f.levelId === levelId && f.kind === kind && f.periodNo === periodNo,
      )?.amountKr;
    expect(amount(hemtjanst.id, "kostnader", 1)).toBe(-1_500_000);
    expect(amount(boende.id, "kostnader", 1)).toBe(-380_001);
    expect(amount(boende.id, "intakter", 2)).toBe(25_000);
    expect(amount(hemtjanst.id, "intakter", 4)).toBe(12_346);

    const again = await client.post(`${base}/imports`, {
      ...upload("src/ekonomi/fixtures/ifo-2023-jan-apr.se"),
      kind: "utfall",
    });
    expect(again.json()).toMatchObject({ alreadyImported: true, figuresChanged: 0 });
  });

  it("imports nothing from a UTF-8 file that claims CP437, and names the line", async () => {
    const res = await (await t.as("vo-controller")).post(`/api/ekonomi/namnder/${vo}/years/2023/imports`, {
      ...upload("src/ekonomi/fixtures/fel-kodning-utf8.se"),
      kind: "utfall",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems[0]).toMatchObject({ row: 12 });
    expect(res.json().message).toContain("Rad 12");
  });

  it("imports nothing from an unbalanced file", async () => {
    const res = await (await t.as("vo-controller")).post(`/api/ekonomi/namnder/${vo}/years/2023/imports`, {
      ...upload("src/ekonomi/fixtures/obalanserad.se"),
      kind: "utfall",
    });
    expect(res.json().details.problems.map((p: { row: number }) => p.row)).toEqual([27, 30]);
  });
});

describe("import access", () => {
  it("is for those who write the committee's economy", async () => {
    const reader = await t.as("fortroendevald");
    expect((await reader.post("/api/ekonomi/imports/preview", upload(demoLedger))).statusCode).toBe(403);
    expect(
      (
        await reader.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
          ...upload(demoLedger),
          kind: "utfall",
          mapping: ledgerMapping,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await t.as("vo-controller")
        ).post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
          ...upload(demoLedger),
          kind: "utfall",
          mapping: ledgerMapping,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("large files", () => {
  /** The demo ledger's rows repeated over the year until the file is `bytes` long. */
  function bigLedger(bytes: number): { text: string; rows: number } {
    const [header, ...rows] = file(demoLedger).toString("utf8").trim().split("\n");
    const lines = [header];
    let size = 0;
    while (size < bytes) {
      const [konto, ansvar, , belopp, text] = (rows[lines.length % rows.length] ?? "").split(";");
      const line = `${konto};${ansvar};2023-${String(1 + (lines.length % 12)).padStart(2, "0")};${belopp};${text}`;
      lines.push(line);
      size += line.length + 1;
    }
    return { text: lines.join("\n"), rows: lines.length - 1 };
  }

  it("refuses content that is not base64 instead of decoding around the stray characters", async () => {
    const client = await t.as("controller");
    const good = Buffer.from("Konto;Belopp\r\n4010;100\r\n", "utf8").toString("base64");
    // A file over the in-place limit is decoded in the worker: the same refusals there, also for a letter
    // outside Latin-1 that Node's decoder would read as its low byte ("ń" as "D").
    const large = Buffer.from(`Konto;Belopp\r\n${"4010;100\r\n".repeat(20_000)}`, "utf8").toString("base64");
    for (const contentBase64 of [
      `${good.slice(0, 8)}!${good.slice(8)}`,
      `==${good}`,
      `${large.slice(0, 100_000)} ${large.slice(100_001)}`,
      `${large.slice(0, 100_000)}\u0144${large.slice(100_001)}`,
    ]) {
      const res = await client.post("/api/ekonomi/imports/preview", { fileName: "huvudbok.csv", contentBase64 });
      expect(res.statusCode, contentBase64.slice(0, 20)).toBe(400);
      expect(res.json().message).toBe("Filinnehållet ska vara base64-kodat.");
    }
  });

  it("refuses a file over its format's limit with 413 before reading it", async () => {
    // Starts like a zip, so it is taken for XLSX; it is no workbook, so a parse would answer 400.
    const bytes = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    bytes.write("PK\x03\x04", 0, "latin1");
    const res = await (await t.as("controller")).post("/api/ekonomi/imports/preview", {
      fileName: "budget.xlsx",
      contentBase64: bytes.toString("base64"),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "payload_too_large" });
    expect(res.json().message).toContain('Filen "budget.xlsx" är för stor: en XLSX-fil får vara högst 10 MB');
  });

  it("previews a 6 MB ledger without blocking the server's event loop", async () => {
    const { text, rows } = bigLedger(6 * 1024 * 1024);
    const client = await t.as("controller");
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const res = await client.post("/api/ekonomi/imports/preview", inline("huvudbok-stor.csv", text));
    delay.disable();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      format: "csv",
      rowCount: rows,
      headers: ["Konto", "Ansvar", "Period", "Belopp", "Text"],
    });
    // Parsed on the event loop this takes seconds; in the worker only the request body is handled here.
    // The bound is generous for a loaded CI machine.
    expect(delay.max / 1e6).toBeLessThan(1500);
  });

  it("streams a ledger file from disk in the CLI, guessing the columns from its header, with progress on stderr", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-ekonomi-"));
    try {
      const at = path.join(dir, "huvudbok-helar.csv");
      const { text, rows } = bigLedger(6 * 1024 * 1024);
      fs.writeFileSync(at, text);
      const run = await runLots(["ekonomi", "import", at, "--namnd", ifo, "--year", "2023"], {}, t.database);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Kolumnmappning (förslag): ${JSON.stringify(ledgerMapping)}`);
      expect(run.stdout).toContain(`Importerat: ${rows.toLocaleString("sv-SE")} rader, 0 överhoppade`);
      // One line per 50 000 rows read.
      const progress = Array.from(
        { length: Math.floor(rows / 50_000) },
        (_, i) => `Läst ${((i + 1) * 50_000).toLocaleString("sv-SE")} rader …`,
      );
      expect(progress.length).toBeGreaterThan(1);
      expect(run.stderr.trim().split("\n")).toEqual(progress);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
