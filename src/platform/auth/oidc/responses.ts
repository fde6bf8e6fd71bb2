// What the single sign-on routes answer, in wire form.
import { z } from "zod";
import { roles } from "../roles.ts";

/** How the login page may sign in: with a password, through the identity provider, or both. */
export const signInMethodsResponse = z.object({
  localLogin: z.boolean(),
  oidc: z.object({ name: z.string() }).nullable(),
});

export const logoutResponse = z.object({
  /** Where the browser goes next: the identity provider's logout, or Lots's own start. */
  redirectTo: z.string(),
});

export const mappingRuleResponse = z.object({
  id: z.uuid(),
  claim: z.string(),
  value: z.string(),
  role: z.enum(roles),
  orgNodeId: z.uuid(),
  orgNodeName: z.string(),
});

export const mappingRulesResponse = z.object({
  /** Whether Lots is configured for single sign-on at all (the rules apply only then). */
  configured: z.boolean(),
  rules: z.array(mappingRuleResponse),
});

export const mappingEffectResponse = z.object({
  users: z.number().int(),
  changes: z.array(
    z.object({
      role: z.enum(roles),
      orgNodeId: z.uuid(),
      orgNodeName: z.string(),
      gained: z.number().int(),
      lost: z.number().int(),
    }),
  ),
  withoutRole: z.object({ before: z.number().int(), after: z.number().int() }),
});
