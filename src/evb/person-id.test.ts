import { describe, expect, it } from "vitest";
import { parsePersonId, sexMismatch } from "./person-id.ts";

const today = "2024-03-31";

describe("IVO's pseudonymous id ÅÅÅÅMMDD-T123", () => {
  it("reads birth date and sex from the third character of the suffix", () => {
    expect(parsePersonId("19850312-T123", today)).toEqual({
      ok: true,
      id: { value: "19850312-T123", birthDate: "1985-03-12", sex: "K" },
    });
    expect(parsePersonId("20010101-T431", today)).toMatchObject({ ok: true, id: { sex: "M" } });
    expect(parsePersonId("20010101-T400", today)).toMatchObject({ ok: true, id: { sex: "K" } });
    expect(parsePersonId("20010101-T090", today)).toMatchObject({ ok: true, id: { sex: "M" } });
  });

  it("normalises case and surrounding space", () => {
    expect(parsePersonId("  19990228-t217 ", today)).toMatchObject({
      ok: true,
      id: { value: "19990228-T217", sex: "M" },
    });
  });

  it.each([
    "198503121234",
    "19850312-1234",
    "850312-1234",
    "8503121234",
    "850312+1234",
    "19850372-1234", // samordningsnummer
  ])("refuses the personnummer form %s with a clear message", (input) => {
    const result = parsePersonId(input, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Ange inte personnummer/);
  });

  it.each([
    ["1985-03-12-T123", /ska skrivas ÅÅÅÅMMDD-T123/],
    ["19850312-X123", /ska skrivas/],
    ["19850312-T12", /ska skrivas/],
    ["19850312T123", /ska skrivas/],
    ["19850230-T123", /1985-02-30 i id finns inte/],
    ["20250101-T123", /ligger i framtiden/],
    ["18800101-T123", /orimligt tidigt/],
  ])("refuses %s", (input, message) => {
    const result = parsePersonId(input, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("explains a stated sex that contradicts the id", () => {
    const parsed = parsePersonId("19850312-T123", today);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(sexMismatch(parsed.id, "K")).toBeNull();
    expect(sexMismatch(parsed.id, "M")).toBe(
      "Kön M stämmer inte med id 19850312-T123: tredje tecknet efter bindestrecket är jämnt, alltså kvinna (K).",
    );
  });
});
