// The organisation's wire contract (see platform/http/endpoint.ts): the tree, its nodes, and the accounts
// an admin manages.
import { endpoint, noContent } from "../platform/http/endpoint.ts";
import { idParams } from "../platform/validation.ts";
import { account, orgNode, orgTreeResponse, roleAssignment, usersResponse } from "./responses.ts";
import { orgNodeInput, orgNodePatch, roleInput, userInput, userPatch } from "./schema.ts";

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
  params: idParams("Organisationsenhetens id"),
  body: orgNodePatch,
  response: orgNode,
});

export const usersOfNode = endpoint({
  method: "GET",
  url: "/api/org/nodes/:id/users",
  tag,
  summary: "Medarbetare och roller i en enhet",
  permission: "read:personal",
  params: idParams("Organisationsenhetens id"),
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
  params: idParams("Användarens id"),
  body: userPatch,
  response: account,
});

export const addRole = endpoint({
  method: "POST",
  url: "/api/admin/users/:id/roles",
  tag: "Admin",
  summary: "Ge en roll",
  permission: "admin",
  params: idParams("Användarens id"),
  body: roleInput,
  response: roleAssignment,
});

export const removeRole = endpoint({
  method: "DELETE",
  url: "/api/admin/roles/:id",
  tag: "Admin",
  summary: "Ta bort en roll",
  permission: "admin",
  params: idParams("Behörighetens id"),
  response: noContent,
});
