// How the audit log speaks of the organisation tree, accounts and roles.
import type { AuditLabels } from "../platform/audit/labels.ts";
import { kindLabels } from "./hierarchy.ts";

export const organisationAuditLabels: AuditLabels = {
  org_node: {
    label: "Organisationsenhet",
    title: ["{kind} {name}", "{name}"],
    columns: {
      parent_id: "Överordnad enhet (id)",
      diarium_prefix: "Diarieprefix",
      path: "Sökväg",
      serves_namnd_ids: "Tjänar även nämnderna (id)",
    },
    values: { kind: kindLabels },
  },
  app_user: {
    // An admin sees accounts by name and user name on the Användare page anyway.
    label: "Användarkonto",
    title: ["{display_name} ({username})", "{username}"],
    columns: {
      username: "Användarnamn",
      display_name: "Namn",
      email: "E-post",
      password_hash: "Lösenord",
      password_changed: "Nytt lösenord",
    },
  },
  role_assignment: {
    label: "Roll",
    title: ["{role}"],
    columns: { user_id: "Användare (id)", role: "Roll" },
  },
};
