// A ledger import's SQL statements do not grow with its rows: the file is read and summed before the write,
// which stores the sums (levels × kinds × months) in bulk with one audit event. A per-row statement fails here
// long before anyone times it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { withDemoApp } from "./testing.ts";

let t: TestApp;
let ifo: string;
withDemoApp((demo) => {
  ({ t, ifo } = demo);
});

const demoLedger = path.resolve(import.meta.dirname, "../../demo/ekonomi/huvudbok-ifo-2023-jan-apr.csv");

/** `rows` rows of the demo ledger's own codes over the twelve months, each amount `shift` öre more. */
function ledger(rows: number, shift: number): string {
  const [header, ...demo] = fs.readFileSync(demoLedger, "utf8").trim().split("\n");
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const [konto, ansvar] = (demo[i % demo.length] ?? "").split(";");
    lines.push(
      `${konto};${ansvar};2023-${String(1 + (i % 12)).padStart(2, "0")};${1000 + (i % 97)},${shift % 100};Rad ${i}`,
    );
  }
  return lines.join("\n");
}

/** Statements one import request sends, and its answer. */
async function importing(csv: string) {
  const client = await t.as("controller");
  const before = t.statements();
  const res = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/imports`, {
    fileName: "huvudbok.csv",
    contentBase64: Buffer.from(csv, "utf8").toString("base64"),
    kind: "utfall",
    mapping: { amount: "Belopp", period: "Period", konto: "Konto", ansvar: "Ansvar" },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { result: res.json(), statements: t.statements() - before };
}

describe("SQL statements of a ledger import", () => {
  // Session, access, the year's levels and code mappings, then in the write: the stored figures, the import
  // record, the figures' inserts or updates, one bulk audit event and the import's own (13–14 today).
  const bound = 20;

  it("imports 2 000 rows, and then 20 000, in the same bounded number of statements", async () => {
    const small = await importing(ledger(2_000, 1));
    expect(small.result).toMatchObject({ alreadyImported: false, rowsUsed: 2_000 });
    expect(small.result.figuresChanged).toBeGreaterThan(0);
    expect(small.statements).toBeLessThanOrEqual(bound);

    const large = await importing(ledger(20_000, 2));
    expect(large.result).toMatchObject({ alreadyImported: false, rowsUsed: 20_000 });
    expect(large.result.figuresChanged).toBeGreaterThan(0);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });
});
