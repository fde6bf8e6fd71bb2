import type { Kysely } from "kysely";
import { type DemoOrganisation, hasEverHeldData, seedDemoOrganisation } from "../organisation/index.ts";
import { DomainError } from "../platform/errors.ts";
import type { AppDB } from "./capabilities.ts";
import { capabilities } from "./capabilities.ts";

/**
 * The demo organisation and every capability's demo data, all or nothing, only into a database that
 * never held data: demo accounts with a published password must never appear beside real data.
 */
export async function seedDemo(db: Kysely<AppDB>, password: string): Promise<DemoOrganisation> {
  return db.transaction().execute(async (trx) => {
    if (await hasEverHeldData(trx)) {
      throw new DomainError(
        "conflict",
        "Databasen har redan haft data (organisation, användare eller granskningslogg). " +
          "Demodata laddas bara i en ny, tom databas.",
      );
    }
    const demo = await seedDemoOrganisation(trx, password);
    for (const capability of capabilities) {
      if (capability.seedDemo) await capability.seedDemo(trx, demo);
    }
    return demo;
  });
}
