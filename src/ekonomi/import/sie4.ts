// A reader for SIE 4 files (the Swedish ledger interchange format): #RAR, #KONTO/#KTYP, #DIM/#OBJEKT,
// #RES, #PSALDO, #PBUDGET and #VER with #TRANS. It never throws on bad input: every problem is
// reported with its line number, and the caller imports nothing while there are problems.
import iconv from "iconv-lite";

export type SieObject = { dim: string; id: string };
export type SieBalance = { line: number; yearIndex: number; account: string; objects: SieObject[]; amountOre: number };
export type SiePeriodBalance = SieBalance & { period: string };
export type SieTransaction = {
  line: number;
  account: string;
  objects: SieObject[];
  amountOre: number;
  /** YYYY-MM-DD, when the row has its own date. */
  date: string | null;
  text: string | null;
};
export type SieVoucher = {
  line: number;
  series: string;
  number: string;
  date: string;
  text: string;
  transactions: SieTransaction[];
};
export type SieAccountType = "T" | "S" | "K" | "I";

export type SieFile = {
  format: string | null;
  sieType: string | null;
  program: string | null;
  company: string | null;
  orgNr: string | null;
  fiscalYears: Array<{ line: number; index: number; start: string; end: string }>;
  accounts: Record<string, { name: string; type: SieAccountType | null }>;
  dimensions: Array<{ no: string; name: string }>;
  objects: Array<{ dim: string; id: string; name: string }>;
  res: SieBalance[];
  psaldo: SiePeriodBalance[];
  pbudget: SiePeriodBalance[];
  vouchers: SieVoucher[];
};
export type SieProblem = { line: number; message: string };

export type SieEncoding = "auto" | "cp437" | "windows-1252" | "utf-8";

// Swedish letters å ä ö Å Ä Ö é in CP437 and in Windows-1252 (Latin-1); a file with only the latter is not CP437.
const cp437Letters = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82]);
const latin1Letters = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9]);

function linesWith(bytes: Uint8Array, test: (b: number) => boolean): number[] {
  const lines: number[] = [];
  let line = 1;
  let marked = false;
  for (const b of bytes) {
    if (b === 0x0a) {
      line += 1;
      marked = false;
    } else if (!marked && test(b)) {
      lines.push(line);
      marked = true;
    }
  }
  return lines;
}

const lineList = (lines: number[]) => (lines.length > 5 ? `${lines.slice(0, 5).join(", ")} m.fl.` : lines.join(", "));

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIE 4 files are CP437 ("#FORMAT PC8"). In auto mode a file that is really UTF-8 or Windows-1252 is
 * refused with the lines where it shows, since guessing would silently garble names; the caller may
 * then choose the encoding explicitly.
 */
function decodeSie(
  bytes: Uint8Array,
  encoding: SieEncoding = "auto",
): { ok: true; text: string; encoding: string } | { ok: false; problems: SieProblem[] } {
  if (encoding === "utf-8") {
    if (!isUtf8(bytes)) {
      const lines = linesWith(bytes, (b) => b >= 0x80);
      return {
        ok: false,
        problems: [{ line: lines[0] ?? 1, message: `Filen är inte giltig UTF-8 (rad ${lineList(lines)}).` }],
      };
    }
    return { ok: true, text: new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""), encoding };
  }
  if (encoding === "auto") {
    const high = linesWith(bytes, (b) => b >= 0x80);
    if (high.length > 0 && isUtf8(bytes)) {
      return {
        ok: false,
        problems: [
          {
            line: high[0] ?? 1,
            message: `Filen är UTF-8-kodad men SIE 4 ska vara CP437 (#FORMAT PC8); tecken utanför ASCII på rad ${lineList(high)}. Exportera igen eller välj teckenkodning UTF-8.`,
          },
        ],
      };
    }
    const latin = linesWith(bytes, (b) => latin1Letters.has(b));
    if (latin.length > 0 && linesWith(bytes, (b) => cp437Letters.has(b)).length === 0) {
      return {
        ok: false,
        problems: [
          {
            line: latin[0] ?? 1,
            message: `Filen verkar vara Windows-1252-kodad men SIE 4 ska vara CP437 (#FORMAT PC8); å, ä och ö blir fel på rad ${lineList(latin)}. Exportera igen eller välj teckenkodning Windows-1252.`,
          },
        ],
      };
    }
  }
  const codec = encoding === "windows-1252" ? "win1252" : "cp437";
  return {
    ok: true,
    text: iconv.decode(Buffer.from(bytes), codec),
    encoding: encoding === "auto" ? "cp437" : encoding,
  };
}

type Token = string | string[];

/** Splits a record into fields: bare words, "quoted \"text\"" and {object lists}. */
export function tokenize(line: string): { ok: true; tokens: Token[] } | { ok: false; message: string } {
  const tokens: Token[] = [];
  let list: string[] | null = null;
  let i = 0;
  const push = (t: string) => (list ? list.push(t) : tokens.push(t));
  while (i < line.length) {
    const c = line[i] as string;
    if (c === " " || c === "\t") {
      i += 1;
    } else if (c === '"') {
      let value = "";
      i += 1;
      let closed = false;
      while (i < line.length) {
        const d = line[i] as string;
        if (d === "\\" && i + 1 < line.length) {
          value += line[i + 1];
          i += 2;
        } else if (d === '"') {
          closed = true;
          i += 1;
          break;
        } else {
          value += d;
          i += 1;
        }
      }
      if (!closed) return { ok: false, message: "citattecken saknar slut" };
      push(value);
    } else if (c === "{") {
      if (list) return { ok: false, message: "objektlistor kan inte nästlas" };
      list = [];
      i += 1;
    } else if (c === "}") {
      if (!list) return { ok: false, message: "} utan {" };
      tokens.push(list);
      list = null;
      i += 1;
    } else {
      let value = "";
      while (i < line.length && !' \t{}"'.includes(line[i] as string)) {
        value += line[i];
        i += 1;
      }
      push(value);
    }
  }
  if (list) return { ok: false, message: "objektlistan saknar }" };
  return { ok: true, tokens };
}

const amountPattern = /^-?\d+(\.\d{1,2})?$/;

/** SIE amounts use a decimal point and at most two decimals. */
export function sieAmountOre(text: string): number | null {
  if (!amountPattern.test(text)) return null;
  const negative = text.startsWith("-");
  const [i = "0", f = ""] = text.replace("-", "").split(".");
  const ore = Number(i) * 100 + Number(f.padEnd(2, "0"));
  if (!Number.isSafeInteger(ore)) return null;
  return negative && ore !== 0 ? -ore : ore;
}

/** YYYYMMDD → YYYY-MM-DD, or null when it is not a real date. */
function sieDate(text: string): string | null {
  const m = text.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function objectsOf(list: string[]): SieObject[] | null {
  if (list.length % 2 !== 0) return null;
  const objects: SieObject[] = [];
  for (let i = 0; i < list.length; i += 2) objects.push({ dim: list[i] as string, id: list[i + 1] as string });
  return objects;
}

const text = (t: Token | undefined): string | null => (typeof t === "string" ? t : null);
const accountPattern = /^\d{1,10}$/;

function emptySieFile(): SieFile {
  return {
    format: null,
    sieType: null,
    program: null,
    company: null,
    orgNr: null,
    fiscalYears: [],
    accounts: {},
    dimensions: [],
    objects: [],
    res: [],
    psaldo: [],
    pbudget: [],
    vouchers: [],
  };
}

/** Parses decoded SIE text. Unknown labels are skipped, as the format asks readers to do. */
export function parseSie(source: string): { file: SieFile; problems: SieProblem[] } {
  const file = emptySieFile();
  const problems: SieProblem[] = [];
  const lines = source.split(/\r?\n/);
  let voucher: SieVoucher | null = null;
  let inBlock = false;
  // A voucher with an unreadable row cannot be balance-checked meaningfully; the row's own problem says enough.
  let voucherHasBadRow = false;
  let sawAnyLabel = false;

  const problem = (line: number, message: string) => problems.push({ line, message });
  const closeVoucher = (line: number) => {
    if (!voucher) return;
    const sum = voucher.transactions.reduce((total, t) => total + t.amountOre, 0);
    if (sum !== 0 && !voucherHasBadRow) {
      problem(
        voucher.line,
        `Verifikation ${voucher.series} ${voucher.number} är obalanserad: raderna summerar till ${(sum / 100).toFixed(2)} kr (rad ${line}).`,
      );
    }
    file.vouchers.push(voucher);
    voucher = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const raw = (lines[index] as string).trim();
    if (raw === "") continue;
    if (raw === "{") {
      if (!voucher || inBlock) problem(lineNo, "{ utan föregående #VER.");
      else inBlock = true;
      continue;
    }
    if (raw === "}") {
      if (!inBlock) problem(lineNo, "} utan öppnande {.");
      else {
        inBlock = false;
        closeVoucher(lineNo);
      }
      continue;
    }
    if (!raw.startsWith("#")) {
      problem(lineNo, "Raden är ingen SIE-post (ska börja med #).");
      continue;
    }
    const tokenized = tokenize(raw);
    if (!tokenized.ok) {
      problem(lineNo, `Raden kan inte läsas: ${tokenized.message}.`);
      continue;
    }
    const [labelToken, ...f] = tokenized.tokens;
    const label = (text(labelToken) ?? "").toUpperCase();
    sawAnyLabel = true;
    if (voucher && !inBlock) {
      problem(voucher.line, `#VER ${voucher.series} ${voucher.number} saknar sina transaktioner inom { }.`);
      voucher = null;
    }
    if (inBlock && !["#TRANS", "#RTRANS", "#BTRANS"].includes(label)) {
      problem(lineNo, `${label} får inte stå inom en verifikation.`);
      continue;
    }

    switch (label) {
      case "#FORMAT":
        file.format = text(f[0]);
        if (file.format && file.format.toUpperCase() !== "PC8") {
          problem(lineNo, `#FORMAT ${file.format} stöds inte; SIE 4 ska vara PC8.`);
        }
        break;
      case "#SIETYP":
        file.sieType = text(f[0]);
        if (file.sieType !== "4") problem(lineNo, `Filen är SIE typ ${file.sieType ?? "?"}; endast typ 4 läses.`);
        break;
      case "#PROGRAM":
        file.program = [text(f[0]), text(f[1])].filter(Boolean).join(" ") || null;
        break;
      case "#FNAMN":
        file.company = text(f[0]);
        break;
      case "#ORGNR":
        file.orgNr = text(f[0]);
        break;
      case "#RAR": {
        const index = Number(text(f[0]));
        const start = sieDate(text(f[1]) ?? "");
        const end = sieDate(text(f[2]) ?? "");
        if (!Number.isInteger(index) || !start || !end) {
          problem(lineNo, "#RAR ska ha årsnummer, startdatum och slutdatum (ÅÅÅÅMMDD).");
        } else {
          file.fiscalYears.push({ line: lineNo, index, start, end });
        }
        break;
      }
      case "#KONTO": {
        const account = text(f[0]) ?? "";
        if (!accountPattern.test(account)) problem(lineNo, `#KONTO har ogiltigt kontonummer "${account}".`);
        else file.accounts[account] = { name: text(f[1]) ?? "", type: file.accounts[account]?.type ?? null };
        break;
      }
      case "#KTYP": {
        const account = text(f[0]) ?? "";
        const type = (text(f[1]) ?? "").toUpperCase();
        if (!accountPattern.test(account) || !["T", "S", "K", "I"].includes(type)) {
          problem(lineNo, "#KTYP ska ha kontonummer och typ T, S, K eller I.");
        } else {
          file.accounts[account] = { name: file.accounts[account]?.name ?? "", type: type as SieAccountType };
        }
        break;
      }
      case "#DIM":
      case "#UNDERDIM": {
        const no = text(f[0]);
        if (!no || !/^\d+$/.test(no)) problem(lineNo, `${label} saknar dimensionsnummer.`);
        else file.dimensions.push({ no, name: text(f[1]) ?? "" });
        break;
      }
      case "#OBJEKT": {
        const dim = text(f[0]);
        const id = text(f[1]);
        if (!dim || id === null) problem(lineNo, "#OBJEKT ska ha dimension och objektnummer.");
        else file.objects.push({ dim, id, name: text(f[2]) ?? "" });
        break;
      }
      case "#RES": {
        const yearIndex = Number(text(f[0]));
        const account = text(f[1]) ?? "";
        const amountOre = sieAmountOre(text(f[2]) ?? "");
        if (!Number.isInteger(yearIndex) || !accountPattern.test(account) || amountOre === null) {
          problem(lineNo, `#RES ska ha årsnummer, konto och belopp (fick "${f.map(String).join(" ")}").`);
        } else {
          file.res.push({ line: lineNo, yearIndex, account, objects: [], amountOre });
        }
        break;
      }
      case "#PSALDO":
      case "#PBUDGET": {
        const yearIndex = Number(text(f[0]));
        const period = text(f[1]) ?? "";
        const account = text(f[2]) ?? "";
        const list = f[3];
        const objects = Array.isArray(list) ? objectsOf(list) : null;
        const amountOre = sieAmountOre(text(f[4]) ?? "");
        if (!Number.isInteger(yearIndex) || !/^\d{6}$/.test(period) || !accountPattern.test(account)) {
          problem(lineNo, `${label} ska ha årsnummer, period (ÅÅÅÅMM) och konto.`);
        } else if (!objects) {
          problem(lineNo, `${label} saknar objektlista { } eller har en ofullständig.`);
        } else if (amountOre === null) {
          problem(lineNo, `${label} har ogiltigt belopp "${text(f[4]) ?? ""}" (decimalpunkt, högst två decimaler).`);
        } else {
          (label === "#PSALDO" ? file.psaldo : file.pbudget).push({
            line: lineNo,
            yearIndex,
            period,
            account,
            objects,
            amountOre,
          });
        }
        break;
      }
      case "#VER": {
        const date = sieDate(text(f[2]) ?? "");
        voucherHasBadRow = false;
        if (!date) {
          problem(lineNo, `#VER har ogiltigt verifikationsdatum "${text(f[2]) ?? ""}".`);
          voucher = { line: lineNo, series: "", number: "", date: "", text: "", transactions: [] };
        } else {
          voucher = {
            line: lineNo,
            series: text(f[0]) ?? "",
            number: text(f[1]) ?? "",
            date,
            text: text(f[3]) ?? "",
            transactions: [],
          };
        }
        break;
      }
      case "#TRANS": {
        if (!voucher || !inBlock) {
          problem(lineNo, "#TRANS utanför en verifikation.");
          break;
        }
        const account = text(f[0]) ?? "";
        const list = f[1];
        const objects = Array.isArray(list) ? objectsOf(list) : null;
        const amountOre = sieAmountOre(text(f[2]) ?? "");
        const rawDate = text(f[3]) ?? "";
        const date = rawDate === "" ? null : sieDate(rawDate);
        const bad = !accountPattern.test(account)
          ? `#TRANS har ogiltigt kontonummer "${account}".`
          : !objects
            ? "#TRANS saknar objektlista { } eller har en ofullständig."
            : amountOre === null
              ? `#TRANS har ogiltigt belopp "${text(f[2]) ?? ""}" (decimalpunkt, högst två decimaler).`
              : rawDate !== "" && !date
                ? `#TRANS har ogiltigt transaktionsdatum "${rawDate}".`
                : null;
        if (bad || !objects || amountOre === null) {
          problem(lineNo, bad ?? "#TRANS kan inte läsas.");
          voucherHasBadRow = true;
        } else {
          voucher.transactions.push({ line: lineNo, account, objects, amountOre, date, text: text(f[4]) || null });
        }
        break;
      }
      // Added and removed rows: an added row is also written as #TRANS, so counting #TRANS alone is right.
      case "#RTRANS":
      case "#BTRANS":
        if (!inBlock) problem(lineNo, `${label} utanför en verifikation.`);
        break;
      default:
        break;
    }
  }
  if (inBlock && voucher) problem((voucher as SieVoucher).line, "Verifikationen saknar avslutande }.");
  else if (voucher) problem((voucher as SieVoucher).line, "#VER saknar sina transaktioner inom { }.");
  if (!sawAnyLabel) problem(1, "Filen innehåller inga SIE-poster.");
  return { file, problems };
}

/** Reads a SIE 4 file from its bytes: decode, then parse. */
export function readSie(bytes: Uint8Array, encoding: SieEncoding = "auto") {
  const decoded = decodeSie(bytes, encoding);
  if (!decoded.ok) return { file: emptySieFile(), problems: decoded.problems, encoding: null };
  return { ...parseSie(decoded.text), encoding: decoded.encoding };
}
