// The audit vocabulary of what the platform itself writes: sessions, backups and restores, demo data.
import type { AuditLabels } from "./labels.ts";

export const platformAuditLabels: AuditLabels = {
  session: {
    label: "Session",
    columns: {
      user_id: "Användare (id)",
      csrf_token: "CSRF-nyckel",
      expires_at: "Går ut",
      last_seen_at: "Senast aktiv",
      idp: "Identitetsleverantör",
      reason: "Orsak",
    },
  },
  oidc_role_rule: {
    label: "Rollregel för inloggning med OpenID Connect",
    title: ["{claim} = {value} → {role}"],
    columns: { claim: "Anspråk (claim)", value: "Värde", role: "Roll" },
  },
  database: {
    label: "Databas",
    title: ["{file}"],
    columns: { file: "Fil", rows: "Rader", sha256: "Kontrollsumma", createdAt: "Säkerhetskopian skapad" },
  },
  reminder_setting: {
    label: "Inställning för påminnelser",
    columns: { user_id: "Användare (id)", mode: "Påminnelser via e-post" },
  },
  calendar_token: {
    label: "Kalenderflöde",
    columns: { user_id: "Användare (id)", token_hash: "Hemlig adress (kontrollsumma)", renewed: "Ny hemlig adress" },
  },
  demo: {
    label: "Demodata",
    title: ["{capability}"],
    columns: { nodes: "Enheter", users: "Användare", capability: "Del", years: "År" },
  },
};
