// The report as a Word file (docx library) for committee systems that want Word: cover, contents, numbered
// chapter headings (Word's navigation pane and its own table of contents can use them), tables with a
// repeated header row, charts as their data with the alt text, running header and page numbers.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { AssembledBlock, AssembledReport, AssembledTable } from "./model.ts";
import { plainText } from "./model.ts";

const FONT = "Arial";
const hex = (colour: string) => colour.replace("#", "").toUpperCase();

const cell = (text: string, options: { header?: boolean; right?: boolean; bold?: boolean; fill?: string } = {}) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({
            text,
            bold: options.header || options.bold,
            color: options.fill ? "FFFFFF" : undefined,
            size: 19,
          }),
        ],
      }),
    ],
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: options.fill } } : {}),
  });

function table(t: AssembledTable, primary: string): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell(`Belopp i ${t.unit}`, { header: true, fill: primary }),
      ...t.columns.map((c) => cell(c.label, { header: true, right: true, fill: primary })),
    ],
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        children: [
          cell(r.label, { bold: r.total }),
          ...t.columns.map((c) => cell(r.cells[c.key]?.text ?? "–", { right: true, bold: r.total })),
        ],
      }),
  );
  return [
    new Paragraph({
      children: [new TextRun({ text: t.caption, bold: true, color: primary })],
      spacing: { before: 200 },
    }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
  ];
}

function blocks(list: AssembledBlock[], primary: string): (Paragraph | Table)[] {
  return list.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case "fixed":
      case "authored":
        return [
          ...(b.kind === "authored" && b.heading
            ? [new Paragraph({ text: b.heading, heading: HeadingLevel.HEADING_2 })]
            : []),
          new Paragraph({ text: plainText(b.segments) }),
        ];
      case "tile":
        return [
          new Paragraph({
            children: [
              new TextRun({ text: plainText(b.segments), bold: true, size: 32, color: primary }),
              new TextRun({ text: `  ${b.label}` }),
            ],
          }),
        ];
      case "list":
        return [
          new Paragraph({ text: b.title, heading: HeadingLevel.HEADING_2 }),
          ...b.items.map((item) => new Paragraph({ text: plainText(item), bullet: { level: 0 } })),
        ];
      case "table":
        return table(b, primary);
      default:
        // A chart: Word gets the chart's figures as text: the same words a screen reader gets from the PDF.
        return [
          new Paragraph({ children: [new TextRun({ text: b.title, bold: true, color: primary })] }),
          ...b.bars.map((bar) => new Paragraph({ text: `${bar.label}: ${bar.text} ${b.unit}`, bullet: { level: 0 } })),
        ];
    }
  });
}

export async function renderDocx(r: AssembledReport): Promise<Buffer> {
  const primary = hex(r.municipality.primaryColour);
  const cover = [
    new Paragraph({
      children: [new TextRun({ text: r.municipality.name.toUpperCase(), bold: true, color: primary, size: 28 })],
    }),
    new Paragraph({
      spacing: { before: 3000 },
      children: [new TextRun({ text: r.title, bold: true, size: 64, color: primary })],
    }),
    new Paragraph({ children: [new TextRun({ text: r.namnd.name, size: 32 })] }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ text: "Innehåll", heading: HeadingLevel.HEADING_1 }),
    ...r.chapters.map((c, i) => new Paragraph({ text: `${i + 1} ${c.title}` })),
  ];
  const body = r.chapters.flatMap((c, i) => [
    new Paragraph({ text: `${i + 1} ${c.title}`, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    ...blocks(c.blocks, primary),
  ]);
  const doc = new Document({
    creator: "Lots",
    title: `${r.title} – ${r.namnd.name}`,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [new TextRun({ text: `${r.title} · ${r.namnd.name}`, size: 16, color: "555555" })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ children: ["Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: [...cover, ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
