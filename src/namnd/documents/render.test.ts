import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../../platform/documents/escape-html.ts";
import { closePdfBrowser } from "../../platform/documents/print-pdf.ts";
import { renderDocx } from "./docx.ts";
import { renderHtml } from "./html.ts";
import type { NamndDocument } from "./model.ts";
import { renderPdf } from "./pdf.ts";

const memo: NamndDocument = {
  letterhead: {
    municipality: "Exempelkommun",
    department: "Individ & Familjeomsorg",
    date: "2024-01-26",
    diarienummer: "IF-2024-00012",
    handler: { name: "Nora Nämndsekreterare", title: "Nämndsekreterare", phone: "0123-456 78" },
    address: ["Exempelkommun, 123 45 Exempelstad", "Besök: Storgatan 1"],
  },
  kind: "TJÄNSTESKRIVELSE",
  title: "Rapportering av ej verkställda beslut kvartal 4 2023",
  blocks: [
    {
      heading: "Förslag till beslut",
      paragraphs: [],
      list: [
        "Nämnden för Individ & Familjeomsorg godkänner redovisningen av ej verkställda beslut.",
        "Nämnden för Individ & Familjeomsorg noterar informationen till protokollet.",
      ],
      numbered: true,
    },
    { heading: "Sammanfattning av ärendet", paragraphs: ["Nämnden ska rapportera <ej verkställda> beslut & avbrott."] },
    { heading: "Beslutet skickas till", paragraphs: [], list: ["Kommunfullmäktige", "Revisionen"] },
  ],
  signatures: [
    { name: "Frida Förvaltningschef", title: "Förvaltningschef" },
    { name: "Bo Biträdande", title: "Biträdande förvaltningschef" },
  ],
};

/** The visible text of a .docx body: the w:t runs of word/document.xml joined. */
async function docxText(buffer: Buffer, part = "word/document.xml"): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file(part)?.async("string");
  if (!xml) throw new Error(`${part} missing`);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
}

describe("renderDocx", () => {
  it("writes a Word file with the letterhead, title, numbered clauses, lists and signatures", async () => {
    const buffer = await renderDocx(memo);
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    const text = await docxText(buffer);
    for (const expected of [
      "Exempelkommun",
      "TJÄNSTESKRIVELSE",
      "Datum: 2024-01-26",
      "Diarienummer: IF-2024-00012",
      "Handläggare: Nora Nämndsekreterare",
      "Rapportering av ej verkställda beslut kvartal 4 2023",
      "Förslag till beslut",
      "Nämnden för Individ &amp; Familjeomsorg godkänner redovisningen av ej verkställda beslut.",
      "Nämnden ska rapportera &lt;ej verkställda&gt; beslut &amp; avbrott.",
      "Kommunfullmäktige",
      "Frida Förvaltningschef",
      "Biträdande förvaltningschef",
    ])
      expect(text).toContain(expected);
    const xml = (await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string")) as string;
    // The clauses are a numbered list, the recipients a bulleted one: two different numbering ids.
    const numIds = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(numIds).toHaveLength(4);
    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).not.toBe(numIds[0]);
    const numbering = (await (await JSZip.loadAsync(buffer)).file("word/numbering.xml")?.async("string")) as string;
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
  });

  it("puts the page as n (m) in the header and the address block in the footer", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(memo));
    const header = (await zip.file(/word\/header\d*\.xml/)[0]?.async("string")) as string;
    expect(header).toMatch(/PAGE.*\(.*NUMPAGES.*\)/s);
    const footers = await Promise.all(zip.file(/word\/footer\d*\.xml/).map((f) => f.async("string")));
    expect(footers.join("")).toContain("Besök: Storgatan 1");
  });

  it('heads every page after the first with the continuation, "forts. § n"', async () => {
    const zip = await JSZip.loadAsync(await renderDocx({ ...memo, continuation: "forts. § 179" }));
    expect(await zip.file("word/document.xml")?.async("string")).toContain("<w:titlePg/>");
    const headers = await Promise.all(zip.file(/word\/header\d*\.xml/).map((f) => f.async("string")));
    // The first page's header has the page number only; the others add the continuation.
    expect(headers.map((h) => h.includes("forts. § 179")).sort()).toEqual([false, true]);
    expect(headers.every((h) => /PAGE.*NUMPAGES/s.test(h))).toBe(true);
    const plain = await JSZip.loadAsync(await renderDocx(memo));
    expect(await plain.file("word/document.xml")?.async("string")).not.toContain("<w:titlePg/>");
  });

  it("prints the kind label on its own when there is no letterhead", async () => {
    const text = await docxText(
      await renderDocx({
        kind: "PROTOKOLLSUTDRAG",
        reference: "§ 179 Dnr IF-2023-00371",
        title: "Initiativ",
        blocks: [],
        signatures: [],
      }),
    );
    expect(text).toBe("PROTOKOLLSUTDRAG|§ 179 Dnr IF-2023-00371|Initiativ");
  });
});

describe("renderHtml", () => {
  it("escapes every text", () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    const html = renderHtml({
      ...memo,
      title: "<script>alert(1)</script>",
      signatures: [{ name: '"><img src=x onerror=alert(1)>', title: "Ordförande" }],
    });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("is a Swedish page with the title as h1, the sections as h2 and the clauses as an ordered list", () => {
    const html = renderHtml(memo);
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain("<title>TJÄNSTESKRIVELSE – Rapportering av ej verkställda beslut kvartal 4 2023</title>");
    expect(html).toContain("<h1>Rapportering av ej verkställda beslut kvartal 4 2023</h1>");
    expect(html).toContain(
      "<h2>Förslag till beslut</h2><ol><li>Nämnden för Individ &amp; Familjeomsorg godkänner redovisningen av ej verkställda beslut.</li><li>",
    );
    expect(html).toContain("<h2>Beslutet skickas till</h2><ul><li>Kommunfullmäktige</li><li>Revisionen</li></ul>");
    expect(html).toContain("<dt>Diarienummer</dt><dd>IF-2024-00012</dd>");
    expect(html).toContain('<p class="name">Frida Förvaltningschef</p><p>Förvaltningschef</p>');
    expect(html).toContain("<footer><p>Exempelkommun, 123 45 Exempelstad</p>");
    expect(html).not.toMatch(/<script|src=|href=/);
  });
});

describe("renderPdf", () => {
  afterAll(closePdfBrowser);

  it("prints the HTML page as an A4 PDF titled like the document; a long one runs over several pages", async () => {
    const pdf = await renderPdf(memo);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    // Chromium writes the page's <title> into the document information, UTF-16 hex for non-ASCII text.
    const title = /\/Title\s*<FEFF([0-9A-F]+)>/i.exec(raw)?.[1] as string;
    expect(Buffer.from(title, "hex").swap16().toString("utf16le")).toBe(
      "TJÄNSTESKRIVELSE – Rapportering av ej verkställda beslut kvartal 4 2023",
    );
    expect(raw.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    const long = await renderPdf({ ...memo, blocks: [{ paragraphs: Array(120).fill("Ett stycke text.") }] });
    expect(long.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThan(1);
  });

  it("prints the continuation at the top of every page but the first of a PDF", async () => {
    const long = await renderPdf({
      ...memo,
      continuation: "forts. § 179",
      blocks: [{ paragraphs: Array(120).fill("Ett stycke text.") }],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-namnd-forts-"));
    try {
      fs.writeFileSync(path.join(dir, "utdrag.pdf"), long);
      const page = (n: number) =>
        execFileSync("pdftotext", ["-f", `${n}`, "-l", `${n}`, path.join(dir, "utdrag.pdf"), "-"], {
          encoding: "utf8",
        });
      expect(page(1)).not.toContain("forts.");
      expect(page(2)).toContain("forts. § 179");
      expect(page(2)).toMatch(/2 \(\d\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("escapes the continuation inside the page's style", () => {
    const html = renderHtml({ ...memo, continuation: 'forts. "§" </style><script>' });
    expect(html).not.toContain("</style><script>");
    expect(html).toContain('content: "forts. \\22 §\\22  \\3c /style\\3e \\3c script\\3e ";');
  });
});
