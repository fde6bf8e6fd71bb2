// What the import benches share: `lots …` run in this process on a given database, and wall time with the
// process's peak RSS (PGlite's memory is the process's too).
import { runCli } from "../src/app/commands.ts";
import type { Database } from "../src/platform/db/database.ts";

/** The highest RSS sampled by `timed` since the caller last set it to 0. */
export const peak = { rss: 0 };

/** Wall seconds of `work`, sampling the process's RSS every 25 ms meanwhile and once at the end. */
export async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const sample = () => {
    peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
  };
  const sampling = setInterval(sample, 25);
  const start = performance.now();
  try {
    const result = await work();
    return [(performance.now() - start) / 1000, result];
  } finally {
    clearInterval(sampling);
    sample();
  }
}

/** Runs `lots …` in this process on `database`; answers its stdout, or fails with its stderr. */
export async function lots(database: Database, args: string[]): Promise<string> {
  const out = { stdout: "", stderr: "" };
  const sink = (to: keyof typeof out) => ({
    write: (chunk: string | Uint8Array) => {
      out[to] += String(chunk);
      return true;
    },
  });
  const io = { env: { ...process.env, LOG_LEVEL: "silent" }, stdout: sink("stdout"), stderr: sink("stderr"), database };
  if ((await runCli(args, io)) !== 0) throw new Error(`lots ${args.join(" ")} failed: ${out.stderr}`);
  return out.stdout.trim();
}
