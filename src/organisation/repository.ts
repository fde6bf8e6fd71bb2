import { forIds, isAnyOf } from "../platform/db/rows.ts";
import type { PlatformDb } from "../platform/db/schema.ts";
import type { OrgKind } from "./schema.ts";

export type OrgNodeRow = {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  code: string | null;
  diarium_prefix: string | null;
  path: string;
  sort_order: number;
};

const nodeColumns = ["id", "parent_id", "kind", "name", "code", "diarium_prefix", "path", "sort_order"] as const;

export const findNode = (db: PlatformDb, id: string) =>
  db.selectFrom("org_node").select(nodeColumns).where("id", "=", id).executeTakeFirst();

/** Many nodes by id in one statement (one array parameter); unknown ids are left out. */
export const findNodes = (db: PlatformDb, ids: readonly string[]) =>
  forIds(ids, () => db.selectFrom("org_node").select(nodeColumns).where(isAnyOf("id", ids)).execute());

/** Nodes under any of the given path prefixes (a prefix includes its own node). */
export function nodesUnder(db: PlatformDb, prefixes: string[]): Promise<OrgNodeRow[]> {
  if (prefixes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("org_node")
    .select(nodeColumns)
    .where((eb) => eb.or(prefixes.map((p) => eb("path", "like", `${p}%`))))
    .orderBy("path")
    .execute();
}

/** Nodes of the given kinds under any of the prefixes, in the order the organisation lists them. */
export function nodesOfKindUnder(db: PlatformDb, prefixes: string[], kinds: OrgKind[]): Promise<OrgNodeRow[]> {
  if (prefixes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("org_node")
    .select(nodeColumns)
    .where("kind", "in", kinds)
    .where((eb) => eb.or(prefixes.map((p) => eb("path", "like", `${p}%`))))
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
}

/** The roots of the tree: the kommuner. */
export const rootNodes = (db: PlatformDb) =>
  db.selectFrom("org_node").select(nodeColumns).where("parent_id", "is", null).orderBy("name").execute();

/** Every node, or every node of one kind: an organisation has hundreds, not millions. */
export const allNodes = (db: PlatformDb, kind?: OrgKind) =>
  db
    .selectFrom("org_node")
    .select(nodeColumns)
    .$if(kind !== undefined, (qb) => qb.where("kind", "=", kind as OrgKind))
    .orderBy("path")
    .execute();

/** The first two nodes: enough to tell an empty tree, a lone kommun and a built organisation apart. */
export const firstNodes = (db: PlatformDb) => db.selectFrom("org_node").select(nodeColumns).limit(2).execute();

export async function insertNode(
  db: PlatformDb,
  values: Omit<OrgNodeRow, "id" | "path">,
  parentPath: string,
): Promise<OrgNodeRow> {
  // The path embeds the row's own id, so the id is generated here instead of by the database.
  const id = crypto.randomUUID();
  return db
    .insertInto("org_node")
    .values({ ...values, id, path: `${parentPath}${id}/` })
    .returning(nodeColumns)
    .executeTakeFirstOrThrow();
}

/** Updates a node's own columns; with none to change (only its served nämnder did), reads it back as it is. */
export const updateNode = (db: PlatformDb, id: string, values: Partial<Omit<OrgNodeRow, "id" | "path">>) =>
  Object.keys(values).length === 0
    ? db.selectFrom("org_node").select(nodeColumns).where("id", "=", id).executeTakeFirstOrThrow()
    : db.updateTable("org_node").set(values).where("id", "=", id).returning(nodeColumns).executeTakeFirstOrThrow();

/** The nämnder each of the förvaltningar serves besides one above it (org_forvaltning_namnd). */
export async function servedNamnder(db: PlatformDb, forvaltningIds: string[]): Promise<Map<string, string[]>> {
  const served = new Map<string, string[]>();
  if (forvaltningIds.length === 0) return served;
  const rows = await db
    .selectFrom("org_forvaltning_namnd")
    .select(["forvaltning_id", "namnd_id"])
    .where("forvaltning_id", "in", forvaltningIds)
    .orderBy("namnd_id")
    .execute();
  for (const r of rows) served.set(r.forvaltning_id, [...(served.get(r.forvaltning_id) ?? []), r.namnd_id]);
  return served;
}

/** Whether the node at `path`, or a node above it, is a förvaltning that serves the nämnd (besides its own). */
export async function servesNamnd(db: PlatformDb, path: string, namndId: string): Promise<boolean> {
  const found = await db
    .selectFrom("org_forvaltning_namnd")
    .select("forvaltning_id")
    .where("namnd_id", "=", namndId)
    .where("forvaltning_id", "in", path.split("/").filter(Boolean))
    .executeTakeFirst();
  return found !== undefined;
}

export async function replaceServedNamnder(db: PlatformDb, forvaltningId: string, namndIds: string[]) {
  await db.deleteFrom("org_forvaltning_namnd").where("forvaltning_id", "=", forvaltningId).execute();
  if (namndIds.length === 0) return;
  await db
    .insertInto("org_forvaltning_namnd")
    .values(namndIds.map((namnd_id) => ({ forvaltning_id: forvaltningId, namnd_id })))
    .execute();
}

export const nodesByIds = (db: PlatformDb, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom("org_node").select(nodeColumns).where("id", "in", ids).execute();

const userColumns = ["u.id", "u.username", "u.display_name", "u.email", "u.active", "u.org_node_id"] as const;

export const findUser = (db: PlatformDb, id: string) =>
  db.selectFrom("app_user as u").select(userColumns).where("u.id", "=", id).executeTakeFirst();

/** Users whose home unit or any role lies under the given prefixes. */
export async function usersUnder(db: PlatformDb, prefixes: string[]) {
  if (prefixes.length === 0) return [];
  const users = await db
    .selectFrom("app_user as u")
    .innerJoin("org_node as n", "n.id", "u.org_node_id")
    .select([...userColumns, "n.name as org_node_name"])
    .where((eb) =>
      eb.or([
        ...prefixes.map((p) => eb("n.path", "like", `${p}%`)),
        eb.exists(
          eb
            .selectFrom("role_assignment as r")
            .innerJoin("org_node as rn", "rn.id", "r.org_node_id")
            .select("r.id")
            .whereRef("r.user_id", "=", "u.id")
            .where((e2) => e2.or(prefixes.map((p) => e2("rn.path", "like", `${p}%`)))),
        ),
      ]),
    )
    .orderBy("u.display_name")
    .execute();
  const assignments = users.length
    ? await db
        .selectFrom("role_assignment as r")
        .innerJoin("org_node as n", "n.id", "r.org_node_id")
        .select(["r.id", "r.user_id", "r.role", "r.org_node_id", "r.valid_until", "n.name as org_node_name"])
        .where(
          "r.user_id",
          "in",
          users.map((u) => u.id),
        )
        .execute()
    : [];
  return users.map((u) => ({ ...u, roles: assignments.filter((a) => a.user_id === u.id) }));
}

export const usernameTaken = async (db: PlatformDb, username: string) =>
  (await db.selectFrom("app_user").select("id").where("username", "=", username).executeTakeFirst()) !== undefined;

export const anyUserExists = async (db: PlatformDb) =>
  (await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst()) !== undefined;

/** Paths of a user's home unit and of every unit the user holds a role on (expired roles too). */
export const unitPathsOfUser = (db: PlatformDb, user: { id: string; org_node_id: string }) =>
  db
    .selectFrom("org_node")
    .select("path")
    .where((eb) =>
      eb.or([
        eb("id", "=", user.org_node_id),
        eb("id", "in", eb.selectFrom("role_assignment").select("org_node_id").where("user_id", "=", user.id)),
      ]),
    )
    .execute();

export const insertUser = (
  db: PlatformDb,
  values: {
    username: string;
    display_name: string;
    email: string | null;
    org_node_id: string;
    password_hash: string | null;
  },
) =>
  db
    .insertInto("app_user")
    .values(values)
    .returning(["id", "username", "display_name", "email", "active", "org_node_id"])
    .executeTakeFirstOrThrow();

export const updateUser = (
  db: PlatformDb,
  id: string,
  values: Partial<{ display_name: string; email: string | null; active: boolean; password_hash: string }>,
) =>
  db
    .updateTable("app_user")
    .set(values)
    .where("id", "=", id)
    .returning(["id", "username", "display_name", "email", "active", "org_node_id"])
    .executeTakeFirstOrThrow();

export const insertRole = (
  db: PlatformDb,
  values: { user_id: string; role: string; org_node_id: string; valid_until: string | null },
) =>
  db
    .insertInto("role_assignment")
    .values(values)
    .returning(["id", "user_id", "role", "org_node_id", "valid_until"])
    .executeTakeFirstOrThrow();

export const findRole = (db: PlatformDb, id: string) =>
  db.selectFrom("role_assignment").select(["org_node_id", "user_id"]).where("id", "=", id).executeTakeFirst();

export const deleteRole = (db: PlatformDb, id: string) =>
  db
    .deleteFrom("role_assignment")
    .where("id", "=", id)
    .returning(["id", "user_id", "role", "org_node_id", "valid_until"])
    .executeTakeFirst();

export const endSessionsOf = (db: PlatformDb, userId: string) =>
  db.deleteFrom("session").where("user_id", "=", userId).execute();

/**
 * True once anything was ever stored: an organisation, an account, or an audit row. Audit rows
 * cannot be deleted, so a database emptied afterwards still counts and never gets demo accounts.
 */
export async function hasEverHeldData(db: PlatformDb): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom("org_node").select("id")).as("nodes"),
      eb.exists(eb.selectFrom("app_user").select("id")).as("users"),
      eb.exists(eb.selectFrom("audit_log").select("id")).as("audit"),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.nodes || row.users || row.audit);
}
