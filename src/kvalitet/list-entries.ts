// Rules shared by the kommun's lists (händelse types and causes, the lex Sarah lists, the kinds of tillsyn).
import { DomainError } from "../platform/errors.ts";

/** A new entry's code must be free in its list; a taken one is a conflict naming the code. */
export function checkCodeFree(entries: readonly { code: string }[], code: string): void {
  if (entries.some((e) => e.code === code)) throw new DomainError("conflict", `Koden ${code} finns redan i listan.`);
}

/** A new entry's place: the order asked for, else after the list's last entry. */
export const orderOfNew = (entries: readonly { sort_order: number }[], asked: number | undefined): number =>
  asked ?? Math.max(-1, ...entries.map((e) => e.sort_order)) + 1;
