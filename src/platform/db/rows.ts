// Small typing and query helpers every capability's repository uses.
import { type Insertable, type Selectable, type SqlBool, sql } from "kysely";

/** A row of table `T` of the tables `D` as read back through a column list. */
export type RowOf<D, T extends keyof D, C extends readonly (keyof Selectable<D[T]>)[]> = Pick<
  Selectable<D[T]>,
  C[number]
>;

/** What a service writes into table `T` of the tables `D`: everything but what the database fills in. */
export type New<D, T extends keyof D> = Omit<Insertable<D[T]>, "id" | "created_at" | "updated_at">;

/** The same column list for a query that aliases the table (joins) and one that does not (insert … returning). */
export const prefixed = <P extends string, C extends string>(alias: P, columns: readonly C[]) =>
  columns.map((c) => `${alias}.${c}` as `${P}.${C}`);

/** An empty list selects nothing (and `in ()` is not valid SQL), so it is answered without asking the database. */
export const forIds = <R>(ids: readonly unknown[], query: () => Promise<R[]>): Promise<R[]> =>
  ids.length === 0 ? Promise.resolve([]) : query();

/**
 * `column = ANY($1)` with the ids as one array parameter. `in` sends one parameter per id, and a list as
 * long as the data (every open decision) passes PostgreSQL's 65 535 parameters of a statement.
 */
export const isAnyOf = (column: string, ids: readonly string[]) =>
  sql<SqlBool>`${sql.ref(column)} = ANY(${ids}::uuid[])`;

/**
 * Runs a multi-row statement over `items` in slices of `size` (Postgres takes at most 65 535 parameters
 * per statement) and concatenates what each slice returns. An empty list asks nothing.
 */
export async function inChunks<T, R>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<R[]>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
  return out;
}

/** The first instant of a calendar day (YYYY-MM-DD) in the server's time zone. */
export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00`);

/** The first instant after a calendar day: the end of a "to" filter that includes the day (DST-safe). */
export function endOfDay(day: string): Date {
  const next = startOfDay(day);
  next.setDate(next.getDate() + 1);
  return next;
}
