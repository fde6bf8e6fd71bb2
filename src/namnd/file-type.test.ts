import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { detectDocumentType, zipEntryNames } from "./file-type.ts";

/** A zip archive of stored (uncompressed) entries, in the given order: enough to build Office and ODF files. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const docx = () =>
  zip([
    ["[Content_Types].xml", "<Types/>"],
    ["_rels/.rels", "<Relationships/>"],
    ["word/document.xml", "<w:document/>"],
  ]);
const odt = () =>
  zip([
    ["mimetype", "application/vnd.oasis.opendocument.text"],
    ["content.xml", "<office:document-content/>"],
  ]);

describe("detectDocumentType", () => {
  it("knows PDF, PNG, JPEG and UTF-8 text by their bytes", () => {
    expect(detectDocumentType(Buffer.from("%PDF-1.4\n%âãÏÓ\n"))).toBe("application/pdf");
    expect(detectDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(detectDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(detectDocumentType(Buffer.from("Skrivelse från SiS om avgifter 2024.\r\n\tRad två\n"))).toBe("text/plain");
    expect(detectDocumentType(Buffer.from("\uFEFFMed BOM"))).toBe("text/plain");
  });

  it("tells docx, xlsx and odt apart inside their zip archives", async () => {
    expect(detectDocumentType(docx())).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(detectDocumentType(odt())).toBe("application/vnd.oasis.opendocument.text");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").addRow(["Dnr", "Rubrik"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(zipEntryNames(xlsx)).toContain("xl/workbook.xml");
    expect(detectDocumentType(xlsx)).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("refuses other zips, other ODF types, binaries, Windows-1252 text, control characters and empty files", () => {
    expect(detectDocumentType(zip([["a.txt", "x"]]))).toBeNull();
    expect(detectDocumentType(zip([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"]]))).toBeNull();
    expect(detectDocumentType(docx().subarray(0, 60))).toBeNull(); // cut off: no central directory
    expect(detectDocumentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull(); // an .exe
    expect(detectDocumentType(Buffer.from("<html><script>alert(1)</script>\u0000"))).toBeNull();
    expect(detectDocumentType(Buffer.from([0x48, 0xe4, 0x6a]))).toBeNull(); // "Häj" in Windows-1252
    expect(detectDocumentType(Buffer.from("GIF89a"))).toBe("text/plain"); // plain ASCII is text, harmless
    expect(detectDocumentType(Buffer.alloc(0))).toBeNull();
  });
});
