// Small typing and query helpers every capability's repository uses.
import type { Insertable, Selectable } from "kysely";
import type { DB } from "./schema.ts";

/** A row as read back through a column list. */
export type RowOf<T extends keyof DB, C extends readonly (keyof Selectable<DB[T]>)[]> = Pick<
  Selectable<DB[T]>,
  C[number]
>;

/** What a service writes into a table: everything but what the database fills in. */
export type New<T extends keyof DB> = Omit<Insertable<DB[T]>, "id" | "created_at" | "updated_at">;

/** The same column list for a query that aliases the table (joins) and one that does not (insert … returning). */
export const prefixed = <P extends string, C extends string>(alias: P, columns: readonly C[]) =>
  columns.map((c) => `${alias}.${c}` as `${P}.${C}`);

/** An empty list selects nothing (and `in ()` is not valid SQL), so it is answered without asking the database. */
export const forIds = <R>(ids: readonly unknown[], query: () => Promise<R[]>): Promise<R[]> =>
  ids.length === 0 ? Promise.resolve([]) : query();

/**
 * Runs a multi-row statement over `items` in slices of `size` (Postgres takes at most 65 535 parameters
 * per statement) and concatenates what each slice returns. An empty list asks nothing.
 */
export async function inChunks<T, R>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<R[]>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
  return out;
}
