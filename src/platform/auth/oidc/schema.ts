// What an admin sends about the mapping rules (zod inputs, shared by the server and the web form).
import { z } from "zod";
import { labelled } from "../../validation.ts";
import { roles } from "../roles.ts";

export const mappingRuleInput = z.object({
  claim: labelled(z.string().trim().min(1, "Ange anspråkets namn, t.ex. groups.").max(200), "Anspråk (claim)"),
  value: labelled(z.string().trim().min(1, "Ange värdet, t.ex. gruppens namn eller id.").max(500), "Värde"),
  role: labelled(z.enum(roles, { error: "Välj en roll." }), "Roll"),
  orgNodeId: labelled(z.uuid("Välj en organisationsenhet."), "Organisationsenhet"),
});
export type MappingRuleInput = z.infer<typeof mappingRuleInput>;

const ruleKey = (r: MappingRuleInput) => [r.claim, r.value, r.role, r.orgNodeId].join("\u0000");

/** The whole set of rules as it is to be: previewed, then saved in one go. */
export const mappingRulesInput = z.object({
  rules: labelled(
    z
      .array(mappingRuleInput)
      .max(500, "Högst 500 regler.")
      .superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach((rule, index) => {
          const key = ruleKey(rule);
          if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: "Regeln finns redan i listan." });
          seen.add(key);
        });
      }),
    "Regler",
  ),
});
