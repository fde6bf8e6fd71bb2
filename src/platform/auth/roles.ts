// The roles and what each grants: a vocabulary shared by the server, the web UI and the database's CHECK list.

export const roles = [
  "admin",
  "controller",
  "kvalitet",
  "namndsekreterare",
  "enhetschef",
  "handlaggare",
  "fortroendevald",
  "medarbetare",
] as const;
export type Role = (typeof roles)[number];

/**
 * read: committee-level data (goals, money, statistics without personal data).
 * read:personal: records about individuals or staff (EVB register, users of a unit).
 * read:kvalitet: the sensitive quality records (händelser, lex Sarah): the kvalitet role, the managers
 * who handle them and admin; everyone else sees aggregates.
 */
export type Permission =
  | "read"
  | "read:personal"
  | "read:kvalitet"
  | "write:styrning"
  | "write:ekonomi"
  | "write:evb"
  | "write:kvalitet"
  | "write:namnd"
  | "admin";

const grants: Record<Role, readonly Permission[]> = {
  admin: [
    "read",
    "read:personal",
    "read:kvalitet",
    "write:styrning",
    "write:ekonomi",
    "write:evb",
    "write:kvalitet",
    "write:namnd",
    "admin",
  ],
  controller: ["read", "write:styrning", "write:ekonomi"],
  kvalitet: ["read", "read:personal", "read:kvalitet", "write:kvalitet", "write:evb", "write:styrning"],
  namndsekreterare: ["read", "read:personal", "write:namnd"],
  enhetschef: ["read", "read:personal", "read:kvalitet", "write:styrning", "write:kvalitet", "write:evb"],
  handlaggare: ["read", "read:personal", "write:evb", "write:kvalitet"],
  fortroendevald: ["read"],
  // Staff in a unit: they report händelser there and read what any reader may.
  medarbetare: ["read"],
};

export const roleGrants = (role: Role): readonly Permission[] => grants[role];
