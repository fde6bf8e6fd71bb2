import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Role } from "../platform/auth/access.ts";
import { noContent, route } from "../platform/http/route.ts";
import type { OrgNodeRow } from "./repository.ts";
import { account, orgNode, orgTreeResponse, roleAssignment, usersResponse } from "./responses.ts";
import { type OrgKind, orgNodeInput, orgNodePatch, roleInput, userInput, userPatch } from "./schema.ts";
import * as service from "./service.ts";

const idParams = z.object({ id: z.uuid() });
const tag = "Organisation";

// ---------- wire form: the service's rows with camelCase keys ----------

const nodeDto = (n: OrgNodeRow) => ({
  id: n.id,
  parentId: n.parent_id,
  // The table's CHECK constraint holds kind to the vocabulary.
  kind: n.kind as OrgKind,
  name: n.name,
  code: n.code,
  diariumPrefix: n.diarium_prefix,
  path: n.path,
  sortOrder: n.sort_order,
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
  route(
    app,
    {
      method: "GET",
      url: "/api/org/tree",
      tag,
      summary: "Organisationsträdet du kan läsa",
      permission: "read",
      response: orgTreeResponse,
    },
    async ({ db, actor }) => (await service.readableTree(db, actor)).map(nodeDto),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/org/nodes",
      tag,
      summary: "Skapa organisationsenhet",
      permission: "admin",
      body: orgNodeInput,
      response: orgNode,
    },
    async ({ db, actor, body }) => nodeDto(await service.createNode(db, actor, body)),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/org/nodes/:id",
      tag,
      summary: "Ändra organisationsenhet",
      permission: "admin",
      params: idParams,
      body: orgNodePatch,
      response: orgNode,
    },
    async ({ db, actor, params, body }) => nodeDto(await service.updateNode(db, actor, params.id, body)),
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/org/nodes/:id/users",
      tag,
      summary: "Medarbetare och roller i en enhet",
      permission: "read:personal",
      params: idParams,
      response: usersResponse,
    },
    async ({ db, actor, params }) => (await service.usersOfNode(db, actor, params.id)).map(listedUserDto),
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/admin/users",
      tag: "Admin",
      summary: "Användare du administrerar",
      permission: "admin",
      response: usersResponse,
    },
    async ({ db, actor }) => (await service.adminUsers(db, actor)).map(listedUserDto),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/admin/users",
      tag: "Admin",
      summary: "Skapa användare med roller",
      permission: "admin",
      body: userInput,
      response: account,
    },
    async ({ db, actor, body }) => accountDto(await service.createUser(db, actor, body)),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/admin/users/:id",
      tag: "Admin",
      summary: "Ändra användare",
      permission: "admin",
      params: idParams,
      body: userPatch,
      response: account,
    },
    async ({ db, actor, params, body }) => accountDto(await service.updateUserAccount(db, actor, params.id, body)),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/admin/users/:id/roles",
      tag: "Admin",
      summary: "Ge en roll",
      permission: "admin",
      params: idParams,
      body: roleInput,
      response: roleAssignment,
    },
    async ({ db, actor, params, body }) => roleDto(await service.addRole(db, actor, params.id, body)),
  );
  route(
    app,
    {
      method: "DELETE",
      url: "/api/admin/roles/:id",
      tag: "Admin",
      summary: "Ta bort en roll",
      permission: "admin",
      params: idParams,
      response: noContent,
    },
    ({ db, actor, params }) => service.removeRole(db, actor, params.id),
  );
}
