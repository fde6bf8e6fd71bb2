// Lots as real processes in tests (and bench/processes.bench.ts): `lots serve` started as an operator starts it,
// on a free port, and killed when the test file ends. Used where one process is not the point (the data folder's
// lock, several servers).
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { afterAll } from "vitest";

const servers: ChildProcess[] = [];
// Outside a test run (bench/processes.bench.ts) the caller stops its servers itself.
if (process.env.VITEST)
  afterAll(() => {
    for (const server of servers) server.kill("SIGKILL");
  });

// Without fsync (runtime.test.ts checks the safe mode): these folders need not survive a power cut.
export const cliEnv = (env: Record<string, string>) => ({
  ...process.env,
  DATABASE_URL: "",
  LOG_LEVEL: "silent",
  NODE_ENV: "",
  LOTS_DURABILITY: "fast",
  ...env,
});

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });

/**
 * `lots serve` as a real process; resolves with its output once it listens. `fromSource` runs the TypeScript
 * through tsx whatever build/ holds (a file that does not build it must not read it while another file does).
 */
export async function serve(env: Record<string, string>, { fromSource = false } = {}) {
  const port = await freePort();
  const entry = fromSource ? ["--import", "tsx", "src/app/cli.ts"] : ["bin/lots.js"];
  const server = spawn(process.execPath, [...entry, "serve"], { env: cliEnv({ PORT: String(port), ...env }) });
  servers.push(server);
  let output = "";
  server.stdout?.on("data", (d) => {
    output += d;
  });
  server.stderr?.on("data", (d) => {
    output += d;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Lots körs på")) resolve();
      if (server.exitCode !== null) reject(new Error(`lots serve avslutades: ${output}`));
    }, 100);
    server.once("exit", () => clearInterval(timer));
    setTimeout(() => reject(new Error(`lots serve startade inte: ${output}`)), 90_000).unref();
  }).finally(() => server.removeAllListeners("exit"));
  const stop = () =>
    new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
  return { pid: server.pid as number, port, output: () => output, stop };
}
