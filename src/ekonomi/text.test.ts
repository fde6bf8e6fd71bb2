import { describe, expect, it } from "vitest";
import { findMentions, formatScaled, MINUS, mkrText, resultPhrase, resultSentence, tkrText } from "./text.ts";

describe("text figures from tkr", () => {
  it("renders −7 734 tkr as −7,7 mkr", () => {
    expect(mkrText(-7_734)).toBe(`${MINUS}7,7 mkr`);
    expect(tkrText(-7_734)).toBe(`${MINUS}7\u00a0734 tkr`);
  });
  it("rounds half away from zero at the text's precision", () => {
    expect(mkrText(14_877)).toBe("14,9 mkr");
    expect(mkrText(-14_850)).toBe(`${MINUS}14,9 mkr`);
    expect(mkrText(-14_849)).toBe(`${MINUS}14,8 mkr`);
    expect(mkrText(738_000, 0)).toBe("738 mkr");
    expect(mkrText(19_502, 1, true)).toBe("+19,5 mkr");
  });
  it("groups thousands and writes decimals with a comma", () => {
    expect(formatScaled(-6_863_860, 1)).toBe(`${MINUS}686\u00a0386,0`);
    expect(formatScaled(0, 0)).toBe("0");
  });
  it("phrases results the way the annual report does", () => {
    expect(resultPhrase(19_502)).toBe("ett överskott på 19,5 mkr");
    expect(resultPhrase(-14_877)).toBe("ett underskott på 14,9 mkr");
    expect(resultPhrase(-40)).toBe("ett resultat i nivå med budget");
    expect(resultSentence("Nämnden", 2021, 19_502)).toBe(
      "Nämnden redovisar 2021 ett överskott på 19,5 mkr (+19\u00a0502 tkr) mot budget.",
    );
  });
});

describe("findMentions", () => {
  it("finds money and percent in prose with Swedish typography", () => {
    const found = findMentions(
      "Avvikelsen är −7,5 mkr (−7 734 tkr), underskott 14,8 mnkr och +20,4 % fler ärenden; krav 3 kronor.",
    );
    expect(found.map((m) => [m.text, m.unit, m.scaled, m.digits, m.explicitSign])).toEqual([
      ["−7,5 mkr", "mkr", -75, 1, true],
      ["−7 734 tkr", "tkr", -7734, 0, true],
      ["14,8 mnkr", "mkr", 148, 1, false],
      ["+20,4 %", "%", 204, 1, true],
      ["3 kronor", "kr", 3, 0, false],
    ]);
  });
  it("reads an en dash and a hyphen as minus", () => {
    expect(findMentions("– 6 725 tkr och -2 mkr").map((m) => m.scaled)).toEqual([-6725, -2]);
  });
});
