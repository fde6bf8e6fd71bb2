// Every table of the report as its own worksheet (exceljs): numbers stay numbers in the table's unit, with
// the decimals the report shows, so a reader can re-add them.
import { newWorkbook } from "../platform/documents/workbook.ts";
import type { AssembledReport, AssembledTable } from "./model.ts";

export { XLSX_TYPE } from "./formats.ts";

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(caption: string, taken: Set<string>): string {
  const base =
    caption
      .replace(/[:\\/?*[\]]/g, " ")
      .slice(0, 28)
      .trim() || "Tabell";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function renderXlsx(report: AssembledReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "Lots";
  workbook.title = `${report.title} – ${report.namnd.name}`;
  const taken = new Set<string>();
  const tables = report.chapters.flatMap((c) =>
    c.blocks.filter((b): b is AssembledTable => b.kind === "table").map((t) => ({ chapter: c.title, t })),
  );
  for (const { chapter, t } of tables) {
    const sheet = workbook.addWorksheet(sheetName(t.caption, taken));
    sheet.addRow([t.caption]).font = { bold: true, size: 12 };
    sheet.addRow([`${report.namnd.name}, ${chapter}. Belopp i ${t.unit}.`]);
    sheet.addRow([]);
    const head = sheet.addRow(["", ...t.columns.map((c) => c.label)]);
    head.font = { bold: true };
    for (const r of t.rows) {
      const row = sheet.addRow([r.label, ...t.columns.map((c) => r.cells[c.key]?.value ?? null)]);
      if (r.total) row.font = { bold: true };
    }
    t.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 2);
      // Excel shows the grouping and decimal signs of the reader's locale (space and comma in Swedish).
      column.numFmt = c.decimals ? `#,##0.${"0".repeat(c.decimals)}` : "#,##0";
      column.width = Math.max(14, c.label.length + 2);
    });
    sheet.getColumn(1).width = Math.max(20, ...t.rows.map((r) => r.label.length + 2));
    sheet.views = [{ state: "frozen", ySplit: 4 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
