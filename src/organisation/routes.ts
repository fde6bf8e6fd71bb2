import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { route } from "../platform/http/route.ts";
import { orgNodeInput, orgNodePatch, roleInput, userInput, userPatch } from "./schema.ts";
import * as service from "./service.ts";

const idParams = z.object({ id: z.uuid() });
const tag = "Organisation";

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    { method: "GET", url: "/api/org/tree", tag, summary: "Organisationsträdet du kan läsa", permission: "read" },
    ({ db, actor }) => service.readableTree(db, actor),
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
    },
    ({ db, actor, body }) => service.createNode(db, actor, body),
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
    },
    ({ db, actor, params, body }) => service.updateNode(db, actor, params.id, body),
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
    },
    ({ db, actor, params }) => service.usersOfNode(db, actor, params.id),
  );
  route(
    app,
    {
      method: "GET",
      url: "/api/admin/users",
      tag: "Admin",
      summary: "Användare du administrerar",
      permission: "admin",
    },
    ({ db, actor }) => service.adminUsers(db, actor),
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
    },
    ({ db, actor, body }) => service.createUser(db, actor, body),
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
    },
    ({ db, actor, params, body }) => service.updateUserAccount(db, actor, params.id, body),
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
    },
    ({ db, actor, params, body }) => service.addRole(db, actor, params.id, body),
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
    },
    ({ db, actor, params }) => service.removeRole(db, actor, params.id),
  );
}
