import { describe, expect, it } from "vitest";
import type { AnyDb, Database } from "./database.ts";
import { REPLICA_REST_MS, readReplica, writable } from "./replica.ts";

// Handles that are never queried: with no write position to check, `pick` decides without the database.
const handle = (name: string): Database => ({
  db: { name } as unknown as AnyDb,
  engine: "postgresql",
  close: async () => {},
  notices: null,
});

describe("the read replica's routing", () => {
  it("reads on the replica, rests it after a lost connection and tries it again after the rest", async () => {
    let clock = 1_000;
    const primary = handle("primary");
    const standby = handle("replica");
    const replica = readReplica(primary, standby, () => clock);
    expect((await replica.pick(null)).source).toBe("replica");
    expect(
      replica.failed(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(await replica.pick(null)).toEqual({ db: primary.db, source: "primary" });
    // A write position to check is not even asked about while the replica rests.
    expect((await replica.pick("0/3000148")).source).toBe("primary");
    clock += REPLICA_REST_MS - 1;
    expect((await replica.pick(null)).source).toBe("primary");
    clock += 1;
    expect(await replica.pick(null)).toEqual({ db: standby.db, source: "replica" });
  });

  it("sends a read back to the primary for a lost server or a replay conflict, and leaves other errors to the read", () => {
    const replica = readReplica(handle("p"), handle("r"), () => 0);
    const error = (code: string, message = "") => Object.assign(new Error(message), { code });
    expect(replica.failed(error("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(replica.failed(error("57P03", "the database system is starting up"))).toBe(true);
    expect(replica.failed(error("08006"))).toBe(true);
    expect(replica.failed(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(replica.failed(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(replica.failed(error("40001", "canceling statement due to conflict with recovery"))).toBe(true);
    // A serialization failure on the primary side, a refused write, a bad value: the read's own errors.
    expect(replica.failed(error("40001", "could not serialize access due to concurrent update"))).toBe(false);
    expect(replica.failed(error("25006", "cannot execute INSERT in a read-only transaction"))).toBe(false);
    expect(replica.failed(error("22P02"))).toBe(false);
    expect(replica.failed("text")).toBe(false);
  });

  it("a replay conflict does not rest the replica", async () => {
    const replica = readReplica(handle("p"), handle("r"), () => 0);
    replica.failed(Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" }));
    expect((await replica.pick(null)).source).toBe("replica");
  });

  it("sends the access log's writes from the replica's handle to the primary", () => {
    const primary = handle("primary");
    const standby = handle("replica");
    readReplica(primary, standby);
    expect(writable(standby.db)).toBe(primary.db);
    expect(writable(primary.db)).toBe(primary.db);
  });
});
