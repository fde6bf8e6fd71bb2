// A Nämnd document as a Word file (docx library): the letterhead as a borderless table, "n (m)" page numbers
// in the header (B2), the address block in the footer, headings, paragraphs, numbered decision clauses and
// the signatures side by side.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { handlerLines, type Letterhead, letterheadFacts, type NamndDocument, type Signature } from "./model.ts";

const CLAUSES = "lots-clauses";
const FONT = "Arial";
// Half-points: 11 pt body, as municipal memo templates use.
const BODY_SIZE = 22;

const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text: value, ...options })] });

const cell = (children: Paragraph[], widthPercent: number) =>
  new TableCell({ children, width: { size: widthPercent, type: WidthType.PERCENTAGE } });

const invisible = (rows: TableRow[]) =>
  new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE });

function letterheadTable(letterhead: Letterhead, kind: string): Table {
  const left = [
    text(letterhead.municipality, { bold: true }),
    ...(letterhead.department ? [text(letterhead.department)] : []),
    ...handlerLines(letterhead).map((line) => text(line, { size: 18 })),
  ];
  const right = [
    text(kind, { bold: true }),
    ...letterheadFacts(letterhead).map(([label, value]) => text(`${label}: ${value}`)),
  ];
  return invisible([new TableRow({ children: [cell(left, 55), cell(right, 45)] })]);
}

function signatureTable(signatures: Signature[]): Table {
  const rows: TableRow[] = [];
  for (let i = 0; i < signatures.length; i += 2) {
    const pair = signatures.slice(i, i + 2);
    rows.push(
      new TableRow({
        children: [0, 1].map((j) => {
          const signature = pair[j];
          return cell(
            signature
              ? [
                  new Paragraph({ spacing: { before: 600 }, children: [new TextRun(signature.name)] }),
                  text(signature.title),
                ]
              : [new Paragraph({})],
            50,
          );
        }),
      }),
    );
  }
  return invisible(rows);
}

function body(doc: NamndDocument): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  if (doc.letterhead) children.push(letterheadTable(doc.letterhead, doc.kind));
  else children.push(text(doc.kind, { bold: true }));
  if (doc.reference) children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun(doc.reference)] }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, text: doc.title }));
  doc.blocks.forEach((block, index) => {
    if (block.heading)
      children.push(
        new Paragraph({
          heading: block.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
          text: block.heading,
        }),
      );
    for (const paragraph of block.paragraphs)
      children.push(new Paragraph({ text: paragraph, spacing: { after: 120 } }));
    for (const item of block.list ?? []) {
      children.push(
        block.numbered
          ? // Each block's list is its own instance, so every list of clauses counts from 1.
            new Paragraph({ text: item, numbering: { reference: CLAUSES, level: 0, instance: index } })
          : new Paragraph({ text: item, bullet: { level: 0 } }),
      );
    }
  });
  if (doc.signatures.length) children.push(signatureTable(doc.signatures));
  return children;
}

/** The page as "n (m)" at the right (B2), after the continuation line when there is one. */
function header(continuation?: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: [PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"] })],
      }),
      ...(continuation ? [new Paragraph({ children: [new TextRun(continuation)] })] : []),
    ],
  });
}

function footer(doc: NamndDocument): Footer {
  const lines = [...(doc.letterhead?.address ?? []), ...(doc.footer ? [doc.footer] : [])];
  return new Footer({
    children: lines.length
      ? [
          new Paragraph({
            border: { top: { style: BorderStyle.SINGLE, size: 4, color: "808080", space: 4 } },
            children: lines.map((line, i) => new TextRun({ text: line, size: 16, break: i > 0 ? 1 : 0 })),
          }),
        ]
      : [],
  });
}

/** The document as the bytes of a .docx file. */
export async function renderDocx(doc: NamndDocument): Promise<Buffer> {
  const document = new Document({
    creator: doc.letterhead?.municipality ?? "Lots",
    title: doc.title,
    description: doc.kind,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    numbering: {
      config: [
        {
          reference: CLAUSES,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 440, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        // With a continuation the first page has its own header: "forts. § n" only on the pages after it.
        properties: { titlePage: Boolean(doc.continuation) },
        headers: {
          default: header(doc.continuation),
          ...(doc.continuation ? { first: header() } : {}),
        },
        footers: { default: footer(doc), ...(doc.continuation ? { first: footer(doc) } : {}) },
        children: body(doc),
      },
    ],
  });
  return Packer.toBuffer(document);
}
