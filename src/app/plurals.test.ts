// "1 rader", "Spara 1 ändringar": a count written straight before a plural noun is wrong whenever the count
// is one. Counts go through formatCount (platform/i18n/format.ts); this finds the ones that do not.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
/** Plural nouns whose singular differs, as they follow a count in Lots' texts. */
const plurals =
  "rader|indikatorer|händelser|avvikelser|värden|rättelser|rapporter|ändringar|erbjudanden|insatser|dagar|enheter|aktiviteter|nivåer|prognoser|investeringar|kolumner|tabeller|läsningar|roller|koder|orsaker|typer|ärenden|risker|åtgärder|kommungrupper";
/** `${n} rader` or `{n} rader` (JSX) with an interpolated count right before the noun. */
const rawCount = new RegExp(`\\}\\)? (${plurals})\\b`, "g");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("Swedish plurals", () => {
  it("every count before a plural noun goes through formatCount", () => {
    const found = sourceFiles(root).flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          [...line.matchAll(rawCount)].map(
            (m) =>
              `${path.relative(root, file)}:${i + 1}: …${line.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + m[0].length)}`,
          ),
        ),
    );
    expect(found).toEqual([]);
  });

  it("catches the forms it is meant to catch", () => {
    // Source text as the scan reads it ("$" and "{" kept apart so these are plain strings).
    for (const text of ["`$" + "{n} rader`", "{changes.length} ändringar", "$" + "{formatNumber(n)} händelser"]) {
      expect(text.match(rawCount), text).not.toBeNull();
    }
    expect(`$${"{"}formatCount(n, "rad", "rader")}`.match(rawCount)).toBeNull();
  });
});
