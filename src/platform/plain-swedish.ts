// Validation messages in plain Swedish. zod's Swedish locale speaks like a validator ("Ogiltig inmatning:
// förväntat string, fick antal", "Ogiltig(t) ISO-datum"); a person filling in a form needs to hear what to
// write instead. A message a schema gives itself (z.uuid("…")) still wins over these.
import type { z } from "zod";
import { formatNumber } from "./i18n/format.ts";

type Issue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  number: "ett tal",
  int: "ett heltal",
  bigint: "ett heltal",
  string: "text",
  boolean: "ja eller nej",
  array: "en lista",
  object: "ett objekt med fält",
  date: "ett datum",
};

const formats: Record<string, string> = {
  date: "ett datum (ÅÅÅÅ-MM-DD)",
  datetime: "en tidpunkt (ÅÅÅÅ-MM-DDTtt:mm)",
  time: "ett klockslag (tt:mm)",
  uuid: "ett id (UUID)",
  guid: "ett id (UUID)",
  email: "en e-postadress",
  url: "en webbadress",
};

const count = (n: number | bigint, one: string, many: string) =>
  Number(n) === 1 ? `1 ${one}` : `${formatNumber(Number(n))} ${many}`;

const quote = (v: unknown) => (typeof v === "string" ? `"${v}"` : String(v));

/** A field the input may not have; the problem is named by the field itself ("Fältet "decidedBy": …"). */
export const UNKNOWN_FIELD = "finns inte här – kontrollera stavningen eller ta bort fältet.";

/** The plain message for any issue, so no validator wording (nor zod's English) reaches a person. */
export function plainSwedish(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "saknas.";
      const expected = typeNames[issue.expected];
      return expected ? `måste vara ${expected}.` : "har fel slags värde.";
    }
    case "invalid_format": {
      const format = formats[issue.format];
      return format ? `måste vara ${format}.` : "har fel form.";
    }
    case "too_small": {
      const min = issue.minimum;
      if (issue.origin === "string")
        return Number(min) <= 1 ? "måste fyllas i." : `måste ha minst ${count(min, "tecken", "tecken")}.`;
      if (issue.origin === "array" || issue.origin === "set") {
        return Number(min) <= 1 ? "måste ha minst en rad." : `måste ha minst ${count(min, "rad", "rader")}.`;
      }
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
        return issue.inclusive === false
          ? `måste vara större än ${formatNumber(Number(min))}.`
          : `får inte vara mindre än ${formatNumber(Number(min))}.`;
      }
      if (issue.origin === "date") return "är för tidigt.";
      return "är för litet.";
    }
    case "too_big": {
      const max = issue.maximum;
      if (issue.origin === "string") return `får ha högst ${count(max, "tecken", "tecken")}.`;
      if (issue.origin === "array" || issue.origin === "set") return `får ha högst ${count(max, "rad", "rader")}.`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
        return issue.inclusive === false
          ? `måste vara mindre än ${formatNumber(Number(max))}.`
          : `får inte vara större än ${formatNumber(Number(max))}.`;
      }
      if (issue.origin === "date") return "är för sent.";
      return "är för stort.";
    }
    case "invalid_value": {
      if (issue.input === undefined) return "saknas.";
      const values = issue.values;
      return values.length === 1
        ? `måste vara ${quote(values[0])}.`
        : `måste vara något av: ${values.map(quote).join(", ")}.`;
    }
    case "unrecognized_keys":
      return issue.keys.length === 1
        ? `fältet "${issue.keys[0]}" finns inte här – kontrollera stavningen eller ta bort fältet.`
        : `fälten ${issue.keys.map((k) => `"${k}"`).join(", ")} finns inte här – kontrollera stavningen eller ta bort fälten.`;
    case "not_multiple_of":
      return `måste vara en multipel av ${formatNumber(Number(issue.divisor))}.`;
    case "invalid_union":
      return "har fel form.";
    case "invalid_key":
      return "har en nyckel som inte är tillåten.";
    case "invalid_element":
      return "har ett värde som inte är tillåtet.";
    default:
      // A check of the schema's own (refine) without a message of its own.
      return "har ett värde som inte är tillåtet.";
  }
}
