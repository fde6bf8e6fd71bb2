import type { PlatformDb } from "../db/schema.ts";
import { DomainError, forbidden, notFound } from "../errors.ts";
import { orgNodeById } from "./repository.ts";
import { type Permission, type Role, roleGrants } from "./roles.ts";

export type Assignment = { role: Role; orgNodeId: string; path: string };

/** id is null for the system itself (CLI, demo loader). */
export type Actor = { id: string | null; username: string; displayName: string; assignments: Assignment[] };

/** Subtree prefixes (materialised paths) where the actor holds the permission. */
export function scopesFor(actor: Actor, permission: Permission): string[] {
  return actor.assignments.filter((a) => roleGrants(a.role).includes(permission)).map((a) => a.path);
}

export function can(actor: Actor, permission: Permission, nodePath: string): boolean {
  return scopesFor(actor, permission).some((scope) => nodePath.startsWith(scope));
}

export function canAnywhere(actor: Actor, permission: Permission): boolean {
  return scopesFor(actor, permission).length > 0;
}

/** Loads the node and checks the permission on it; returns the node for the caller's use. */
export async function requireAccess(
  db: PlatformDb,
  actor: Actor,
  permission: Permission,
  orgNodeId: string,
): Promise<{ id: string; path: string; name: string; kind: string }> {
  const node = await orgNodeById(db, orgNodeId);
  if (!node) throw notFound("Organisationsenheten");
  if (!can(actor, permission, node.path)) {
    throw forbidden(
      permission === "admin"
        ? `Du administrerar inte ${node.name}.`
        : permission.startsWith("write")
          ? `Du saknar skrivbehörighet för ${node.name}.`
          : `Du saknar läsbehörighet för ${node.name}.`,
    );
  }
  return node;
}

export function requirePermissionAnywhere(actor: Actor, permission: Permission): void {
  if (!canAnywhere(actor, permission)) throw new DomainError("forbidden", "Du saknar behörighet för detta.");
}

/** The CLI and demo loader act as this admin over the whole tree. */
export const systemActor = (rootPath = "/"): Actor => ({
  id: null,
  username: "system",
  displayName: "system",
  assignments: [{ role: "admin", orgNodeId: "", path: rootPath }],
});
