#!/usr/bin/env node
// The `lots` command. Runs the compiled build (`npm run build`, in build/) when it is newer than every server
// source file, so a start spends no time transpiling; otherwise the TypeScript itself through tsx, so
// `npx lots` works without a compile step and never runs code older than the source.
import fs from "node:fs";

const root = new URL("../", import.meta.url);
const compiled = new URL("build/app/cli.js", root);

/** The newest modification time under `dir` (the web UI's sources excluded: the server does not run them). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const at = new URL(entry.name, dir);
    if (entry.isDirectory()) {
      if (entry.name !== "web" || dir.href !== new URL("src/", root).href)
        latest = Math.max(latest, newest(new URL(`${entry.name}/`, dir)));
    } else latest = Math.max(latest, fs.statSync(at).mtimeMs);
  }
  return latest;
}

const built = fs.statSync(compiled, { throwIfNoEntry: false });
if (built && built.mtimeMs >= newest(new URL("src/", root))) {
  await import(compiled.href);
} else {
  (await import("tsx/esm/api")).register();
  await import("../src/app/cli.ts");
}
