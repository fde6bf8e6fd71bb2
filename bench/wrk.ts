// wrk (Debian's package) as the load generator of the HTTP benches: one run, parsed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type WrkRun = { rate: number; p50: string; p99: string; unanswered: number };

/** One `wrk -t1` run with a session cookie; refuses a run where any answer was not 2xx/3xx. */
export async function wrk(url: string, options: { connections: number; seconds: number; cookie: string }) {
  const { stdout } = await run("wrk", [
    "-t1",
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "--latency",
    "--timeout",
    "10s",
    "-H",
    `cookie: ${options.cookie}`,
    url,
  ]);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? "0";
  if (errors !== "0") throw new Error(`${url}: ${errors} answers were not 2xx\n${stdout}`);
  // Requests that got no answer in time: wrk's socket errors (connect, read, write, timeout).
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    rate: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50: /50%\s+([\d.]+\w+)/.exec(stdout)?.[1] ?? "?",
    p99: /99%\s+([\d.]+\w+)/.exec(stdout)?.[1] ?? "?",
    unanswered: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  } satisfies WrkRun;
}
