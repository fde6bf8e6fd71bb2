import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { type TestApp, testApp, testDatabaseWithOrganisation } from "../app/testing.ts";
import { systemActor } from "../platform/auth/access.ts";
import { addDays } from "../platform/calendar.ts";
import { importDecisionsCsv, requiredColumns } from "./import-service.ts";
import { installStandardCatalogue } from "./repository.ts";

/** The 42 hand-checked decisions whose quarter reports fixtures/expected-reports.json states. */
export const fixturePath = fileURLToPath(new URL("./fixtures/decisions-40.csv", import.meta.url));

/** A fresh database with the demo organisation and the standard catalogue in its kommun; no decisions yet. */
export async function evbTestDatabase() {
  const { database, demo } = await testDatabaseWithOrganisation();
  const kommunId = demo.nodes.kommun?.id as string;
  await installStandardCatalogue(database.db, kommunId);
  return { database, demo, kommunId };
}

/** The HTTP server over the demo organisation with the standard catalogue and the 42 fixture decisions. */
export async function evbTestApp(): Promise<TestApp> {
  const t = await testApp();
  const kommunId = t.demo.nodes.kommun?.id as string;
  await installStandardCatalogue(t.database.db, kommunId);
  await importDecisionsCsv(t.database.db, systemActor(), {
    scopeNodeId: kommunId,
    content: fs.readFileSync(fixturePath),
  });
  return t;
}

/** Units of the demo organisation with an insats of the standard catalogue each. */
const generatedKinds = [
  ["Boendestöd", "SoL", "sol-boendestod"],
  ["Kontaktfamilj och kontaktperson", "SoL", "sol-kontaktfamilj"],
  ["Bostad med särskild service", "LSS", "lss-9-9-grupp"],
  ["Daglig verksamhet Väst", "LSS", "lss-9-10"],
  ["Myndighet funktionsnedsättning", "LSS", "lss-9-6"],
] as const;

/**
 * `n` valid, distinct decisions for the demo organisation and the standard catalogue, as an import file
 * (benchmarks and statement counts): open, executed, interrupted and closed ones, some with offers.
 * With `executeEvery`, every `executeEvery`-th decision is executed too, so a second import changes rows.
 */
export function generatedDecisionsCsv(n: number, options: { executeEvery?: number } = {}): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const [unit, law, insats] = generatedKinds[i % generatedKinds.length] as (typeof generatedKinds)[number];
    const born = addDays("1940-01-01", Math.floor(i / 1000) * 11);
    const personId = `${born.replaceAll("-", "")}-T${String(i % 1000).padStart(3, "0")}`;
    const decided = addDays("2022-01-03", i % 700);
    const executed = i % 3 === 0 || (options.executeEvery !== undefined && i % options.executeEvery === 1);
    const interrupted = executed && i % 7 === 0;
    const closed = !executed && i % 11 === 0;
    return [
      personId,
      "",
      unit,
      law,
      "",
      insats,
      decided,
      interrupted ? addDays(decided, 130) : "",
      interrupted && i % 2 === 0 ? addDays(decided, 200) : "",
      executed ? addDays(decided, 100) : "",
      closed ? addDays(decided, 150) : "",
      closed ? "behov-upphort" : "",
      executed ? "" : "resursbrist",
      executed ? "" : "Väntar på plats",
      i % 5 === 0 ? `${addDays(decided, 30)}:nej` : "",
    ].join(",");
  });
  return [requiredColumns.join(","), ...rows].join("\n");
}
