#!/usr/bin/env node
// The `lots` command. Runs the compiled build (`npm run build`, in build/) when it is newer than every server
// source file, so a start spends no time transpiling; otherwise the TypeScript itself through tsx, so
// `npx lots` works without a compile step and never runs code older than the source.
import fs from "node:fs";

const root = new URL("../", import.meta.url);
const compiled = new URL("build/app/cli.js", root);

const src = new URL("src/", root);
// The web UI's sources are left out: the server does not run them.
const webSources = new URL("web/", src).href;

/** The newest modification time of the server's source files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const sub = new URL(`${entry.name}/`, dir);
      if (sub.href !== webSources) latest = Math.max(latest, newest(sub));
    } else latest = Math.max(latest, fs.statSync(new URL(entry.name, dir)).mtimeMs);
  }
  return latest;
}

const built = fs.statSync(compiled, { throwIfNoEntry: false });
if (built && built.mtimeMs >= newest(src)) {
  await import(compiled.href);
} else {
  (await import("tsx/esm/api")).register();
  await import("../src/app/cli.ts");
}
