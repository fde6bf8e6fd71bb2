import { z } from "zod";
import { roles } from "../platform/auth/roles.ts";
import { labelled, nonEmptyPatch } from "../platform/validation.ts";

export const orgKinds = ["kommun", "namnd", "utskott", "forvaltning", "verksamhetsomrade", "enhet"] as const;
export type OrgKind = (typeof orgKinds)[number];

const orgNodeFields = z.object({
  name: labelled(z.string().trim().min(1).max(200), "Namn"),
  code: labelled(z.string().trim().max(40).nullish(), "Kod"),
  diariumPrefix: labelled(
    z
      .string()
      .trim()
      .regex(/^[A-ZÅÄÖ]{1,6}$/, "Diarieprefix ska vara 1–6 versaler, t.ex. IF."),
    "Diarieprefix",
  ).nullish(),
  sortOrder: labelled(z.number().int(), "Ordning"),
  /** A förvaltning only: the nämnder it serves besides one above it in the tree (docs/organisation.md). */
  servesNamndIds: labelled(z.array(z.uuid()).max(50), "Förvaltningen tjänar även nämnderna").optional(),
});

export const orgNodeInput = orgNodeFields.extend({
  parentId: labelled(z.uuid(), "Ligger under"),
  kind: labelled(z.enum(orgKinds).exclude(["kommun"]), "Nivå"),
  sortOrder: labelled(z.number().int().default(0), "Ordning"),
});
export type OrgNodeInput = z.infer<typeof orgNodeInput>;

// Built from the fields without defaults: zod applies defaults inside .partial(), which would reset them on every PATCH.
export const orgNodePatch = nonEmptyPatch(orgNodeFields.partial());

export const roleInput = z.object({
  role: labelled(z.enum(roles), "Roll"),
  orgNodeId: labelled(z.uuid(), "Enhet och omfång"),
  validUntil: labelled(z.iso.date().nullish(), "Behörighet gäller till och med"),
});

export const password = z.string().min(10, "Lösenordet ska ha minst 10 tecken.").max(200);

export const userInput = z.object({
  username: labelled(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{2,60}$/, "Användarnamn får innehålla a–z, 0–9, punkt, bindestreck och understreck."),
    "Användarnamn",
  ),
  displayName: labelled(z.string().trim().min(1).max(200), "Namn"),
  email: labelled(z.email().nullish(), "E-post"),
  orgNodeId: labelled(z.uuid(), "Enhet och omfång"),
  password: labelled(password.optional(), "Lösenord"),
  roles: labelled(z.array(roleInput).max(50).default([]), "Roller"),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = nonEmptyPatch(
  z.object({
    displayName: labelled(z.string().trim().min(1).max(200).optional(), "Namn"),
    email: labelled(z.email().nullish(), "E-post"),
    active: labelled(z.boolean().optional(), "Aktiv"),
    password: labelled(password.optional(), "Lösenord"),
  }),
);
