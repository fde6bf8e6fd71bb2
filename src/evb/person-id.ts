// IVO's pseudonymous id for a person in an EVB report: birth date, a dash, the letter T and three digits
// (ÅÅÅÅMMDD-T123). The third character of the four-character suffix is a digit whose parity gives the
// sex, as in a personnummer: even = kvinna (K), odd = man (M). A real personnummer must never be stored.

import { isIsoDate } from "../platform/calendar.ts";

export type Sex = "K" | "M";
export const sexLabels: Record<Sex, string> = { K: "Kvinna", M: "Man" };

export type PersonId = { value: string; birthDate: string; sex: Sex };
export type PersonIdResult = { ok: true; id: PersonId } | { ok: false; message: string };

const FORMAT = "ÅÅÅÅMMDD-T123 (födelsedatum, bindestreck, bokstaven T och tre siffror)";
const PSEUDONYM = /^(\d{4})(\d{2})(\d{2})-T(\d)(\d)(\d)$/;
// Personnummer or samordningsnummer, with or without century and separator.
const PERSONNUMMER = /^(\d{2})?\d{6}[-+]?\d{4}$/;

/** Parses and normalises (trim, upper-case T) an id; `today` bounds the birth date. */
export function parsePersonId(input: string, today: string): PersonIdResult {
  const text = input.trim().toUpperCase();
  if (PERSONNUMMER.test(text.replace(/\s/g, ""))) {
    return {
      ok: false,
      message: `Ange inte personnummer eller samordningsnummer. Använd IVO:s avidentifierade id ${FORMAT}.`,
    };
  }
  const m = PSEUDONYM.exec(text);
  if (!m) return { ok: false, message: `Id ska skrivas ${FORMAT}, t.ex. 19850312-T123.` };
  const birthDate = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isIsoDate(birthDate)) return { ok: false, message: `Födelsedatumet ${birthDate} i id finns inte.` };
  if (birthDate > today) return { ok: false, message: `Födelsedatumet ${birthDate} i id ligger i framtiden.` };
  if (birthDate < "1890-01-01") return { ok: false, message: `Födelsedatumet ${birthDate} i id är orimligt tidigt.` };
  return { ok: true, id: { value: text, birthDate, sex: Number(m[5]) % 2 === 0 ? "K" : "M" } };
}

/** The Swedish explanation when a stated sex contradicts the id, or null when they agree. */
export function sexMismatch(id: PersonId, sex: Sex): string | null {
  if (id.sex === sex) return null;
  return `Kön ${sex} stämmer inte med id ${id.value}: tredje tecknet efter bindestrecket är ${
    id.sex === "K" ? "jämnt, alltså kvinna (K)" : "udda, alltså man (M)"
  }.`;
}
