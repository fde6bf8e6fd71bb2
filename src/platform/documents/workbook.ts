import type ExcelJS from "exceljs";

/**
 * A new Excel workbook. exceljs (about 150 modules with its dependencies) is loaded on the first workbook made
 * or read, not when the server or a CLI command starts: most never need it, and it was a fifth of their start.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}
