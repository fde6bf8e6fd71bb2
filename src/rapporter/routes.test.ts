import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";

let t: TestApp;
let ifo: string;
let kommun: string;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  ifo = t.demo.nodes.ifo?.id ?? "";
  kommun = t.demo.nodes.kommun?.id ?? "";
});
afterAll(() => t?.close());

const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\u2212/g, "-");
const url = (format?: string) =>
  `/api/rapporter/${format ? "fil" : "rapport"}?mall=arsberattelse&namndId=${ifo}&period=2021${format ? `&format=${format}` : ""}`;

type Table = {
  kind: "table";
  id: string;
  columns: Array<{ key: string; label: string }>;
  rows: Array<{ label: string; cells: Record<string, { text: string }> }>;
};

describe("the 2021 årsberättelse economy chapter from the demo data", () => {
  it("reproduces every figure of the published drift table and says överskott om 19,5 mnkr, with no findings", async () => {
    const res = await (await t.as("fortroendevald")).get(url());
    expect(res.statusCode).toBe(200);
    const { report, findings } = res.json();
    expect(findings).toEqual([]);
    const blocks = report.chapters.flatMap((c: { blocks: unknown[] }) => c.blocks);
    const drift = blocks.find((b: { id: string }) => b.id === "drift") as Table;
    expect(drift.rows.map((r) => [r.label, ...drift.columns.map((c) => plain(r.cells[c.key]?.text ?? ""))])).toEqual([
      ["Nämnd", "-3 683,1", "-1 956", "-1 695", "261"],
      ["Stödfunktioner och central verksamhet", "-46 977,1", "-67 078", "-59 048", "8 030"],
      ["Myndighet stöd och behandling", "-240 438,8", "-225 323", "-241 864", "-16 541"],
      ["Bostad med särskild service", "-212 235,8", "-212 902", "-198 383", "14 519"],
      ["Stöd i hemmet och sysselsättning", "-70 478,7", "-83 344", "-75 850", "7 494"],
      ["Daglig verksamhet", "-47 153,2", "-49 336", "-45 062", "4 274"],
      ["Privat assistans", "-51 582,3", "-59 139", "-57 674", "1 465"],
      ["Summa", "-672 549,0", "-699 078", "-679 576", "19 502"],
    ]);
    const result = blocks.find((b: { id: string }) => b.id === "resultat");
    const text = plain(result.segments.map((s: { text: string }) => s.text).join(""));
    expect(text).toContain("ett överskott om 19,5 mnkr mot budget");
    const summary = blocks.find((b: { id: string }) => b.id === "sammanfattning") as Table;
    expect(summary.columns.map((c) => c.label)).toEqual(["2019", "2020", "2021"]);
    expect(summary.rows.map((r) => plain(r.cells.ar?.text ?? ""))).toEqual([
      "73 526",
      "-753 102",
      "-679 576",
      "-699 078",
      "19 502",
      "-2 347",
    ]);
  });

  it("renders HTML with lang sv, the cover, contents and header cells; Word and Excel with the same figures", async () => {
    const client = await t.as("fortroendevald");
    const html = await client.get(url("html"));
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<html lang="sv">');
    expect(html.body).toContain("Kungsbacka kommun");
    expect(html.body).toContain('<th scope="col">Bokslut 2020</th>');
    expect(html.body).toContain('<th scope="row">Myndighet stöd och behandling</th>');
    expect(html.body).toContain("<svg");
    expect(plain(html.body)).toContain("<td>-672 549,0</td>");

    const xlsx = await client.get(url("xlsx"));
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((s) => s.name.startsWith("Drift"));
    const summa = sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === "Summa");
    expect([2, 3, 4, 5].map((c) => summa?.getCell(c).value)).toEqual([-672_549, -699_078, -679_576, 19_502]);
    expect(workbook.worksheets.map((s) => s.name)).toHaveLength(4);

    const docx = await client.get(url("docx"));
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("prints a tagged PDF (structure tree, marked content)", async () => {
    const pdf = await (await t.as("fortroendevald")).get(url("pdf"));
    expect(pdf.statusCode).toBe(200);
    const bytes = pdf.rawPayload.toString("latin1");
    expect(bytes.startsWith("%PDF")).toBe(true);
    // A tagged PDF has a structure tree and says it is marked.
    expect(bytes).toContain("/StructTreeRoot");
    expect(bytes).toMatch(/\/Marked true/);
  });
});

describe("templates as data", () => {
  it("lists the built-in templates and saves an admin's edit as a new version, refused for others", async () => {
    const admin = await t.as("admin");
    const list = (await admin.get(`/api/rapporter/mallar?orgNodeId=${kommun}`)).json();
    expect(list.map((m: { code: string; version: number }) => [m.code, m.version])).toEqual([
      ["delarsrapport", 1],
      ["pa-en-minut", 1],
      ["lex-sarah", 1],
      ["kvalitetsberattelse", 1],
      ["evb-kvartal", 1],
      ["internkontroll", 1],
      ["arsberattelse", 1],
    ]);
    const current = (await admin.get(`/api/rapporter/mallar/arsberattelse?orgNodeId=${kommun}`)).json();
    current.content.chapters.find((c: { id: string }) => c.id === "drift").blocks[1].caption =
      "Drift {år} (tkr), per verksamhetsområde";
    const body = { orgNodeId: kommun, name: current.name, description: current.description, content: current.content };
    expect((await (await t.as("fortroendevald")).put("/api/rapporter/mallar/arsberattelse", body)).statusCode).toBe(
      403,
    );
    const saved = await admin.put("/api/rapporter/mallar/arsberattelse", body);
    expect(saved.json()).toEqual({ code: "arsberattelse", name: "Årsberättelse", version: 2 });
    const report = (await admin.get(url())).json().report;
    expect(report.template.version).toBe(2);
    expect(report.chapters.find((c: { id: string }) => c.id === "drift").blocks[1].caption).toBe(
      "Drift 2021 (tkr), per verksamhetsområde",
    );
    const first = (await admin.get(`/api/rapporter/mallar/arsberattelse?orgNodeId=${kommun}&version=1`)).json();
    expect(first.content.chapters.find((c: { id: string }) => c.id === "drift").blocks[1].caption).toBe(
      "Drift {år} (tkr)",
    );
  });

  it("refuses a template whose content breaks the schema, naming the field", async () => {
    const admin = await t.as("admin");
    const current = (await admin.get(`/api/rapporter/mallar/arsberattelse?orgNodeId=${kommun}`)).json();
    current.content.chapters[0].blocks[3].unit = "miljarder";
    const res = await admin.put("/api/rapporter/mallar/arsberattelse", {
      orgNodeId: kommun,
      name: current.name,
      content: current.content,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("Enhet");
  });
});
