import { describe, expect, it } from "vitest";
import { formatDiarienummer, parseDiarienummer } from "./diarienummer.ts";

const canonical = (text: string, own = "IF") => {
  const r = parseDiarienummer(text, own);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const refusal = (text: string) => {
  const r = parseDiarienummer(text, "IF");
  if (r.ok) throw new Error(`${text} was accepted as ${r.value.canonical}`);
  return r.message;
};

describe("formatDiarienummer", () => {
  it("pads the löpnummer to five digits", () => {
    expect(formatDiarienummer({ prefix: "IF", year: 2023, number: 256 })).toBe("IF-2023-00256");
    expect(formatDiarienummer({ prefix: "IF", year: 2024, number: 99_999 })).toBe("IF-2024-99999");
  });
});

describe("parseDiarienummer", () => {
  it.each([
    ["IF-2023-00256", "IF-2023-00256"],
    ["IF IF-2023-00256", "IF-2023-00256"],
    ["IF- 2024-00005", "IF-2024-00005"],
    ["IF 2024-00016", "IF-2024-00016"],
    ["2020-00345", "IF-2020-00345"],
    ["IF-2021–00080", "IF-2021-00080"],
    ["dnr 2021–00080", "IF-2021-00080"],
    ["Dnr: IF-2023-00371", "IF-2023-00371"],
    ["Diarienummer IF-2022-00266", "IF-2022-00266"],
    ["IF—2024—00012", "IF-2024-00012"],
    ["IF\u00a02024\u2212 00037", "IF-2024-00037"],
    ["  if-2023-00392  ", "IF-2023-00392"],
    ["IF-2023-256", "IF-2023-00256"],
    ["IF - 2023 - 00006", "IF-2023-00006"],
  ])("reads %s as %s (own, not foreign)", (text, expected) => {
    const value = canonical(text);
    expect(value.canonical).toBe(expected);
    expect(value.foreign).toBe(false);
  });

  it("keeps another body's prefix and marks the number foreign", () => {
    expect(canonical("KS-2023-00710")).toMatchObject({ canonical: "KS-2023-00710", foreign: true, prefix: "KS" });
    expect(canonical("KS KS-2023-00710")).toMatchObject({ canonical: "KS-2023-00710", foreign: true });
    expect(canonical("VO 2023-00012")).toMatchObject({ canonical: "VO-2023-00012", foreign: true });
  });

  it("gives a number without prefix the nämnd's own", () => {
    expect(canonical("2023-00256", "VO")).toMatchObject({ canonical: "VO-2023-00256", foreign: false });
    expect(canonical("IF-2023-00256", "VO").foreign).toBe(true);
  });

  it("answers the parts", () => {
    expect(canonical("IF 2024-00016")).toEqual({
      prefix: "IF",
      year: 2024,
      number: 16,
      foreign: false,
      canonical: "IF-2024-00016",
    });
  });

  it.each([
    "",
    "   ",
    "dnr",
    "IF",
    "IF-2023",
    "IF-2023-",
    "abc",
    "IF-2023-00256-1",
    "IF-2023-000256",
    "IF-2023-00000",
    "IF2023-00256",
    "IF/2023/00256",
    "S2023/03181",
    "7405-23",
    "IF-1850-00001",
    "KS IF-2023-00256",
    "IF-2023-00256; drop table",
    "IF-２０２３-00256",
  ])("refuses %j with a Swedish message naming the form", (text) => {
    expect(refusal(text)).toMatch(/är inget diarienummer.*Skriv det som IF-2023-00256: prefix, år och löpnummer\.$/);
  });

  it("says why when it can", () => {
    expect(refusal("IF-23-00256")).toContain("året ska skrivas med fyra siffror");
    expect(refusal("IF-2023-123456")).toContain("löpnumret har högst fem siffror");
    expect(refusal("IF-2023-00000")).toContain("löpnumret börjar på 1");
    expect(refusal("IF-1850-00001")).toContain("året 1850 är orimligt");
  });
});
