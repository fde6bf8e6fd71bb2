// The mapping rules an admin edits: installation-wide, so managed by an admin of every kommun's top.
// A change is previewed against the claims each user last signed in with, then saved whole.
import type { PlatformDb } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { write } from "../../service.ts";
import { validationError } from "../../validation.ts";
import { type Actor, requireAccess } from "../access.ts";
import type { Role } from "../roles.ts";
import * as repo from "./repository.ts";
import { type MappingRule, mappingEffect } from "./rules.ts";
import type { MappingRuleInput } from "./schema.ts";

const ENTITY = "oidc_role_rule";

/**
 * One sign-in serves the whole installation and its rules grant roles in any kommun, so only an admin of
 * every kommun (with one kommun: its admin) lists or changes them (docs/organisation.md).
 */
async function topNode(db: PlatformDb, actor: Actor) {
  const [root, ...others] = await repo.rootNodes(db);
  if (!root) throw notFound("Organisationen");
  for (const kommun of [root, ...others]) await requireAccess(db, actor, "admin", kommun.id);
  return root;
}

const asRule = (r: { claim: string; value: string; role: string; org_node_id: string }): MappingRule => ({
  claim: r.claim,
  value: r.value,
  role: r.role as Role,
  orgNodeId: r.org_node_id,
});
const ruleKey = (r: MappingRule) => [r.claim, r.value, r.role, r.orgNodeId].join("\u0000");

const wire = (r: Awaited<ReturnType<typeof repo.mappingRules>>[number]) => ({
  id: r.id,
  claim: r.claim,
  value: r.value,
  role: r.role as Role,
  orgNodeId: r.org_node_id,
  orgNodeName: r.org_node_name,
});

export async function listRules(db: PlatformDb, actor: Actor, configured: boolean) {
  await topNode(db, actor);
  return { configured, rules: (await repo.mappingRules(db)).map(wire) };
}

/** Refuses rules on nodes that do not exist, naming the row. */
async function requireNodes(db: PlatformDb, proposed: readonly MappingRuleInput[]) {
  const names = await nodeNames(
    db,
    proposed.map((r) => r.orgNodeId),
  );
  const problems = proposed.flatMap((rule, index) =>
    names.has(rule.orgNodeId)
      ? []
      : [{ field: `rules.${index}.orgNodeId`, label: "Organisationsenhet", message: "finns inte." }],
  );
  if (problems.length) throw validationError("Reglerna sparades inte", problems);
  return names;
}

async function nodeNames(db: PlatformDb, ids: readonly string[]) {
  const rows = await repo.nodeNames(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function previewRules(db: PlatformDb, actor: Actor, proposed: readonly MappingRuleInput[]) {
  await topNode(db, actor);
  const names = await requireNodes(db, proposed);
  const current = (await repo.mappingRules(db)).map(asRule);
  const users = (await repo.signedInClaims(db)).map((u) => ({ claims: u.claims }));
  const effect = mappingEffect(users, current, proposed);
  const allNames = new Map([
    ...(await nodeNames(
      db,
      current.map((r) => r.orgNodeId),
    )),
    ...names,
  ]);
  return {
    ...effect,
    changes: effect.changes.map((c) => ({ ...c, orgNodeName: allNames.get(c.orgNodeId) ?? "" })),
  };
}

/** Replaces the rules by `proposed`, recording each rule removed and added. */
export async function saveRules(
  db: PlatformDb,
  actor: Actor,
  proposed: readonly MappingRuleInput[],
  configured: boolean,
) {
  const root = await topNode(db, actor);
  await write(db, actor, "admin", root.id, async ({ trx, auditMany }) => {
    await requireNodes(trx, proposed);
    const current = await repo.mappingRules(trx);
    const wanted = new Set(proposed.map(ruleKey));
    const kept = new Set(current.map((r) => ruleKey(asRule(r))));
    const removed = current.filter((r) => !wanted.has(ruleKey(asRule(r))));
    await repo.deleteRules(
      trx,
      removed.map((r) => r.id),
    );
    const added = await repo.insertRules(
      trx,
      proposed.filter((r) => !kept.has(ruleKey(r))),
    );
    await auditMany([
      ...removed.map((r) => ({
        entity: ENTITY,
        entityId: r.id,
        action: "delete",
        orgNodeId: r.org_node_id,
        before: { claim: r.claim, value: r.value, role: r.role, org_node_id: r.org_node_id },
      })),
      ...added.map((r) => ({ entity: ENTITY, entityId: r.id, action: "create", orgNodeId: r.org_node_id, after: r })),
    ]);
  });
  return listRules(db, actor, configured);
}
