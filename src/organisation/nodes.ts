import type { PlatformDb } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { kindLabels } from "./hierarchy.ts";
import * as repo from "./repository.ts";
import type { OrgKind } from "./schema.ts";

/** The kommun (root node) a node belongs to: the first id of its materialised path. */
export const kommunIdOf = (path: string) => path.split("/")[1] as string;

export async function nodeOrThrow(db: PlatformDb, id: string): Promise<repo.OrgNodeRow> {
  const node = await repo.findNode(db, id);
  if (!node) throw notFound("Organisationsenheten");
  return node;
}

/** The kommun above a node (its code is the municipality id national statistics use). */
export const kommunOf = (db: PlatformDb, path: string) => nodeOrThrow(db, kommunIdOf(path));

/** The installation's only kommun's name (public pages are headed by it); null when it has none or several. */
export function onlyKommunName(db: PlatformDb): Promise<string | null> {
  return nodeOrOnlyKommun(db, undefined).then(
    (k) => k.name,
    () => null,
  );
}

/**
 * Whether a node works for the nämnd: it lies under the nämnd, or is (or lies under) a förvaltning that also
 * serves that nämnd (one förvaltning for several nämnder).
 */
export async function worksForNamnd(
  db: PlatformDb,
  node: { path: string },
  namnd: { id: string; path: string },
): Promise<boolean> {
  return node.path.startsWith(namnd.path) || repo.servesNamnd(db, node.path, namnd.id);
}

/**
 * The name of the kommun above each of `paths`, in one query: public lists of an installation that serves
 * several kommuner name the kommun beside each nämnd.
 */
export async function kommunNamesOf(db: PlatformDb, paths: readonly string[]): Promise<(path: string) => string> {
  const kommuner = await repo.nodesByIds(db, [...new Set(paths.map(kommunIdOf))]);
  const names = new Map(kommuner.map((k) => [k.id, k.name]));
  return (path) => names.get(kommunIdOf(path)) ?? "";
}

/**
 * One node named by a person (the CLI): its id, or its name or code in any case, optionally of one kind.
 * None or several matches are refused with a Swedish message saying what to give instead.
 */
export async function findNodeByIdOrName(db: PlatformDb, text: string, kind?: OrgKind): Promise<repo.OrgNodeRow> {
  // Compared here, not in SQL: PostgreSQL's lower() leaves Å, Ä and Ö alone under the C locale.
  const wanted = text.trim().toLocaleLowerCase("sv");
  const matches = (await repo.allNodes(db, kind)).filter(
    (n) => n.id === wanted || [n.name, n.code].some((v) => v?.toLocaleLowerCase("sv") === wanted),
  );
  const what = kind ? kindLabels[kind].toLowerCase() : "organisationsenhet";
  if (matches.length === 0) {
    throw new DomainError("not_found", `Det finns ingen ${what} med id, kod eller namn "${text}".`);
  }
  if (matches.length > 1) {
    throw new DomainError(
      "conflict",
      `"${text}" är tvetydigt: ${matches.map((m) => m.name).join(", ")}. Ange id eller kod.`,
    );
  }
  return matches[0] as repo.OrgNodeRow;
}

/** A nämnd named by a person: its diarium prefix (IF) first, else its id, code or name. */
export async function findNamnd(db: PlatformDb, text: string): Promise<repo.OrgNodeRow> {
  const prefix = text.trim().toLocaleLowerCase("sv");
  const byPrefix = (await repo.allNodes(db, "namnd")).filter(
    (n) => n.diarium_prefix?.toLocaleLowerCase("sv") === prefix,
  );
  if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
  // Each kommun has its own prefixes, so two kommuner may both have an IF.
  if (byPrefix.length > 1) {
    throw new DomainError(
      "conflict",
      `Diarieprefixet ${text.trim()} finns i flera kommuner: ${byPrefix.map((n) => n.name).join(", ")}. Ange nämndens id eller kod.`,
    );
  }
  return findNodeByIdOrName(db, text, "namnd");
}

/** A CLI's `--org` (id, code or name); without it, the only kommun in the database. */
export async function nodeOrOnlyKommun(db: PlatformDb, org: string | undefined): Promise<repo.OrgNodeRow> {
  if (org) return findNodeByIdOrName(db, org);
  const roots = await repo.rootNodes(db);
  if (roots.length === 1 && roots[0]) return roots[0];
  throw new Error(
    roots.length === 0
      ? "Databasen har ingen organisation. Kör lots seed-demo eller lägg upp kommunen först."
      : `Databasen har flera kommuner (${roots.map((r) => r.name).join(", ")}); ange --org.`,
  );
}
