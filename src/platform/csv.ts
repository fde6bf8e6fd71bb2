// CSV as Swedish Excel opens it: semicolon-separated, UTF-8 with BOM, CRLF line ends. Every CSV export
// writes its cells through here, so none can smuggle a formula into a spreadsheet ("CSV injection").
// Text is data, never a formula: a text cell starting with = + - @, tab or CR gets a leading apostrophe.
// Numbers are passed as numbers and written as they are, so a negative amount stays a number.

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: a header row and data rows. */
export const csvDocument = (rows: CsvCell[][]): string =>
  `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
