// Entry of every worker started by worker.ts: loads the module named in workerData (TypeScript through tsx,
// since workers do not inherit the main thread's loader; the compiled build's JavaScript as it is), runs one
// exported function on the input and posts back its result or its error. Plain JavaScript so it loads
// before any loader is registered.
import { parentPort, workerData } from "node:worker_threads";

if (workerData.module.endsWith(".ts")) (await import("tsx/esm/api")).register();
try {
  const module = await import(workerData.module);
  const value = await module[workerData.fn](workerData.input);
  parentPort.postMessage({ ok: true, value });
} catch (error) {
  const domain =
    error?.name === "DomainError" ? { code: error.code, messageSv: error.messageSv, details: error.details } : null;
  parentPort.postMessage({ ok: false, domain, message: String(error?.stack ?? error) });
}
