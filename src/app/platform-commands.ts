// What the platform's own `lots` commands do. Loaded only when one of them runs, so `lots --help` and a
// capability's commands do not pay for the server, the backup code and the organisation services.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CommanderError } from "commander";
import { z } from "zod";
import {
  addKommun,
  createUser,
  demoUsernames,
  hasEverHeldData,
  initInput,
  initOrganisation,
  password as passwordSchema,
  updateUserAccount,
  userInput,
} from "../organisation/index.ts";
import { describeChainReport, verifyAuditChain } from "../platform/audit/chain.ts";
import { systemActor } from "../platform/auth/access.ts";
import { userByUsername } from "../platform/auth/repository.ts";
import { normaliseUsername } from "../platform/auth/sessions.ts";
import { loadConfig } from "../platform/config.ts";
import { backupDatabase, restoreDatabase } from "../platform/db/backup.ts";
import type { Database } from "../platform/db/database.ts";
import { formatCount } from "../platform/i18n/format.ts";
import { loadMailConfig } from "../platform/reminders/mail-config.ts";
import { type CliIo, type CliTools, cliTools, openConfiguredDatabase, sessionSecret } from "../platform/runtime.ts";
import { parseInput } from "../platform/validation.ts";
import { appMigrations, capabilities } from "./capabilities.ts";
import { seedDemo } from "./seed.ts";
import { buildApp } from "./server.ts";

/** The built web UI (`npm run build`), served by `lots serve`: dist/web at the project root, two levels up. */
export const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** The tools for a command of this run: the configured database migrated to every capability's migrations. */
export const appCliTools = (io: CliIo): CliTools => cliTools(io, appMigrations);

async function loadDemo(database: Database, password: string, print: (line: string) => void): Promise<void> {
  await seedDemo(database.db, password);
  print("\nDemodata laddad: Kungsbacka kommun med två nämnder.");
  print(`Demo-användare (lösenord för alla: ${password}):`);
  for (const u of demoUsernames()) print(`  ${u.username.padEnd(16)} ${u.role}`);
  print("");
}

const firstStartHelp =
  "Databasen är tom. Skapa kommunen och den första administratören med\n" +
  '  npx lots init --kommun "Exempels kommun" --admin användarnamn --name "För- och efternamn"\n' +
  "eller ladda demoorganisationen med npx lots seed-demo. Med den inbäddade databasen: stoppa servern först.";

async function readPassword(io: CliIo, prompt: string): Promise<string> {
  if (io.env.LOTS_PASSWORD) return io.env.LOTS_PASSWORD;
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(prompt);
  } finally {
    rl.close();
  }
}

export async function serve(io: CliIo): Promise<void> {
  const { print, printError } = appCliTools(io);
  const config = loadConfig(io.env);
  const database = await openConfiguredDatabase(config, appMigrations);
  // Demo accounts have a published password: only in a database created by this very start.
  if (database.createdNow && io.env.NODE_ENV !== "production") await loadDemo(database, config.demoPassword, print);
  else if (!(await hasEverHeldData(database.db))) print(firstStartHelp);
  const app = await buildApp({
    database,
    replica: database.replica,
    sessionSecret: sessionSecret(config),
    webRoot,
    logLevel: config.logLevel,
    secureCookies: io.env.NODE_ENV === "production",
    trustProxy: config.trustProxy,
    mail: loadMailConfig(io.env),
    signIn: config.signIn,
    retention: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      failedLoginRetentionDays: config.failedLoginRetentionDays,
    },
  });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  if (!fs.existsSync(path.join(webRoot, "index.html")))
    printError(`Webbgränssnittet är inte byggt (${webRoot} saknas): kör npm run build. API:t fungerar ändå.`);
  await app.listen({ port: config.port, host: config.host });
  // Compiled (npm run build) or the TypeScript through tsx: an operator sees which, since it decides the start time.
  const code = import.meta.url.endsWith(".js") ? "kompilerad" : "källkod via tsx";
  print(`Lots körs på http://localhost:${config.port} (databas: ${database.engine}, ${code})`);
}

export async function migrate(io: CliIo): Promise<void> {
  const database = await openConfiguredDatabase(loadConfig(io.env), appMigrations);
  await database.close();
  const applied = database.migrated;
  appCliTools(io).print(applied.length ? `Körde: ${applied.join(", ")}` : "Databasen är redan aktuell.");
}

export async function seedDemoCommand(io: CliIo): Promise<void> {
  const { withDatabase, print } = appCliTools(io);
  await withDatabase((database) => loadDemo(database, loadConfig(io.env).demoPassword, print));
}

export type KommunOptions = { kommun: string; code?: string; admin: string; name: string; email?: string };

/** `init` and `kommun add`: the same kommun and first administrator, differing in where it may be created. */
export async function createKommun(io: CliIo, opts: KommunOptions, where: "init" | "add"): Promise<void> {
  const { withDatabase, print } = appCliTools(io);
  const input = parseInput(
    initInput,
    {
      kommun: opts.kommun,
      code: opts.code,
      admin: {
        username: opts.admin,
        displayName: opts.name,
        email: opts.email,
        password: await readPassword(io, "Lösenord för administratören: "),
      },
    },
    where === "init" ? "Första organisationen" : "Kommunen",
  );
  const create = where === "init" ? initOrganisation : addKommun;
  await withDatabase(async (database) => {
    const { kommun, admin } = await create(database.db, input);
    print(`${kommun.name} skapad med administratören ${admin.username}.`);
    // Each install adds only what is missing: after a failure here, the capability's install command finishes it.
    for (const capability of capabilities)
      if (capability.installCatalogues) print(await capability.installCatalogues(database.db, kommun.id));
  });
}

export async function backup(io: CliIo, file: string): Promise<void> {
  const { withDatabase, print } = appCliTools(io);
  await withDatabase(async (database) => {
    const r = await backupDatabase(database.db, file);
    print(
      `Säkerhetskopia skriven till ${file}: ${formatCount(r.tables, "tabell", "tabeller")}, ${formatCount(r.rows, "rad", "rader")}.`,
    );
  });
}

export async function restore(io: CliIo, file: string): Promise<void> {
  const { withDatabase, print } = appCliTools(io);
  await withDatabase(async (database) => {
    const r = await restoreDatabase(database.db, file, appMigrations);
    print(
      `Återställd från ${file}: ${formatCount(r.tables, "tabell", "tabeller")}, ${formatCount(r.rows, "rad", "rader")}.`,
    );
  });
}

export async function auditVerify(io: CliIo): Promise<void> {
  const { withDatabase, print, printError } = appCliTools(io);
  await withDatabase(async (database) => {
    const report = await verifyAuditChain(database.db);
    if (report.intact) print(describeChainReport(report));
    else {
      printError(describeChainReport(report));
      throw new CommanderError(1, "lots.audit", "");
    }
  });
}

export type UserOptions = { name: string; unit: string; role?: string; email?: string };

export async function addUser(io: CliIo, username: string, opts: UserOptions): Promise<void> {
  const { withDatabase, print } = appCliTools(io);
  // Validate everything before the database is opened, so a typo fails at once.
  const input = parseInput(
    userInput,
    {
      username,
      displayName: opts.name,
      email: opts.email,
      orgNodeId: opts.unit,
      password: await readPassword(io, "Lösenord: "),
      roles: opts.role ? [{ role: opts.role, orgNodeId: opts.unit }] : [],
    },
    "Användaren",
  );
  await withDatabase(async (database) => {
    const created = await createUser(database.db, systemActor(), input);
    print(`Användaren ${created.username} skapad.`);
  });
}

export async function changePassword(io: CliIo, username: string): Promise<void> {
  const { withDatabase, print } = appCliTools(io);
  const { password } = parseInput(z.object({ password: passwordSchema }), {
    password: await readPassword(io, "Nytt lösenord: "),
  });
  await withDatabase(async (database) => {
    const found = await userByUsername(database.db, normaliseUsername(username));
    if (!found) throw new Error(`Användaren ${username} finns inte.`);
    await updateUserAccount(database.db, systemActor(), found.id, { password });
    print(`Lösenordet för ${username} är bytt.`);
  });
}
