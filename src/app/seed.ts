import type { Kysely } from "kysely";
import { z } from "zod";
import { type DemoOrganisation, seedDemoOrganisation } from "../organisation/demo.ts";
import * as orgRepo from "../organisation/repository.ts";
import { userInput } from "../organisation/schema.ts";
import { createUser } from "../organisation/service.ts";
import { recordAudit } from "../platform/audit/audit.ts";
import { systemActor } from "../platform/auth/access.ts";
import { DomainError } from "../platform/errors.ts";
import type { AppDB } from "./capabilities.ts";
import { capabilities } from "./capabilities.ts";

/**
 * True once anything was ever stored: an organisation, an account, or an audit row. Audit rows
 * cannot be deleted, so a database emptied afterwards still counts and never gets demo accounts.
 */
export async function hasEverHeldData(db: Kysely<AppDB>): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom("org_node").select("id")).as("nodes"),
      eb.exists(eb.selectFrom("app_user").select("id")).as("users"),
      eb.exists(eb.selectFrom("audit_log").select("id")).as("audit"),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.nodes || row.users || row.audit);
}

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

export const initInput = z.object({
  kommun: z.string().trim().min(1, "Ange kommunens namn.").max(200),
  admin: userInput.pick({ username: true, displayName: true, email: true, password: true }).required({
    password: true,
  }),
});
export type InitInput = z.infer<typeof initInput>;

/**
 * The first organisation (the kommun as root) and its first administrator, for a production
 * database that starts empty. A run that stopped after the kommun was created can be repeated.
 */
export async function initOrganisation(db: Kysely<AppDB>, input: InitInput) {
  const root = await db.transaction().execute(async (trx) => {
    const users = await trx.selectFrom("app_user").select("id").limit(1).execute();
    const nodes = await trx.selectFrom("org_node").select(["id", "name", "kind", "path"]).limit(2).execute();
    const resumable = nodes.length === 1 && nodes[0]?.kind === "kommun" && nodes[0].name === input.kommun;
    if (users.length > 0 || (nodes.length > 0 && !resumable)) {
      throw new DomainError(
        "conflict",
        "Databasen har redan en organisation och användare; lägg till fler i webbgränssnittet eller med lots user add.",
      );
    }
    if (nodes[0]) return nodes[0];
    const node = await orgRepo.insertNode(
      trx,
      { parent_id: null, kind: "kommun", name: input.kommun, code: null, diarium_prefix: null, sort_order: 0 },
      "/",
    );
    await recordAudit(trx, systemActor(), {
      entity: "org_node",
      entityId: node.id,
      orgNodeId: node.id,
      action: "create",
      after: node,
    });
    return node;
  });
  const admin = await createUser(db, systemActor(), {
    ...input.admin,
    orgNodeId: root.id,
    roles: [{ role: "admin", orgNodeId: root.id }],
  });
  return { kommun: root, admin };
}
