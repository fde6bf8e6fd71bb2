// The report as a Word file (docx library) for committee systems that want Word: cover, contents, numbered
// chapter headings (Word's navigation pane and its own table of contents can use them), tables with a
// repeated header row, charts as pictures (the PDF's SVG, with a PNG for Word before 2016) whose alt text says
// every bar's figure as the PDF's does, running header and page numbers.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
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
import { type ChartImage, chartImage } from "./chart-image.ts";
import { unitHeading } from "./figures.ts";
import type {
  AssembledBlock,
  AssembledChart,
  AssembledDirectives,
  AssembledGoals,
  AssembledRegister,
  AssembledReport,
  AssembledTable,
} from "./model.ts";
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

/** A captioned table: a repeated header row, then rows of a label and right-aligned cells. */
function grid(
  caption: string,
  head: string[],
  rows: Array<{ label: string; cells: string[]; bold?: boolean }>,
  primary: string,
): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: head.map((text, i) => cell(text, { header: true, right: i > 0, fill: primary })),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        children: [
          cell(r.label, { bold: r.bold }),
          ...r.cells.map((text) => cell(text, { right: true, bold: r.bold })),
        ],
      }),
  );
  return [
    new Paragraph({
      children: [new TextRun({ text: caption, bold: true, color: primary })],
      spacing: { before: 200 },
    }),
    new Table({ rows: [header, ...body], width: { size: 100, type: WidthType.PERCENTAGE } }),
  ];
}

const table = (t: AssembledTable, primary: string) =>
  grid(
    t.caption,
    [unitHeading(t.unit), ...t.columns.map((c) => c.label)],
    t.rows.map((r) => ({ label: r.label, cells: t.columns.map((c) => r.cells[c.key]?.text ?? "–"), bold: r.total })),
    primary,
  );

/** A register: a repeated header row and left-aligned texts, a line of a cell as its own paragraph. */
function register(b: AssembledRegister, primary: string): (Paragraph | Table)[] {
  const title = new Paragraph({
    children: [new TextRun({ text: b.title, bold: true, color: primary })],
    spacing: { before: 200 },
  });
  if (!b.rows.length) return [title, new Paragraph({ text: b.empty ?? "Inga uppgifter för året." })];
  const textCell = (text: string) =>
    new TableCell({
      children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 17 })] })),
    });
  return [
    title,
    new Table({
      rows: [
        new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, { header: true, fill: primary })) }),
        ...b.rows.map((r) => new TableRow({ children: r.map(textCell) })),
      ],
      width: { size: 100, type: WidthType.PERCENTAGE },
    }),
  ];
}

function goals(b: AssembledGoals, primary: string): (Paragraph | Table)[] {
  if (!b.goals.length) return [new Paragraph({ text: "Nämnden har ingen målmodell med mål för året." })];
  return b.goals.flatMap((g) => [
    new Paragraph({ text: [g.code, g.title].filter(Boolean).join(" "), heading: HeadingLevel.HEADING_2 }),
    new Paragraph({
      children: [
        new TextRun({ text: "Nämndens bedömning: ", bold: true }),
        new TextRun({ text: g.assessment?.label ?? "Inte bedömt" }),
      ],
    }),
    ...(g.assessment?.comment ? [new Paragraph({ text: g.assessment.comment })] : []),
    ...g.indicators.flatMap((i) => [
      ...grid(
        `${i.name}${i.unit ? ` (${i.unit})` : ""}`,
        ["Utfall", ...i.years.map(String), ...(i.target ? [`Målvärde ${i.target.year}`] : [])],
        i.rows.map((r, n) => ({
          label: r.label,
          cells: [...r.cells.map((c) => c.text), ...(i.target ? [n === 0 ? i.target.text : ""] : [])],
        })),
        primary,
      ),
      new Paragraph({ children: [new TextRun({ text: i.status.label, size: 17 })] }),
    ]),
  ]);
}

function directives(b: AssembledDirectives): Paragraph[] {
  if (!b.directives.length) return [new Paragraph({ text: "Inga direktiv gäller för året." })];
  return b.directives.flatMap((d) => [
    new Paragraph({ text: d.title, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: d.body }),
    ...d.assignments.map((a) => new Paragraph({ text: a, bullet: { level: 0 } })),
    new Paragraph({
      children: [
        new TextRun({ text: "Förvaltningens omhändertagande: ", bold: true }),
        new TextRun({ text: d.handling ?? "Inte redovisat." }),
      ],
    }),
  ]);
}

/** The chart's title, then its picture; a screen reader reads the picture's description, the chart in words. */
function chart(b: AssembledChart, image: ChartImage, primary: string): Paragraph[] {
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 200 },
      children: [new TextRun({ text: b.title, bold: true, color: primary })],
    }),
    new Paragraph({
      children: [
        new ImageRun({
          type: "svg",
          data: image.svg,
          fallback: { type: "png", data: image.png },
          transformation: { width: image.width, height: image.height },
          altText: { name: b.title, title: b.title, description: b.alt },
        }),
      ],
    }),
  ];
}

async function blocks(list: AssembledBlock[], primary: string): Promise<(Paragraph | Table)[]> {
  const parts = await Promise.all(
    list.map(async (b): Promise<(Paragraph | Table)[]> => {
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
        case "register":
          return register(b, primary);
        case "goals":
          return goals(b, primary);
        case "directives":
          return directives(b);
        case "activities":
          return b.activities.flatMap((a) => [
            new Paragraph({ text: a.title, heading: HeadingLevel.HEADING_3 }),
            new Paragraph({ children: [new TextRun({ text: `${a.unit} · ${a.status}`, size: 17 })] }),
            ...(a.expectedEffect
              ? [
                  new Paragraph({
                    children: [
                      new TextRun({ text: "Förväntade effekter: ", bold: true }),
                      new TextRun(a.expectedEffect),
                    ],
                  }),
                ]
              : []),
          ]);
        default:
          return chart(b, await chartImage(b, `#${primary}`), primary);
      }
    }),
  );
  return parts.flat();
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
  const chapters = await Promise.all(
    r.chapters.map(async (c, i) => [
      new Paragraph({ text: `${i + 1} ${c.title}`, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
      ...(await blocks(c.blocks, primary)),
    ]),
  );
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
        children: [...cover, ...chapters.flat()],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
