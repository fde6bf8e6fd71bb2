import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { type TestApp, testApp, testDatabaseWithOrganisation } from "../app/testing.ts";
import { systemActor } from "../platform/auth/access.ts";
import { importDecisionsCsv } from "./import-service.ts";
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
