// What the organisation and account routes answer, in wire form (camelCase keys). The routes declare
// these schemas and the OpenAPI document shows them; zod and vocabularies only, so the web may take
// its types from here.
import { z } from "zod";
import { roles } from "../platform/auth/roles.ts";
import { orgKinds } from "./schema.ts";

export const orgNode = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(orgKinds),
  name: z.string(),
  code: z.string().nullable(),
  diariumPrefix: z.string().nullable(),
  /** Materialised path of ids ("/kommun/…/self/"): the client tells sub-trees apart by prefix. */
  path: z.string(),
  sortOrder: z.number().int(),
  /** A förvaltning's nämnder besides one above it in the tree (empty for other nodes). */
  servesNamndIds: z.array(z.uuid()),
});
export const orgTreeResponse = z.array(orgNode);

export const account = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  orgNodeId: z.uuid(),
});

export const roleAssignment = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  role: z.enum(roles),
  orgNodeId: z.uuid(),
  validUntil: z.iso.date().nullable(),
});

/** A user as an administrator or unit manager lists them: only the roles the caller may see. */
export const listedUser = account.extend({
  orgNodeName: z.string(),
  roles: z.array(roleAssignment.extend({ orgNodeName: z.string() })),
  /** Roles on units outside the caller's scope; such an account can only be changed by a wider admin. */
  rolesOutsideScope: z.number().int(),
  manageable: z.boolean(),
});
export const usersResponse = z.array(listedUser);
