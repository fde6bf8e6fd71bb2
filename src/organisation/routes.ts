import type { FastifyInstance } from "fastify";
import type { Role } from "../platform/auth/roles.ts";
import { route } from "../platform/http/route.ts";
import * as api from "./api.ts";
import * as service from "./directory-service.ts";
import type { OrgNodeRow } from "./repository.ts";
import type { OrgKind } from "./schema.ts";

// ---------- wire form: the service's rows with camelCase keys ----------

const nodeDto = (n: OrgNodeRow & { serves_namnd_ids: string[] }) => ({
  id: n.id,
  parentId: n.parent_id,
  // The table's CHECK constraint holds kind to the vocabulary.
  kind: n.kind as OrgKind,
  name: n.name,
  code: n.code,
  diariumPrefix: n.diarium_prefix,
  path: n.path,
  sortOrder: n.sort_order,
  servesNamndIds: n.serves_namnd_ids,
});

type AccountRow = {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  active: boolean;
  org_node_id: string;
};
const accountDto = (u: AccountRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  email: u.email,
  active: u.active,
  orgNodeId: u.org_node_id,
});

type RoleRow = { id: string; user_id: string; role: string; org_node_id: string; valid_until: string | null };
const roleDto = (r: RoleRow) => ({
  id: r.id,
  userId: r.user_id,
  role: r.role as Role,
  orgNodeId: r.org_node_id,
  validUntil: r.valid_until,
});

type ListedUserRow = AccountRow & {
  org_node_name: string;
  roles: Array<RoleRow & { org_node_name: string }>;
  rolesOutsideScope: number;
  manageable: boolean;
};
const listedUserDto = (u: ListedUserRow) => ({
  ...accountDto(u),
  orgNodeName: u.org_node_name,
  roles: u.roles.map((r) => ({ ...roleDto(r), orgNodeName: r.org_node_name })),
  rolesOutsideScope: u.rolesOutsideScope,
  manageable: u.manageable,
});

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.tree, async ({ db, actor }) => (await service.readableTree(db, actor)).map(nodeDto));
  route(app, api.createNode, async ({ db, actor, body }) => nodeDto(await service.createNode(db, actor, body)));
  route(app, api.updateNode, async ({ db, actor, params, body }) =>
    nodeDto(await service.updateNode(db, actor, params.id, body)),
  );
  route(app, api.usersOfNode, async ({ db, actor, params }) =>
    (await service.usersOfNode(db, actor, params.id)).map(listedUserDto),
  );
  route(app, api.adminUsers, async ({ db, actor }) => (await service.adminUsers(db, actor)).map(listedUserDto));
  route(app, api.createUser, async ({ db, actor, body }) => accountDto(await service.createUser(db, actor, body)));
  route(app, api.updateUser, async ({ db, actor, params, body }) =>
    accountDto(await service.updateUserAccount(db, actor, params.id, body)),
  );
  route(app, api.addRole, async ({ db, actor, params, body }) =>
    roleDto(await service.addRole(db, actor, params.id, body)),
  );
  route(app, api.removeRole, ({ db, actor, params }) => service.removeRole(db, actor, params.id));
}
