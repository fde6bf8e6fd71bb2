import { z } from "zod";
import { recordAudit } from "../platform/audit/audit.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { PlatformDb } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { labelled } from "../platform/validation.ts";
import { createUser } from "./directory-service.ts";
import * as repo from "./repository.ts";
import { userInput } from "./schema.ts";

export const initInput = z.object({
  kommun: labelled(z.string().trim().min(1, "Ange kommunens namn.").max(200), "Kommun"),
  /** The municipality code national statistics use (SCB, Kolada): the kommun's own, stored on its root. */
  code: labelled(
    z
      .string()
      .trim()
      .regex(/^\d{4}$/, "Kommunkoden är fyra siffror, t.ex. 1384.")
      .nullish(),
    "Kommunkod",
  ),
  admin: userInput.pick({ username: true, displayName: true, email: true, password: true }).required({
    password: true,
  }),
});
export type InitInput = z.infer<typeof initInput>;

/** A kommun root (audited as the system) in the caller's transaction. */
async function insertKommun(trx: PlatformDb, input: InitInput) {
  const node = await repo.insertNode(
    trx,
    {
      parent_id: null,
      kind: "kommun",
      name: input.kommun,
      code: input.code ?? null,
      diarium_prefix: null,
      sort_order: 0,
    },
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
}

/** The kommun's first administrator: admin over that kommun only (docs/organisation.md). */
const createKommunAdmin = (db: PlatformDb, kommun: repo.OrgNodeRow, input: InitInput) =>
  createUser(db, systemActor(), {
    ...input.admin,
    orgNodeId: kommun.id,
    roles: [{ role: "admin", orgNodeId: kommun.id }],
  });

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
        "Databasen har redan en organisation och användare; lägg till fler i webbgränssnittet, med lots user add eller en ny kommun med lots kommun add.",
      );
    }
    return nodes[0] ?? insertKommun(trx, input);
  });
  return { kommun: root, admin: await createKommunAdmin(db, root, input) };
}

/**
 * Another kommun of the installation (a kommunalförbund, a shared service, a hosted offering): a root of
 * its own with its first administrator, all or nothing. Only the installation's operator (the CLI) does
 * this; no role in one kommun reaches another.
 */
export async function addKommun(db: PlatformDb, input: InitInput) {
  return db.transaction().execute(async (trx) => {
    const roots = await repo.rootNodes(trx);
    if (roots.length === 0) {
      throw new DomainError("conflict", "Databasen har ingen kommun än; skapa den första med lots init.");
    }
    const taken = roots.find(
      (r) =>
        r.name.toLocaleLowerCase("sv") === input.kommun.toLocaleLowerCase("sv") ||
        (input.code && r.code === input.code),
    );
    if (taken) {
      throw new DomainError("conflict", `Kommunen finns redan: ${taken.name}${taken.code ? ` (${taken.code})` : ""}.`);
    }
    const kommun = await insertKommun(trx, input);
    return { kommun, admin: await createKommunAdmin(trx, kommun, input) };
  });
}
