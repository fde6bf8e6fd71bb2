import type { PlatformDb } from "../db/schema.ts";
import { DomainError, forbidden, notFound } from "../errors.ts";
import { orgNodeById } from "./repository.ts";

export const roles = [
  "admin",
  "controller",
  "kvalitet",
  "namndsekreterare",
  "enhetschef",
  "handlaggare",
  "fortroendevald",
] as const;
export type Role = (typeof roles)[number];

/**
 * read: committee-level data (goals, money, statistics without personal data).
 * read:personal: records about individuals or staff (EVB register, incidents, users of a unit).
 */
export type Permission =
  | "read"
  | "read:personal"
  | "write:styrning"
  | "write:ekonomi"
  | "write:evb"
  | "write:kvalitet"
  | "write:namnd"
  | "admin";

const grants: Record<Role, readonly Permission[]> = {
  admin: [
    "read",
    "read:personal",
    "write:styrning",
    "write:ekonomi",
    "write:evb",
    "write:kvalitet",
    "write:namnd",
    "admin",
  ],
  controller: ["read", "write:styrning", "write:ekonomi"],
  kvalitet: ["read", "read:personal", "write:kvalitet", "write:evb", "write:styrning"],
  namndsekreterare: ["read", "read:personal", "write:namnd"],
  enhetschef: ["read", "read:personal", "write:styrning", "write:kvalitet", "write:evb"],
  handlaggare: ["read", "read:personal", "write:evb", "write:kvalitet"],
  fortroendevald: ["read"],
};

export type Assignment = { role: Role; orgNodeId: string; path: string };

/** id is null for the system itself (CLI, demo loader). */
export type Actor = { id: string | null; username: string; displayName: string; assignments: Assignment[] };

export const roleGrants = (role: Role): readonly Permission[] => grants[role];

/** Subtree prefixes (materialised paths) where the actor holds the permission. */
export function scopesFor(actor: Actor, permission: Permission): string[] {
  return actor.assignments.filter((a) => grants[a.role].includes(permission)).map((a) => a.path);
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
