// Heavy reads on the read replica, with read your own writes: after a change the answer carries the primary's
// WAL position in a cookie, and a later heavy read by that browser goes to the replica only once it has replayed
// that far. A cookie rather than the session row: no extra write per change, and every process sees it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AnyDb } from "../db/database.ts";
import { WAL_POSITION } from "../db/replica.ts";
import { needsCsrf } from "./csrf.ts";

/** The primary's WAL position after this browser's last change. Forging it only sends one's own reads elsewhere. */
export const WRITE_POSITION_COOKIE = "lots_wal";

/** Which database answered a heavy read: `replica` or `primary` (for operators and the replica test). */
export const READ_SOURCE_HEADER = "x-lots-read";

/** Registers the hook that records a signed-in caller's change; only when a replica is configured. */
export function rememberWrites(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    const replica = app.lots.replica;
    if (!replica || !request.actor || !needsCsrf(request.method) || reply.statusCode >= 400) return;
    reply.setCookie(WRITE_POSITION_COOKIE, await replica.position(), {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: app.lots.secureCookies,
    });
  });
}

/**
 * Runs a heavy read on the replica when it may answer, else on the primary; a read the replica could not finish
 * (gone, or cancelled by replay) runs again on the primary. Only for reads: a GET handler may run twice.
 */
export async function onReadSource<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  read: (db: AnyDb) => Promise<T>,
): Promise<T> {
  const replica = app.lots.replica;
  const primary = app.lots.db.db;
  if (!replica) return read(primary);
  const cookie = request.cookies[WRITE_POSITION_COOKIE];
  // An unreadable position: the caller wrote at some unknown point, so only the primary is sure to have it.
  const picked =
    cookie === undefined || WAL_POSITION.test(cookie)
      ? await replica.pick(cookie ?? null)
      : { db: primary, source: "primary" as const };
  reply.header(READ_SOURCE_HEADER, picked.source);
  if (picked.source === "primary") return read(primary);
  try {
    return await read(picked.db);
  } catch (error) {
    if (!replica.failed(error)) throw error;
    request.log.warn({ err: error }, "read replica failed; the primary answers");
    reply.header(READ_SOURCE_HEADER, "primary");
    return read(primary);
  }
}
