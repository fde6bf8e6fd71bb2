import { z } from "zod";
import demoJson from "../../demo/organisation.json" with { type: "json" };
import { recordAudit } from "../platform/audit/audit.ts";
import { systemActor } from "../platform/auth/access.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import { roles } from "../platform/auth/roles.ts";
import type { PlatformDb } from "../platform/db/schema.ts";
import { parseInput } from "../platform/validation.ts";
import * as repo from "./repository.ts";
import { orgKinds } from "./schema.ts";

const demoSchema = z.object({
  nodes: z.array(
    z.object({
      key: z.string(),
      parent: z.string().optional(),
      kind: z.enum(orgKinds),
      name: z.string(),
      code: z.string().optional(),
      diariumPrefix: z.string().optional(),
    }),
  ),
  users: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      home: z.string(),
      roles: z.array(z.tuple([z.enum(roles), z.string()])),
    }),
  ),
});

export type DemoNodes = Record<string, { id: string; path: string }>;
export type DemoOrganisation = { nodes: DemoNodes; users: Record<string, string> };

/**
 * The same organisation as another kommun of the installation (tests of the kommun boundary): its root
 * renamed and coded, its accounts' usernames prefixed. `users` stays keyed by the demo usernames, so
 * every capability's demo data loads into it unchanged.
 */
export type DemoKommunVariant = { name: string; code: string; usernamePrefix: string };

/** Loads the demo organisation and one account per role, all with the same demo password. */
export async function seedDemoOrganisation(
  trx: PlatformDb,
  password: string,
  variant?: DemoKommunVariant,
): Promise<DemoOrganisation> {
  const demo = parseInput(demoSchema, demoJson, "Demodata för organisationen är ogiltiga");
  const nodes: DemoNodes = {};
  for (const [index, n] of demo.nodes.entries()) {
    const parent = n.parent ? nodes[n.parent] : undefined;
    if (n.parent && !parent) throw new Error(`Demo node ${n.key} names unknown parent ${n.parent}`);
    const root = variant && !n.parent;
    const row = await repo.insertNode(
      trx,
      {
        parent_id: parent?.id ?? null,
        kind: n.kind,
        name: root ? variant.name : n.name,
        code: (root ? variant.code : n.code) ?? null,
        diarium_prefix: n.diariumPrefix ?? null,
        sort_order: index,
      },
      parent?.path ?? "/",
    );
    nodes[n.key] = { id: row.id, path: row.path };
  }
  const usernameOf = (demoUsername: string) => `${variant?.usernamePrefix ?? ""}${demoUsername}`;
  const passwordHash = await hashPassword(password);
  const users: Record<string, string> = {};
  for (const u of demo.users) {
    const home = nodes[u.home];
    if (!home) throw new Error(`Demo user ${u.username} names unknown unit ${u.home}`);
    const user = await repo.insertUser(trx, {
      username: usernameOf(u.username),
      display_name: u.displayName,
      email: `${usernameOf(u.username)}@example.org`,
      org_node_id: home.id,
      password_hash: passwordHash,
    });
    users[u.username] = user.id;
    for (const [role, key] of u.roles) {
      const node = nodes[key];
      if (!node) throw new Error(`Demo role for ${u.username} names unknown unit ${key}`);
      await repo.insertRole(trx, { user_id: user.id, role, org_node_id: node.id, valid_until: null });
    }
  }
  await recordAudit(trx, systemActor(), {
    entity: "demo",
    entityId: null,
    // On the kommun: with several kommuner, a node-less event would show in every kommun's audit log.
    orgNodeId: Object.values(nodes)[0]?.id ?? null,
    action: "seed",
    after: { nodes: demo.nodes.length, users: demo.users.map((u) => usernameOf(u.username)) },
  });
  return { nodes, users };
}

export const demoUsernames = () => demoJson.users.map((u) => ({ username: u.username, role: u.roles[0]?.[0] }));
