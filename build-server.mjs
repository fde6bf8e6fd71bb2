// The server and CLI as bundled JavaScript in build/app (`npm run build`): a start loads a few dozen chunks instead
// of ~500 modules (measured: importing every capability 0,56 → 0,29 s), and nothing is transpiled at run time.
// Packages stay in node_modules. Type checking is `npm run typecheck`'s; this only emits.
//
// Every output file sits in build/app, as src/app/* sits two levels below the root: module-relative paths
// (`../../dist/web`, `../../demo`) hold in both forms, and so does a worker module named beside its caller
// (`moduleBeside("./import/analyse.ts", import.meta.url)`), which becomes an entry at that path in build/app.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const out = "build/app";

/** Worker modules by the path their caller names: each is started by URL, so it must be an entry of its own. */
function workerEntries() {
  const entries = {};
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/(?<!\.test)\.ts$/.test(entry.name))
        for (const [, relative] of fs
          .readFileSync(file, "utf8")
          .matchAll(/^[^*/\n]*\bmoduleBeside\("(\.\/[^"]+)\.ts"/gm)) {
          const name = path.posix.join("app", relative);
          const source = path.join(dir, `${relative}.ts`);
          if (entries[name] && entries[name] !== source) throw new Error(`${name}: ${entries[name]} och ${source}`);
          entries[name] = source;
        }
    }
  };
  visit("src");
  return entries;
}

fs.rmSync("build", { recursive: true, force: true });
await build({
  entryPoints: { "app/cli": "src/app/cli.ts", ...workerEntries() },
  outdir: "build",
  chunkNames: "app/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
// Started by URL beside worker.ts's code, as plain JavaScript.
fs.copyFileSync("src/platform/worker-boot.mjs", path.join(out, "worker-boot.mjs"));
