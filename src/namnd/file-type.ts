// What an uploaded file is, judged by its bytes, never by the name or the media type the client declared.
// Pure. Office files are zip archives told apart by the entries they hold (word/, xl/) and OpenDocument by
// its first entry "mimetype"; text is UTF-8 without control characters.

import type { DocumentType } from "./vocabulary.ts";

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const latin1 = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The names in a zip archive's central directory, or null when the archive is not whole. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end record is at least 22 bytes from the end, followed by a comment of up to 64 kB.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (u32(bytes, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== DIRECTORY_ENTRY) return null;
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    names.push(latin1(bytes, at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

function zipType(bytes: Uint8Array): DocumentType | null {
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the media type.
  const firstName = latin1(bytes, 30, 30 + u16(bytes, 26));
  if (firstName === "mimetype") {
    const from = 30 + u16(bytes, 26) + u16(bytes, 28);
    if (latin1(bytes, from, from + ODT_MIMETYPE.length) === ODT_MIMETYPE)
      return "application/vnd.oasis.opendocument.text";
    return null;
  }
  const names = zipEntryNames(bytes);
  if (!names?.includes("[Content_Types].xml")) return null;
  if (names.includes("word/document.xml")) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (names.includes("xl/workbook.xml")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return null;
}

/** UTF-8 (a BOM allowed) with no control characters but tab, line breaks and form feed. */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/** The type the bytes show, or null for anything the diarium does not take (and for an empty file). */
export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PDF)) return "application/pdf";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, ZIP)) return zipType(bytes);
  return isText(bytes) ? "text/plain" : null;
}
