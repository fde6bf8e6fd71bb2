// The `lots` executable: one command line on this process's own environment and streams.
import { runCli } from "./commands.ts";

// Everything this process creates (database files, session secret, lock, backups) is owner-only.
process.umask(0o077);

process.exitCode = await runCli(process.argv.slice(2), process);
