import type { DbOf } from "../platform/db/schema.ts";
import { notFound } from "../platform/errors.ts";
import * as repo from "./repository.ts";
import type { EvbDB } from "./tables.ts";

/** The kommun (root node) a node belongs to: the first id of its materialised path. */
export const kommunIdOf = (path: string) => path.split("/")[1] as string;

export async function nodeOrThrow(db: DbOf<EvbDB>, id: string) {
  const node = await repo.nodeById(db, id);
  if (!node) throw notFound("Organisationsenheten");
  return node;
}
