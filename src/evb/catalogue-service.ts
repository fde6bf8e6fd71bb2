import type { z } from "zod";
import { kommunIdOf, nodeOrThrow } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { read, write } from "../platform/service.ts";
import * as repo from "./repository.ts";
import type { codeInput, codePatch, insatsInput, insatsPatch } from "./schema.ts";
import type { EvbDB } from "./tables.ts";

type Db = DbOf<EvbDB>;

const toInsats = (r: Awaited<ReturnType<typeof repo.insatserOf>>[number]) => ({
  id: r.id,
  code: r.code,
  law: r.law,
  lagrum: r.lagrum,
  name: r.name,
  active: r.active,
  sortOrder: r.sort_order,
});

const toCode = (r: Awaited<ReturnType<typeof repo.codesOf>>[number]) => ({
  id: r.id,
  kind: r.kind,
  code: r.code,
  label: r.label,
  side: r.side,
  active: r.active,
  sortOrder: r.sort_order,
});

const onlyDelayHasSide = () =>
  new DomainError("validation", 'Fältet "side": bara orsaker till dröjsmål har en sida (kommun/enskild).');

/** The kommun's catalogue; anyone who may read the node may read it (it holds no personal data). */
export function catalogue(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const kommunId = kommunIdOf(node.path);
    const insatser = await repo.insatserOf(db, kommunId);
    const codes = await repo.codesOf(db, kommunId);
    return {
      kommunId,
      insatser: insatser.map(toInsats),
      delayReasons: codes.filter((c) => c.kind === "delay").map(toCode),
      closureReasons: codes.filter((c) => c.kind === "closure").map(toCode),
    };
  });
}

/** The catalogue is the kommun's: only an admin of the whole kommun edits it, so writes check the kommun. */
const kommunOf = async (db: Db, orgNodeId: string) => kommunIdOf((await nodeOrThrow(db, orgNodeId)).path);

export async function installStandardCatalogue(db: Db, actor: Actor, orgNodeId: string) {
  return write(db, actor, "admin", await kommunOf(db, orgNodeId), async ({ trx, node: kommun, audit }) => {
    const added = await repo.installStandardCatalogue(trx, kommun.id);
    if (added.insatser + added.codes > 0) await audit("evb_catalogue", kommun.id, "install", { after: added });
    return added;
  });
}

/** An insats name is unique per law in a kommun, whatever its case (as the evb_insats_name index has it). */
function requireFreeName(
  insatser: { id: string; law: string; name: string }[],
  law: string,
  name: string,
  id: string | null,
) {
  if (insatser.some((i) => i.id !== id && i.law === law && i.name.toLowerCase() === name.toLowerCase())) {
    throw new DomainError("conflict", `Insatsen ${name} enligt ${law} finns redan i katalogen.`);
  }
}

export async function createInsats(db: Db, actor: Actor, input: z.infer<typeof insatsInput>) {
  const kommunId = await kommunOf(db, input.orgNodeId);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    const existing = await repo.insatserOf(trx, kommunId);
    if (existing.some((i) => i.code === input.code)) {
      throw new DomainError("conflict", `Koden ${input.code} finns redan i katalogen.`);
    }
    requireFreeName(existing, input.law, input.name, null);
    const row = await repo.insertInsats(trx, {
      org_node_id: kommunId,
      code: input.code,
      law: input.law,
      lagrum: input.lagrum,
      name: input.name,
      active: input.active,
      sort_order: input.sortOrder,
    });
    await audit("evb_insats", row.id, "create", { after: row });
    return toInsats(row);
  });
}

export async function updateInsats(db: Db, actor: Actor, id: string, patch: z.infer<typeof insatsPatch>) {
  const before = await repo.findInsats(db, id);
  if (!before) throw notFound("Insatsen");
  return write(db, actor, "admin", before.org_node_id, async ({ trx, audit }) => {
    const insatser = await repo.insatserOf(trx, before.org_node_id);
    requireFreeName(insatser, patch.law ?? before.law, patch.name ?? before.name, id);
    const after = await repo.updateInsats(trx, id, {
      ...(patch.law !== undefined ? { law: patch.law } : {}),
      ...(patch.lagrum !== undefined ? { lagrum: patch.lagrum } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await audit("evb_insats", id, "update", { before, after });
    return toInsats(after);
  });
}

export async function createCode(db: Db, actor: Actor, input: z.infer<typeof codeInput>) {
  const kommunId = await kommunOf(db, input.orgNodeId);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    if (input.side && input.kind !== "delay") {
      throw onlyDelayHasSide();
    }
    const existing = await repo.codesOf(trx, kommunId);
    if (existing.some((c) => c.kind === input.kind && c.code === input.code)) {
      throw new DomainError("conflict", `Koden ${input.code} finns redan.`);
    }
    const row = await repo.insertCode(trx, {
      org_node_id: kommunId,
      kind: input.kind,
      code: input.code,
      label: input.label,
      side: input.side ?? null,
      active: input.active,
      sort_order: input.sortOrder,
    });
    await audit("evb_code", row.id, "create", { after: row });
    return toCode(row);
  });
}

export async function updateCode(db: Db, actor: Actor, id: string, patch: z.infer<typeof codePatch>) {
  const before = await repo.findCode(db, id);
  if (!before) throw notFound("Koden");
  return write(db, actor, "admin", before.org_node_id, async ({ trx, audit }) => {
    if (patch.side && before.kind !== "delay") {
      throw onlyDelayHasSide();
    }
    const after = await repo.updateCode(trx, id, {
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.side !== undefined ? { side: patch.side ?? null } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await audit("evb_code", id, "update", { before, after });
    return toCode(after);
  });
}
