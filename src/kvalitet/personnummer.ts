// Free text about a händelse must not carry a personnummer (or samordningsnummer): it is masked on save and
// the writer is told. Pure. A digit run counts when its date part could be a birth date (a samordningsnummer
// adds 60 to the day), so amounts and phone numbers mostly pass; masking one too many is the safe mistake.

// 12 or 10 digits, with or without - or + before the last four, not inside a longer run of digits.
const CANDIDATE = /(?<![\d-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d])/g;

function couldBeBirthDate(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91));
}

export type Masked = { text: string; count: number };

/** `text` with every personnummer-like digit group replaced by asterisks of the same shape (19850312-1234 → ********-****). */
export function maskPersonnummer(text: string): Masked {
  let count = 0;
  const masked = text.replace(CANDIDATE, (match, _century, _year, month: string, day: string) => {
    if (!couldBeBirthDate(month, day)) return match;
    count += 1;
    return match.replace(/\d/g, "*");
  });
  return { text: masked, count };
}

/** The warning returned with an answer when `fields` had personnummer masked, or null when none. */
export function maskingWarning(fields: readonly string[]): string | null {
  if (fields.length === 0) return null;
  return `Ett personnummer maskerades i ${fields.join(", ")}. Skriv aldrig personnummer i en händelserapport.`;
}
