// The roles and what each grants: a vocabulary shared by the server, the web UI and the database's CHECK list.

export const roles = [
  "admin",
  "controller",
  "kvalitet",
  "namndsekreterare",
  "enhetschef",
  "handlaggare",
  "fortroendevald",
] as const;
export type Role = (typeof roles)[number];

/**
 * read: committee-level data (goals, money, statistics without personal data).
 * read:personal: records about individuals or staff (EVB register, incidents, users of a unit).
 */
export type Permission =
  | "read"
  | "read:personal"
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
    "write:styrning",
    "write:ekonomi",
    "write:evb",
    "write:kvalitet",
    "write:namnd",
    "admin",
  ],
  controller: ["read", "write:styrning", "write:ekonomi"],
  kvalitet: ["read", "read:personal", "write:kvalitet", "write:evb", "write:styrning"],
  namndsekreterare: ["read", "read:personal", "write:namnd"],
  enhetschef: ["read", "read:personal", "write:styrning", "write:kvalitet", "write:evb"],
  handlaggare: ["read", "read:personal", "write:evb", "write:kvalitet"],
  fortroendevald: ["read"],
};

export const roleGrants = (role: Role): readonly Permission[] => grants[role];
