// CSV text split into records as it arrives, a chunk at a time, so a file of any length is read in memory
// bounded by its longest record: only the unfinished record is kept between chunks. RFC 4180 quoting
// ("" inside quotes; delimiters and line breaks inside quotes), cells trimmed outside quotes, CR LF, LF or CR
// line ends. Each record carries the line it starts on, as the user sees it in an editor.

export type CsvRecord = { line: number; cells: string[] };

/** A record that cannot be read as CSV, with the line it is on (Swedish message). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

export type CsvSplitter = {
  /** The records completed by `text` (the rest waits for the next chunk). */
  push(text: string): CsvRecord[];
  /** The last record, at the end of the file. */
  end(): CsvRecord[];
};

/** A splitter for one file; `delimiter` is one character (";", "," or a tab). */
export function csvSplitter(delimiter: string): CsvSplitter {
  const delim = delimiter.charCodeAt(0);
  const blank = (c: number) => c === SPACE || (c === TAB && delim !== TAB);
  let rest = "";
  let line = 1;
  let started = false;

  /** One record from `pos`: its cells and where the next begins, or null when the text ends inside it. */
  function record(text: string, pos: number, final: boolean): { cells: string[]; next: number; lines: number } | null {
    const n = text.length;
    const cells: string[] = [];
    let lines = 0;
    let i = pos;
    for (;;) {
      let j = i;
      while (j < n && blank(text.charCodeAt(j))) j++;
      let k: number;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        let value = "";
        k = j + 1;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q < 0 || (q + 1 >= n && !final)) {
            if (!final) return null;
            throw new CsvSyntaxError(line + lines, "ett citattecken som börjar ett fält avslutas aldrig");
          }
          value += text.slice(k, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            k = q + 2;
            continue;
          }
          k = q + 1;
          break;
        }
        for (let at = value.indexOf("\n"); at >= 0; at = value.indexOf("\n", at + 1)) lines++;
        while (k < n && blank(text.charCodeAt(k))) k++;
        const c = text.charCodeAt(k);
        if (k < n && c !== delim && c !== LF && c !== CR) {
          throw new CsvSyntaxError(line + lines, `tecken efter ett citerat fält (kolumn ${cells.length + 1})`);
        }
        cells.push(value);
      } else {
        k = j;
        for (; k < n; k++) {
          const c = text.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw new CsvSyntaxError(
              line + lines,
              `citattecken mitt i ett fält (kolumn ${cells.length + 1}); ett citerat fält ska börja med citattecken`,
            );
          }
        }
        let end = k;
        while (end > j && blank(text.charCodeAt(end - 1))) end--;
        cells.push(text.slice(j, end));
      }
      if (k >= n) {
        if (!final) return null;
        return { cells, next: n, lines };
      }
      const c = text.charCodeAt(k);
      if (c === delim) {
        i = k + 1;
        continue;
      }
      if (c === CR && k + 1 >= n && !final) return null; // a CR LF may be split between chunks
      const next = c === CR && text.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
      return { cells, next, lines: lines + 1 };
    }
  }

  function drain(final: boolean): CsvRecord[] {
    const text = rest;
    const out: CsvRecord[] = [];
    let pos = 0;
    while (pos < text.length) {
      const found = record(text, pos, final);
      if (!found) break;
      out.push({ line, cells: found.cells });
      line += found.lines;
      pos = found.next;
    }
    rest = text.slice(pos);
    return out;
  }

  return {
    push(text) {
      rest += started ? text : text.replace(/^\uFEFF/, "");
      started = true;
      return drain(false);
    },
    end: () => drain(true),
  };
}
