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
    },
  },
  database: {
    label: "Databas",
    title: ["{file}"],
    columns: { file: "Fil", rows: "Rader", sha256: "Kontrollsumma", createdAt: "Säkerhetskopian skapad" },
  },
  demo: {
    label: "Demodata",
    title: ["{capability}"],
    columns: { nodes: "Enheter", users: "Användare", capability: "Del", years: "År" },
  },
};
