import { z } from "zod";
import { recordAudit } from "../platform/audit/audit.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { PlatformDb } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { createUser } from "./directory-service.ts";
import * as repo from "./repository.ts";
import { userInput } from "./schema.ts";

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
export async function initOrganisation(db: PlatformDb, input: InitInput) {
  const root = await db.transaction().execute(async (trx) => {
    const nodes = await repo.firstNodes(trx);
    const resumable = nodes.length === 1 && nodes[0]?.kind === "kommun" && nodes[0].name === input.kommun;
    if ((await repo.anyUserExists(trx)) || (nodes.length > 0 && !resumable)) {
      throw new DomainError(
        "conflict",
        "Databasen har redan en organisation och användare; lägg till fler i webbgränssnittet eller med lots user add.",
      );
    }
    if (nodes[0]) return nodes[0];
    const node = await repo.insertNode(
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
