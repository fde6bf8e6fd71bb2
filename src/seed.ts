import type { Kysely } from "kysely";
import { capabilities } from "./capabilities.ts";
import { type DemoOrganisation, seedDemoOrganisation } from "./organisation/demo.ts";
import type { DB } from "./platform/db/schema.ts";

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("org_node").select("id").limit(1).executeTakeFirst();
  return !row;
}

/** The demo organisation and every capability's demo data, all or nothing. */
export async function seedDemo(db: Kysely<DB>, password: string): Promise<DemoOrganisation> {
  return db.transaction().execute(async (trx) => {
    const demo = await seedDemoOrganisation(trx, password);
    for (const capability of capabilities) {
      if (capability.seedDemo) await capability.seedDemo(trx, demo);
    }
    return demo;
  });
}
