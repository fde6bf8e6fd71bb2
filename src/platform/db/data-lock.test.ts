import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataLock, DataFolderLocked } from "./data-lock.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-lock-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
const lockFile = () => path.join(tmp, `db${++n}.lock`);
const writeOwner = (file: string, owner: Record<string, unknown>) =>
  fs.writeFileSync(
    file,
    JSON.stringify({ host: os.hostname(), startedAt: "2026-01-02T03:04:00Z", token: "x", ...owner }),
  );
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

describe("the data folder lock", () => {
  it("admits one holder at a time, names it in Swedish, and frees the folder on release", async () => {
    const file = lockFile();
    const lock = await acquireDataLock(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid, host: os.hostname() });

    const refused = await acquireDataLock(file).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataFolderLocked);
    expect((refused as Error).message).toContain(`process ${process.pid} på värden ${os.hostname()}`);
    expect((refused as Error).message).toContain("Stoppa servern först");

    lock.release();
    expect(fs.existsSync(file)).toBe(false);
    (await acquireDataLock(file)).release();
  });

  it("refuses a lock held by another live process, and one from another host with how to clear it", async () => {
    const live = lockFile();
    writeOwner(live, { pid: process.ppid });
    await expect(acquireDataLock(live)).rejects.toThrow(`process ${process.ppid}`);

    const remote = lockFile();
    writeOwner(remote, { pid: 1, host: "annan-server" });
    await expect(acquireDataLock(remote)).rejects.toThrow(
      `Om Lots inte längre körs på annan-server, ta bort låsfilen ${remote}`,
    );
    expect(fs.existsSync(remote)).toBe(true);
  });

  it("takes over the lock of a dead process, and of a reused pid whose start time differs", async () => {
    const dead = lockFile();
    writeOwner(dead, { pid: deadPid() });
    const lock = await acquireDataLock(dead);
    expect(JSON.parse(fs.readFileSync(dead, "utf8")).pid).toBe(process.pid);
    lock.release();

    // Same pid alive, but not the process that wrote the lock (e.g. after a container restart).
    const reused = lockFile();
    writeOwner(reused, { pid: process.ppid, procStart: "1" });
    (await acquireDataLock(reused)).release();
  });

  it("lets exactly one of several simultaneous starts take over a stale lock", async () => {
    const file = lockFile();
    writeOwner(file, { pid: deadPid() });
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => acquireDataLock(file)));
    const won = attempts.filter((a) => a.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(attempts.filter((a) => a.status === "rejected").map((a) => a.reason)).toEqual(
      Array(7).fill(expect.any(DataFolderLocked)),
    );
    for (const a of won) a.value.release();
  });
});
