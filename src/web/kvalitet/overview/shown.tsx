// How the joint view and the trends print a count that may be hidden (small-counts.ts), and the note
// that explains the marks to a reader who meets them.
import { type Shown, SMALL_COUNT_LABEL, SUPPRESSED_LABEL } from "../../../kvalitet/overview/small-counts.ts";
import { formatCount, formatNumber } from "../../../platform/i18n/format.ts";

export const shownText = (v: Shown) => (typeof v === "number" ? formatNumber(v) : v);

/** A possibly hidden count with its noun: "1 rapport", "3 rapporter", "<5 rapporter". */
export const shownCount = (v: Shown, one: string, many: string) =>
  typeof v === "number" ? formatCount(v, one, many) : `${v} ${many}`;

export const daysText = (d: number) => formatCount(d, "dag", "dagar");

/** A chart plots a hidden count as a gap. */
export const plotted = (v: Shown) => (typeof v === "number" ? v : null);

export function SmallCountNote() {
  return (
    <p className="notice">
      Du ser antal, inte enskilda ärenden. Antal från 1 till 4 visas som {SMALL_COUNT_LABEL} och {SUPPRESSED_LABEL}{" "}
      döljer ett antal som annars skulle avslöja ett litet, eftersom ett litet antal i en liten enhet kan peka ut en
      person.
    </p>
  );
}
