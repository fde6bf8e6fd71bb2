// The organisation's wire contract (see platform/http/endpoint.ts): the tree, its nodes, and the accounts
// an admin manages.
import { z } from "zod";
import { endpoint, noContent } from "../platform/http/endpoint.ts";
import { account, orgNode, orgTreeResponse, roleAssignment, usersResponse } from "./responses.ts";
import { orgNodeInput, orgNodePatch, roleInput, userInput, userPatch } from "./schema.ts";

const idParams = z.object({ id: z.uuid() });
const tag = "Organisation";

export const tree = endpoint({
  method: "GET",
  url: "/api/org/tree",
  tag,
  summary: "Organisationsträdet du kan läsa",
  permission: "read",
  response: orgTreeResponse,
});

export const createNode = endpoint({
  method: "POST",
  url: "/api/org/nodes",
  tag,
  summary: "Skapa organisationsenhet",
  permission: "admin",
  body: orgNodeInput,
  response: orgNode,
});

export const updateNode = endpoint({
  method: "PATCH",
  url: "/api/org/nodes/:id",
  tag,
  summary: "Ändra organisationsenhet",
  permission: "admin",
  params: idParams,
  body: orgNodePatch,
  response: orgNode,
});

export const usersOfNode = endpoint({
  method: "GET",
  url: "/api/org/nodes/:id/users",
  tag,
  summary: "Medarbetare och roller i en enhet",
  permission: "read:personal",
  params: idParams,
  response: usersResponse,
});

export const adminUsers = endpoint({
  method: "GET",
  url: "/api/admin/users",
  tag: "Admin",
  summary: "Användare du administrerar",
  permission: "admin",
  response: usersResponse,
});

export const createUser = endpoint({
  method: "POST",
  url: "/api/admin/users",
  tag: "Admin",
  summary: "Skapa användare med roller",
  permission: "admin",
  body: userInput,
  response: account,
});

export const updateUser = endpoint({
  method: "PATCH",
  url: "/api/admin/users/:id",
  tag: "Admin",
  summary: "Ändra användare",
  permission: "admin",
  params: idParams,
  body: userPatch,
  response: account,
});

export const addRole = endpoint({
  method: "POST",
  url: "/api/admin/users/:id/roles",
  tag: "Admin",
  summary: "Ge en roll",
  permission: "admin",
  params: idParams,
  body: roleInput,
  response: roleAssignment,
});

export const removeRole = endpoint({
  method: "DELETE",
  url: "/api/admin/roles/:id",
  tag: "Admin",
  summary: "Ta bort en roll",
  permission: "admin",
  params: idParams,
  response: noContent,
});
