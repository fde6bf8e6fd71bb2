// Which roles an identity provider's claims give, and what a change of the rules would do to the users
// who have signed in. Pure: the service loads rules and the last seen claims, these compute.
import type { Role } from "../roles.ts";

export type MappingRule = { claim: string; value: string; role: Role; orgNodeId: string };
export type Grant = { role: Role; orgNodeId: string };

const grantKey = (g: Grant) => `${g.role}|${g.orgNodeId}`;

/** A claim's values as strings: a single value or a list (Entra ID's "groups" and "roles" are lists). */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
    .map((v) => String(v));
}

/** The roles the rules give for these claims, each once. Values compare exactly (group names are case-sensitive in Entra ID). */
export function grantsFor(rules: readonly MappingRule[], claims: Record<string, unknown>): Grant[] {
  const grants = new Map<string, Grant>();
  for (const rule of rules) {
    if (!claimValues(claims, rule.claim).includes(rule.value)) continue;
    const grant = { role: rule.role, orgNodeId: rule.orgNodeId };
    grants.set(grantKey(grant), grant);
  }
  return [...grants.values()];
}

export type RoleChange = Grant & { gained: number; lost: number };
export type MappingEffect = {
  /** Users who have signed in with the identity provider (their last claims are what is judged). */
  users: number;
  /** Per role and node, how many users would get it and how many would lose it. */
  changes: RoleChange[];
  /** Users whom the rules give no role at all, now and after the change. */
  withoutRole: { before: number; after: number };
};

/** What replacing `current` by `proposed` would do at each user's next login, judged by their last claims. */
export function mappingEffect(
  users: readonly { claims: Record<string, unknown> }[],
  current: readonly MappingRule[],
  proposed: readonly MappingRule[],
): MappingEffect {
  const changes = new Map<string, RoleChange>();
  const change = (grant: Grant) => {
    const key = grantKey(grant);
    const found = changes.get(key) ?? { ...grant, gained: 0, lost: 0 };
    changes.set(key, found);
    return found;
  };
  const withoutRole = { before: 0, after: 0 };
  for (const { claims } of users) {
    const before = grantsFor(current, claims);
    const after = grantsFor(proposed, claims);
    if (before.length === 0) withoutRole.before++;
    if (after.length === 0) withoutRole.after++;
    const had = new Set(before.map(grantKey));
    const has = new Set(after.map(grantKey));
    for (const grant of after) if (!had.has(grantKey(grant))) change(grant).gained++;
    for (const grant of before) if (!has.has(grantKey(grant))) change(grant).lost++;
  }
  return { users: users.length, changes: [...changes.values()], withoutRole };
}
