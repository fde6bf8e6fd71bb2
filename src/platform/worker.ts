// CPU-heavy pure work (parsing an uploaded file) runs in a worker thread: the server keeps answering
// while a large file is read, and the memory the parse needed is returned when the worker ends.
import { Worker } from "node:worker_threads";
import { DomainError, type DomainErrorCode } from "./errors.ts";

const boot = new URL("./worker-boot.mjs", import.meta.url);

/**
 * A module beside `base` (the caller's import.meta.url) by its source name: the compiled build's `.js` when the
 * caller runs compiled (build/app, see build-server.mjs, which makes each such module an entry at that path), the
 * `.ts` itself otherwise.
 */
export const moduleBeside = (relative: string, base: string): URL =>
  new URL(base.endsWith(".js") ? relative.replace(/\.ts$/, ".js") : relative, base);

export type WorkerJob = {
  /** The module exporting `fn`, e.g. `moduleBeside("./analyse.ts", import.meta.url)`. */
  module: URL;
  fn: string;
  /** Structured-cloned into the worker; buffers listed in `transfer` move without a copy. */
  input: unknown;
  transfer?: ArrayBuffer[];
  /** Heap ceiling of the worker; a job that needs more is refused with 413 and `tooLargeMessage`. */
  maxHeapMb: number;
  tooLargeMessage: string;
};

/**
 * The buffer behind `bytes` if the view covers all of it, so it can move to a worker without a copy
 * (cloning 27 MB held the event loop ~50 ms). A view into a shared pool must be copied, never moved.
 */
export const movable = (bytes: Uint8Array): ArrayBuffer[] =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];

type Reply =
  | { ok: true; value: unknown }
  | { ok: false; domain: { code: DomainErrorCode; messageSv: string; details?: unknown } | null; message: string };

// One job at a time: the machine may have two cores, and each parse can use hundreds of MB.
let queue: Promise<unknown> = Promise.resolve();

/** Runs `fn(input)` from `module` in a fresh worker thread; a DomainError thrown there is rethrown here. */
export function runInWorker<T>(job: WorkerJob): Promise<T> {
  const result = queue.then(() => start<T>(job));
  queue = result.catch(() => undefined);
  return result;
}

function start<T>(job: WorkerJob): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(boot, {
      workerData: { module: job.module.href, fn: job.fn, input: job.input },
      transferList: job.transfer ?? [],
      resourceLimits: { maxOldGenerationSizeMb: job.maxHeapMb },
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.once("message", (reply: Reply) =>
      settle(() => {
        if (reply.ok) resolve(reply.value as T);
        else if (reply.domain) reject(new DomainError(reply.domain.code, reply.domain.messageSv, reply.domain.details));
        else reject(new Error(`Fel i bakgrundstråden: ${reply.message}`));
      }),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new DomainError("payload_too_large", job.tooLargeMessage) : error,
        ),
      ),
    );
    worker.once("exit", (code) => settle(() => reject(new Error(`Bakgrundstråden avslutades (kod ${code}).`))));
  });
}
