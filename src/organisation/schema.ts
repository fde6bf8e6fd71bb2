import { z } from "zod";
import { roles } from "../platform/auth/roles.ts";
import { nonEmptyPatch } from "../platform/validation.ts";

export const orgKinds = ["kommun", "namnd", "forvaltning", "verksamhetsomrade", "enhet"] as const;
export type OrgKind = (typeof orgKinds)[number];

const orgNodeFields = z.object({
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().max(40).nullish(),
  diariumPrefix: z
    .string()
    .trim()
    .regex(/^[A-ZÅÄÖ]{1,6}$/, "Diarieprefix ska vara 1–6 versaler, t.ex. IF.")
    .nullish(),
  sortOrder: z.number().int(),
});

export const orgNodeInput = orgNodeFields.extend({
  parentId: z.uuid(),
  kind: z.enum(orgKinds).exclude(["kommun"]),
  sortOrder: z.number().int().default(0),
});
export type OrgNodeInput = z.infer<typeof orgNodeInput>;

// Built from the fields without defaults: zod applies defaults inside .partial(), which would reset them on every PATCH.
export const orgNodePatch = nonEmptyPatch(orgNodeFields.partial());

export const roleInput = z.object({
  role: z.enum(roles),
  orgNodeId: z.uuid(),
  validUntil: z.iso.date().nullish(),
});

export const password = z.string().min(10, "Lösenordet ska ha minst 10 tecken.").max(200);

export const userInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{2,60}$/, "Användarnamn får innehålla a–z, 0–9, punkt, bindestreck och understreck."),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().nullish(),
  orgNodeId: z.uuid(),
  password: password.optional(),
  roles: z.array(roleInput).max(50).default([]),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = nonEmptyPatch(
  z.object({
    displayName: z.string().trim().min(1).max(200).optional(),
    email: z.email().nullish(),
    active: z.boolean().optional(),
    password: password.optional(),
  }),
);
