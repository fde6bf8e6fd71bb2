import { describe, expect, it } from "vitest";
import { parseReference } from "./foreign-reference.ts";
import type { ReferenceKind } from "./vocabulary.ts";

const read = (text: string, kind?: ReferenceKind) => parseReference(text, "IF", kind);

describe("parseReference", () => {
  it.each([
    ["7405-23", "mal", "7405-23"],
    ["mål nr 2953-23", "mal", "2953-23"],
    ["Mål nr. 2953 – 23", "mal", "2953-23"],
    ["3.5.1-12345/2023-2", "ivo", "3.5.1-12345/2023-2"],
    ["IVO 3.5.1 - 12345 / 2023 - 12", "ivo", "3.5.1-12345/2023-12"],
    ["IMY-2023-12345", "imy", "IMY-2023-12345"],
    ["imy 2024-00301", "imy", "IMY-2024-00301"],
    ["S2023/03181", "departement", "S2023/03181"],
    ["S2023-03181", "departement", "S2023/03181"],
    ["Fi2024/00012", "departement", "Fi2024/00012"],
    ["KS-2023-00710", "diarienummer", "KS-2023-00710"],
    ["KS 2023–00710", "diarienummer", "KS-2023-00710"],
  ] as const)("recognises %s as %s %s", (text, kind, value) => {
    expect(read(text)).toEqual({ ok: true, kind, value });
    expect(read(text, kind)).toEqual({ ok: true, kind, value });
  });

  it("keeps 'annan' as written, trimmed", () => {
    expect(read("  FK ärende 123 ", "annan")).toEqual({ ok: true, kind: "annan", value: "FK ärende 123" });
  });

  it("refuses the nämnd's own number: that is a link between cases", () => {
    const r = read("IF 2024-00016");
    expect(r).toEqual({ ok: false, message: expect.stringContaining("IF-2024-00016 är nämndens eget diarienummer") });
  });

  it("refuses what fits no pattern, and a text that does not fit the chosen kind", () => {
    expect(read("hej")).toMatchObject({ ok: false, message: expect.stringContaining('Känner inte igen "hej"') });
    expect(read("")).toEqual({ ok: false, message: "Referensen är tom." });
    expect(read("7405-23", "imy")).toMatchObject({
      ok: false,
      message: '"7405-23" ser inte ut som ett diarienummer som IMY-2023-12345.',
    });
    expect(read("IMY-2023-12345", "mal")).toMatchObject({ ok: false, message: expect.stringContaining("målnummer") });
    expect(read("x".repeat(201), "annan")).toMatchObject({ ok: false });
  });
});
