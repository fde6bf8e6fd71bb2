import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { formatDateTime } from "../i18n/format.ts";

/**
 * One process per embedded database: two PGlite instances on one folder split-brain and corrupt it.
 * Node has no flock, so the lock is a file created atomically (link of a finished temp file, which
 * fails when the lock exists) holding who owns it. A lock whose owner is provably dead is taken over
 * under a second exclusive file, so two starting processes cannot both take over the same stale lock.
 */

type Owner = {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
  /** Linux only: boot id and the process start tick tell a dead owner from a reused pid. */
  bootId?: string;
  procStart?: string;
};

export type DataLock = { file: string; release: () => void };

export class DataFolderLocked extends Error {
  constructor(
    readonly file: string,
    readonly owner: Owner | undefined,
  ) {
    super(lockedMessage(file, owner));
    this.name = "DataFolderLocked";
  }
}

// Locks this process holds, so a second open in the same process is refused too.
const held = new Map<string, Owner>();

const readText = (file: string) => {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
};

const bootId = () => readText("/proc/sys/kernel/random/boot_id");

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot); the name field may hold spaces. */
function procStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function readOwner(file: string): Owner | undefined {
  const text = readText(file);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Owner;
  } catch {
    return undefined;
  }
}

/** False only when the owner is certainly gone; an owner on another host counts as alive. */
function ownerAlive(file: string, owner: Owner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.pid === process.pid) return held.get(file)?.token === owner.token;
  if (owner.bootId && owner.bootId !== bootId()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !owner.procStart || owner.procStart === procStart(owner.pid);
}

function lockedMessage(file: string, owner: Owner | undefined): string {
  const folder = file.replace(/\.lock$/, "");
  const who = owner
    ? `process ${owner.pid} på värden ${owner.host}, startad ${formatDateTime(owner.startedAt)}`
    : "en annan process";
  // Only these two cases cannot be judged from here; the operator decides, knowing what to check.
  const manual = !owner
    ? ` Om ingen annan lots-process körs, ta bort låsfilen ${file}.`
    : owner.host !== os.hostname()
      ? ` Om Lots inte längre körs på ${owner.host}, ta bort låsfilen ${file}.`
      : "";
  return (
    `Databasen i ${folder} används redan av ${who}. Två processer på samma inbäddade databas förstör den. ` +
    `Stoppa servern först (eller vänta tills det andra lots-kommandot är klart) och kör kommandot igen, ` +
    `eller kör Lots mot en PostgreSQL-server (DATABASE_URL), som tål flera samtidiga processer.${manual}`
  );
}

/** Creates the lock with its content in one step; false when it already exists. */
function tryCreate(file: string, owner: Owner): boolean {
  const temp = `${file}.${process.pid}.${owner.token}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(owner), { mode: 0o600, flush: true });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

const GUARD_STALE_MS = 10_000;

/** Removes the lock if it still holds the dead owner seen; true when the caller should retry. */
function takeOver(file: string, stale: Owner | undefined): boolean {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // A guard is held for microseconds; an old one was left by a process killed in between.
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > GUARD_STALE_MS) fs.rmSync(guard, { force: true });
    return true;
  }
  try {
    const now = readOwner(file);
    if (now?.token === stale?.token) fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(guard, { force: true });
  }
}

/**
 * Takes the lock file or throws DataFolderLocked naming the owner. The lock is released by
 * `release()`, at process exit, and on SIGINT/SIGTERM when nothing else handles the signal.
 */
export async function acquireDataLock(file: string): Promise<DataLock> {
  const owner: Owner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    token: crypto.randomBytes(8).toString("hex"),
    bootId: bootId(),
    procStart: procStart(process.pid),
  };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(file, owner)) break;
    const current = readOwner(file);
    // An unreadable lock is mid-removal or damaged; only a readable dead owner is taken over.
    if (current && ownerAlive(file, current)) throw new DataFolderLocked(file, current);
    if (attempt >= 20) throw new DataFolderLocked(file, current);
    if (current) takeOver(file, current);
    await sleep(attempt * 10);
  }
  held.set(file, owner);

  const release = () => {
    if (held.get(file)?.token !== owner.token) return;
    held.delete(file);
    process.off("exit", release);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (readOwner(file)?.token === owner.token) fs.rmSync(file, { force: true });
  };
  // With its own handler (the server closes gracefully) the process exits through that; otherwise
  // the signal would end the process without the exit event, leaving the lock behind.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    release();
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  };
  process.on("exit", release);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return { file, release };
}
