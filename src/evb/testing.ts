import { fileURLToPath } from "node:url";
import { testDatabaseWithOrganisation } from "../platform/testing.ts";
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
