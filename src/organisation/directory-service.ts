import type { z } from "zod";
import { logPersonalDataAccess } from "../platform/access/log.ts";
import { type Actor, can, requireAccess, scopesFor } from "../platform/auth/access.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import type { Permission } from "../platform/auth/roles.ts";
import type { PlatformDb } from "../platform/db/schema.ts";
import { DomainError, forbidden, notFound } from "../platform/errors.ts";
import { write } from "../platform/service.ts";
import { allowedChild, kindLabels } from "./hierarchy.ts";
import { kommunIdOf } from "./nodes.ts";
import * as repo from "./repository.ts";
import type { OrgKind, OrgNodeInput, orgNodePatch, roleInput, UserInput, userPatch } from "./schema.ts";

/** Nodes with the nämnder each förvaltning serves besides one above it (empty for every other node). */
async function withServedNamnder(db: PlatformDb, nodes: repo.OrgNodeRow[]) {
  const served = await repo.servedNamnder(
    db,
    nodes.filter((n) => n.kind === "forvaltning").map((n) => n.id),
  );
  return nodes.map((n) => ({ ...n, serves_namnd_ids: served.get(n.id) ?? [] }));
}

export async function readableTree(db: PlatformDb, actor: Actor) {
  return withServedNamnder(db, await repo.nodesUnder(db, scopesFor(actor, "read")));
}

const refused = (field: string, label: string, message: string) =>
  new DomainError("validation", `${label}: ${message}`, { problems: [{ field, label, message }] });

/**
 * The nämnder a förvaltning serves: each a nämnd of the förvaltning's own kommun that the actor
 * administers (a link never crosses kommuner, so no role reaches another kommun through it).
 */
async function checkServedNamnder(
  trx: PlatformDb,
  actor: Actor,
  forvaltning: { kind: string; path: string },
  ids: string[],
) {
  const label = "Förvaltningen tjänar även nämnderna";
  if (ids.length && forvaltning.kind !== "forvaltning") {
    throw refused("servesNamndIds", label, "endast en förvaltning tjänar flera nämnder.");
  }
  const namnder = await repo.nodesByIds(trx, [...new Set(ids)]);
  for (const id of new Set(ids)) {
    const namnd = namnder.find((n) => n.id === id);
    if (namnd?.kind !== "namnd" || kommunIdOf(namnd.path) !== kommunIdOf(forvaltning.path)) {
      throw refused("servesNamndIds", label, "välj nämnder i förvaltningens egen kommun.");
    }
    if (!can(actor, "admin", namnd.path)) throw forbidden(`Du administrerar inte ${namnd.name}.`);
  }
  return [...new Set(ids)];
}

export async function createNode(db: PlatformDb, actor: Actor, input: OrgNodeInput) {
  return write(db, actor, "admin", input.parentId, async ({ trx, node: parent, audit }) => {
    if (!allowedChild(parent.kind as OrgKind, input.kind)) {
      throw new DomainError(
        "validation",
        `En ${kindLabels[input.kind].toLowerCase()} kan inte ligga under en ${kindLabels[parent.kind as OrgKind].toLowerCase()}.`,
        { problems: [{ field: "kind", label: "Nivå", message: "Otillåten nivå under vald förälder." }] },
      );
    }
    if (input.diariumPrefix && input.kind !== "namnd") {
      throw new DomainError("validation", "Diarieprefix: endast en nämnd har diarieprefix.");
    }
    const served = await checkServedNamnder(
      trx,
      actor,
      { kind: input.kind, path: parent.path },
      input.servesNamndIds ?? [],
    );
    const row = await repo.insertNode(
      trx,
      {
        parent_id: parent.id,
        kind: input.kind,
        name: input.name,
        code: input.code ?? null,
        diarium_prefix: input.diariumPrefix ?? null,
        sort_order: input.sortOrder,
      },
      parent.path,
    );
    await repo.replaceServedNamnder(trx, row.id, served);
    const node = { ...row, serves_namnd_ids: served };
    await audit("org_node", node.id, "create", { after: node, orgNodeId: node.id });
    return node;
  });
}

export async function updateNode(db: PlatformDb, actor: Actor, id: string, patch: z.infer<typeof orgNodePatch>) {
  return write(db, actor, "admin", id, async ({ trx, audit }) => {
    const found = await repo.findNode(trx, id);
    if (!found) throw notFound("Organisationsenheten");
    const [before] = (await withServedNamnder(trx, [found])) as [repo.OrgNodeRow & { serves_namnd_ids: string[] }];
    if (patch.diariumPrefix && before.kind !== "namnd") {
      throw new DomainError("validation", "Diarieprefix: endast en nämnd har diarieprefix.");
    }
    const served =
      patch.servesNamndIds === undefined
        ? before.serves_namnd_ids
        : await checkServedNamnder(trx, actor, before, patch.servesNamndIds);
    const row = await repo.updateNode(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.code !== undefined ? { code: patch.code ?? null } : {}),
      ...(patch.diariumPrefix !== undefined ? { diarium_prefix: patch.diariumPrefix ?? null } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    if (patch.servesNamndIds !== undefined) await repo.replaceServedNamnder(trx, id, served);
    const after = { ...row, serves_namnd_ids: served };
    await audit("org_node", id, "update", { before, after });
    return after;
  });
}

/**
 * Users under the prefixes, each showing only the roles the actor's permission reaches; `manageable`
 * says whether the actor administers the home unit and every role (see requireAdminOverUser).
 */
async function usersInScope(db: PlatformDb, actor: Actor, permission: Permission, prefixes: string[]) {
  const users = await repo.usersUnder(db, prefixes);
  if (users.length === 0) return [];
  const visible = new Set((await repo.nodesUnder(db, scopesFor(actor, permission))).map((n) => n.id));
  const administered = new Set((await repo.nodesUnder(db, scopesFor(actor, "admin"))).map((n) => n.id));
  return users.map(({ roles, ...user }) => ({
    ...user,
    roles: roles.filter((r) => visible.has(r.org_node_id)),
    rolesOutsideScope: roles.filter((r) => !visible.has(r.org_node_id)).length,
    manageable: administered.has(user.org_node_id) && roles.every((r) => administered.has(r.org_node_id)),
  }));
}

/** Staff of a unit are personal data: only those with read:personal there may list them. */
export async function usersOfNode(db: PlatformDb, actor: Actor, nodeId: string) {
  const node = await requireAccess(db, actor, "read:personal", nodeId);
  const users = await usersInScope(db, actor, "read:personal", [node.path]);
  await logPersonalDataAccess(db, actor, {
    operation: "org.unit-users",
    orgNodeId: node.id,
    records: users.map((u) => ({ entity: "app_user", id: u.id, orgNodeId: u.org_node_id })),
  });
  return users;
}

export async function adminUsers(db: PlatformDb, actor: Actor) {
  const users = await usersInScope(db, actor, "admin", scopesFor(actor, "admin"));
  await logPersonalDataAccess(db, actor, {
    operation: "admin.users",
    orgNodeId: null,
    records: users.map((u) => ({ entity: "app_user", id: u.id, orgNodeId: u.org_node_id })),
  });
  return users;
}

/**
 * An account may only be changed by an admin over its home unit and every unit it holds a role on
 * (expired roles too): otherwise an admin of a sub-tree could reset the password of someone with wider
 * rights, log in as them and act outside the sub-tree.
 */
async function requireAdminOverUser(trx: PlatformDb, actor: Actor, userId: string) {
  const user = await repo.findUser(trx, userId);
  if (!user) throw notFound("Användaren");
  const nodes = await repo.unitPathsOfUser(trx, user);
  if (!nodes.every((n) => can(actor, "admin", n.path))) {
    throw forbidden(
      `Du kan inte ändra kontot ${user.username}: det hör till eller har roller i enheter som du inte administrerar.`,
    );
  }
  return user;
}

/** Joins the caller's transaction: the role's own unit must be administered too. */
function addRoleChecked(db: PlatformDb, actor: Actor, userId: string, role: z.infer<typeof roleInput>) {
  return write(db, actor, "admin", role.orgNodeId, async ({ trx, audit }) => {
    const row = await repo.insertRole(trx, {
      user_id: userId,
      role: role.role,
      org_node_id: role.orgNodeId,
      valid_until: role.validUntil ?? null,
    });
    await audit("role_assignment", row.id, "create", { after: row });
    return row;
  });
}

export async function createUser(db: PlatformDb, actor: Actor, input: UserInput) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return write(db, actor, "admin", input.orgNodeId, async ({ trx, audit }) => {
    if (await repo.usernameTaken(trx, input.username))
      throw new DomainError("conflict", `Användarnamnet ${input.username} är upptaget.`);
    const user = await repo.insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      org_node_id: input.orgNodeId,
      password_hash: passwordHash,
    });
    await audit("app_user", user.id, "create", { after: user });
    // Each role is checked inside the transaction: one refused role undoes the whole account.
    for (const role of input.roles) await addRoleChecked(trx, actor, user.id, role);
    return user;
  });
}

export async function updateUserAccount(db: PlatformDb, actor: Actor, id: string, patch: z.infer<typeof userPatch>) {
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  // Checked first for its message (which names the account); again inside, on the rows the change sees.
  const user = await requireAdminOverUser(db, actor, id);
  return write(db, actor, "admin", user.org_node_id, async ({ trx, audit }) => {
    const before = await requireAdminOverUser(trx, actor, id);
    const after = await repo.updateUser(trx, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.email !== undefined ? { email: patch.email ?? null } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
    });
    // A deactivated account or a new password ends every open session at once.
    if (patch.active === false || passwordHash) await repo.endSessionsOf(trx, id);
    await audit("app_user", id, "update", {
      before,
      after: { ...after, ...(passwordHash ? { password_changed: true } : {}) },
      orgNodeId: after.org_node_id,
    });
    return after;
  });
}

export async function addRole(db: PlatformDb, actor: Actor, userId: string, role: z.infer<typeof roleInput>) {
  await requireAdminOverUser(db, actor, userId); // for its message, as in updateUserAccount
  return write(db, actor, "admin", role.orgNodeId, async ({ trx }) => {
    await requireAdminOverUser(trx, actor, userId);
    return addRoleChecked(trx, actor, userId, role);
  });
}

export async function removeRole(db: PlatformDb, actor: Actor, roleId: string) {
  const existing = await repo.findRole(db, roleId);
  if (!existing) throw notFound("Rolltilldelningen");
  await requireAdminOverUser(db, actor, existing.user_id); // for its message, as in updateUserAccount
  return write(db, actor, "admin", existing.org_node_id, async ({ trx, audit }) => {
    // Covers the role's own unit too: the user holds a role there.
    await requireAdminOverUser(trx, actor, existing.user_id);
    const before = await repo.deleteRole(trx, roleId);
    await audit("role_assignment", roleId, "delete", { before });
  });
}
