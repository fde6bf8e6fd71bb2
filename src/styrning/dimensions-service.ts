// Breakdowns beyond sex (age groups, target groups, units) that indicators share, and the relations between
// indicators (A is the sum of B and C; B is a subset of A) that the indicator page's checks use.

import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { write, writeRecord } from "../platform/service.ts";
import { canReadStyrning, readableRows, requireStyrningRead } from "./access.ts";
import { indicatorRecord } from "./indicators-service.ts";
import * as repo from "./repository.ts";
import type { DimensionInput } from "./schema.ts";
import type { StyrningDB } from "./tables.ts";
import type { DimensionKind, RelationKind } from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

const memberDto = (m: repo.MemberRow) => ({ id: m.id, code: m.code, label: m.label });

export async function listDimensions(db: Db, actor: Actor, orgNodeId: string) {
  const node = await requireStyrningRead(db, actor, orgNodeId);
  const rows = readableRows(actor, await repo.dimensionsAround(db, node.path));
  const members = await repo.membersOf(
    db,
    rows.map((d) => d.id),
  );
  return rows.map((d) => ({
    id: d.id,
    orgNodeId: d.org_node_id,
    orgNodeName: d.org_node_name,
    kind: d.kind as DimensionKind,
    name: d.name,
    writable: d.writable,
    members: members.filter((m) => m.dimension_id === d.id).map(memberDto),
  }));
}

export async function createDimension(db: Db, actor: Actor, input: DimensionInput) {
  const codes = input.members.map((m) => m.code);
  const twice = codes.find((c, i) => codes.indexOf(c) !== i);
  if (twice) throw new DomainError("validation", `Delar: koden "${twice}" förekommer två gånger.`);
  return write(db, actor, "write:styrning", input.orgNodeId, async ({ trx, node, audit }) => {
    if ((await repo.dimensionsAround(trx, node.path)).some((d) => d.org_node_id === node.id && d.name === input.name)) {
      throw new DomainError("conflict", `Namn: ${node.name} har redan en indelning som heter ${input.name}.`);
    }
    const dimension = await repo.insertDimension(trx, { org_node_id: node.id, kind: input.kind, name: input.name });
    await audit("indicator_dimension", dimension.id, "create", { after: dimension });
    const members = [];
    for (const [position, m] of input.members.entries()) {
      const member = await repo.insertMember(trx, {
        org_node_id: node.id,
        dimension_id: dimension.id,
        position,
        code: m.code,
        label: m.label,
      });
      await audit("indicator_dimension_member", member.id, "create", { after: { ...member, org_node_id: node.id } });
      members.push(memberDto(member));
    }
    return { id: dimension.id, orgNodeId: node.id, kind: input.kind, name: input.name, members };
  });
}

/**
 * Replaces what an indicator is made of: the parts it is the sum of, or the subsets it contains. A part
 * must be readable and may not be the indicator itself or contain it (no cycles of one step).
 */
export async function setRelations(
  db: Db,
  actor: Actor,
  wholeId: string,
  input: { kind: RelationKind; partIds: string[] },
) {
  return writeRecord(db, actor, "write:styrning", indicatorRecord(wholeId), async ({ trx, record, audit }) => {
    const partIds = [...new Set(input.partIds)];
    if (partIds.includes(wholeId)) {
      throw new DomainError("validation", `Delindikatorer: ${record.name} kan inte vara en del av sig själv.`);
    }
    const parts = await repo.findIndicators(trx, partIds);
    for (const id of partIds) {
      const part = parts.find((p) => p.id === id);
      if (!part || !canReadStyrning(actor, part.path)) throw notFound("Delindikatorn");
      if (part.unit !== record.unit) {
        throw new DomainError(
          "validation",
          `Delindikatorer: ${part.name} mäts i ${part.unit} men ${record.name} i ${record.unit}; de kan inte jämföras.`,
        );
      }
    }
    const containing = (await repo.relationsOf(trx, [wholeId])).filter(
      (r) => r.part_id === wholeId && partIds.includes(r.whole_id),
    );
    if (containing.length) {
      const other = parts.find((p) => p.id === containing[0]?.whole_id);
      throw new DomainError("validation", `Delindikatorer: ${other?.name} innehåller redan ${record.name}.`);
    }
    // Each kind is replaced on its own: setting the sum keeps the subsets, and the other way round.
    const before = await repo.deleteRelationsOf(trx, wholeId, input.kind);
    const otherKind = (await repo.relationsOf(trx, [wholeId])).find(
      (r) => r.whole_id === wholeId && partIds.includes(r.part_id),
    );
    if (otherKind) {
      const part = parts.find((p) => p.id === otherKind.part_id);
      throw new DomainError(
        "validation",
        `Delindikatorer: ${part?.name} är redan kopplad till ${record.name} på annat sätt.`,
      );
    }
    for (const partId of partIds) {
      await repo.insertRelation(trx, {
        org_node_id: record.org_node_id,
        whole_id: wholeId,
        part_id: partId,
        kind: input.kind,
      });
    }
    await audit("indicator_relation", wholeId, "update", {
      before: { kind: input.kind, partIds: before.map((r) => r.part_id) },
      after: { kind: input.kind, partIds },
    });
    const now = (await repo.relationsOf(trx, [wholeId])).filter((r) => r.whole_id === wholeId);
    return { wholeId, relations: now.map((r) => ({ partId: r.part_id, kind: r.kind as RelationKind })) };
  });
}
