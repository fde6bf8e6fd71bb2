import { describe, expect, it } from "vitest";
import { maskingWarning, maskPersonnummer } from "./personnummer.ts";

describe("maskPersonnummer", () => {
  it("masks the written forms of a personnummer, keeping their shape", () => {
    expect(maskPersonnummer("Brukare 19850312-1234 föll")).toEqual({ text: "Brukare ********-**** föll", count: 1 });
    expect(maskPersonnummer("198503121234").text).toBe("************");
    expect(maskPersonnummer("850312-1234").text).toBe("******-****");
    expect(maskPersonnummer("8503121234").text).toBe("**********");
    expect(maskPersonnummer("född 850312+1234 (över 100)").text).toBe("född ******+**** (över 100)");
  });

  it("masks a samordningsnummer (day + 60) and every occurrence", () => {
    expect(maskPersonnummer("19850372-1234 och 19900101-0000")).toEqual({
      text: "********-**** och ********-****",
      count: 2,
    });
  });

  it("leaves numbers that cannot be a birth date, and digits inside longer runs", () => {
    for (const text of [
      "Ärende 2023-278",
      "Summa 1234567 kr",
      "19851312-1234", // month 13
      "19850300-1234", // day 0
      "19850332-1234", // day 32
      "1234567890123", // 13 digits
      "IVO-id 19850312-T123",
      "Datum 2023-05-10",
    ]) {
      expect(maskPersonnummer(text), text).toEqual({ text, count: 0 });
    }
  });

  it("warns naming the fields, and says nothing when none were masked", () => {
    expect(maskingWarning([])).toBeNull();
    expect(maskingWarning(["vad som hände", "utredning"])).toBe(
      "Ett personnummer maskerades i vad som hände, utredning. Skriv aldrig personnummer i en händelserapport.",
    );
  });
});
