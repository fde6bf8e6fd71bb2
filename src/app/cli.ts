import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { z } from "zod";
import {
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
import { roles } from "../platform/auth/roles.ts";
import { normaliseUsername } from "../platform/auth/sessions.ts";
import { loadConfig } from "../platform/config.ts";
import { backupDatabase, restoreDatabase } from "../platform/db/backup.ts";
import type { Database } from "../platform/db/database.ts";
import {
  type CliTools,
  openConfiguredDatabase,
  sessionSecret,
  withDatabase as withMigratedDatabase,
} from "../platform/runtime.ts";
import { parseInput } from "../platform/validation.ts";
import { appMigrations, capabilities } from "./capabilities.ts";
import { seedDemo } from "./seed.ts";
import { buildApp } from "./server.ts";

// Everything this process creates (database files, session secret, lock, backups) is owner-only.
process.umask(0o077);

const withDatabase: CliTools["withDatabase"] = (fn) => withMigratedDatabase(appMigrations, fn);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function loadDemo(database: Database, password: string): Promise<void> {
  await seedDemo(database.db, password);
  console.log("\nDemodata laddad: Kungsbacka kommun med två nämnder.");
  console.log(`Demo-användare (lösenord för alla: ${password}):`);
  for (const u of demoUsernames()) console.log(`  ${u.username.padEnd(16)} ${u.role}`);
  console.log("");
}

const firstStartHelp =
  "Databasen är tom. Skapa kommunen och den första administratören med\n" +
  '  npx lots init --kommun "Exempels kommun" --admin användarnamn --name "För- och efternamn"\n' +
  "eller ladda demoorganisationen med npx lots seed-demo. Med den inbäddade databasen: stoppa servern först.";

async function readPassword(prompt: string): Promise<string> {
  if (process.env.LOTS_PASSWORD) return process.env.LOTS_PASSWORD;
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(prompt);
  } finally {
    rl.close();
  }
}

const program = new Command()
  .name("lots")
  .description("Lots – styrning och uppföljning för socialtjänstens nämnd")
  .showHelpAfterError();

program
  .command("serve")
  .description("Starta webbservern (migrerar; demodata bara i en nyskapad databas utanför NODE_ENV=production)")
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config, appMigrations);
    // Demo accounts have a published password: only in a database created by this very start.
    if (database.createdNow && process.env.NODE_ENV !== "production") await loadDemo(database, config.demoPassword);
    else if (!(await hasEverHeldData(database.db))) console.log(firstStartHelp);
    const app = await buildApp({
      database,
      sessionSecret: sessionSecret(config),
      webRoot: path.join(root, "dist/web"),
      logLevel: config.logLevel,
      secureCookies: process.env.NODE_ENV === "production",
      trustProxy: config.trustProxy,
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
    await app.listen({ port: config.port, host: config.host });
    console.log(`Lots körs på http://localhost:${config.port} (databas: ${database.engine})`);
  });

program
  .command("migrate")
  .description("Kör databasmigreringar")
  .action(async () => {
    const database = await openConfiguredDatabase(loadConfig(), appMigrations);
    await database.close();
    const applied = database.migrated;
    console.log(applied.length ? `Körde: ${applied.join(", ")}` : "Databasen är redan aktuell.");
  });

program
  .command("seed-demo")
  .description("Ladda demodata i en ny, tom databas (vägrar om databasen någon gång haft data)")
  .action(() => withDatabase((database) => loadDemo(database, loadConfig().demoPassword)));

program
  .command("init")
  .description(
    "Skapa kommunen och den första administratören i en tom databas (lösenord frågas efter, eller LOTS_PASSWORD)",
  )
  .requiredOption("--kommun <namn>", 'kommunens namn, t.ex. "Exempels kommun"')
  .requiredOption("--admin <användarnamn>", "administratörens användarnamn")
  .requiredOption("--name <visningsnamn>", "administratörens namn")
  .option("--email <email>", "administratörens e-postadress")
  .action(async (opts: { kommun: string; admin: string; name: string; email?: string }) => {
    const input = parseInput(
      initInput,
      {
        kommun: opts.kommun,
        admin: {
          username: opts.admin,
          displayName: opts.name,
          email: opts.email,
          password: await readPassword("Lösenord för administratören: "),
        },
      },
      "Första organisationen",
    );
    await withDatabase(async (database) => {
      const { kommun, admin } = await initOrganisation(database.db, input);
      console.log(`${kommun.name} skapad med administratören ${admin.username}.`);
    });
  });

program
  .command("backup <file>")
  .description("Skriv en fullständig säkerhetskopia (portabel JSON, fungerar för båda databasmotorerna)")
  .action((file: string) =>
    withDatabase(async (database) => {
      const r = await backupDatabase(database.db, file);
      console.log(`Säkerhetskopia skriven till ${file}: ${r.tables} tabeller, ${r.rows} rader.`);
    }),
  );

program
  .command("restore <file>")
  .description(
    "Ersätt hela databasen med en säkerhetskopia (stoppa servern först). Hela filen kontrolleras först " +
      "(radantal, kontrollsumma, granskningsloggens kedja); vid fel lämnas databasen orörd",
  )
  .action((file: string) =>
    withDatabase(async (database) => {
      const r = await restoreDatabase(database.db, file, appMigrations);
      console.log(`Återställd från ${file}: ${r.tables} tabeller, ${r.rows} rader.`);
    }),
  );

program
  .command("audit")
  .description("Granskningsloggen")
  .command("verify")
  .description("Kontrollera granskningsloggens hashkedja; skriver ut senaste hash att spara utanför databasen")
  .action(() =>
    withDatabase(async (database) => {
      const report = await verifyAuditChain(database.db);
      if (report.intact) console.log(describeChainReport(report));
      else {
        console.error(describeChainReport(report));
        process.exitCode = 1;
      }
    }),
  );

const user = program.command("user").description("Hantera användarkonton");

user
  .command("add <username>")
  .description("Skapa en användare (lösenord frågas efter, eller LOTS_PASSWORD)")
  .requiredOption("--name <displayName>", "visningsnamn")
  .requiredOption("--unit <orgNodeId>", "organisationsenhetens id (hemenhet och rollens omfång)")
  .option("--role <role>", `roll: ${roles.join(", ")}`)
  .option("--email <email>", "e-postadress")
  .action(async (username: string, opts: { name: string; unit: string; role?: string; email?: string }) => {
    // Validate everything before the database is opened, so a typo fails at once.
    const input = parseInput(
      userInput,
      {
        username,
        displayName: opts.name,
        email: opts.email,
        orgNodeId: opts.unit,
        password: await readPassword("Lösenord: "),
        roles: opts.role ? [{ role: opts.role, orgNodeId: opts.unit }] : [],
      },
      "Användaren",
    );
    await withDatabase(async (database) => {
      const created = await createUser(database.db, systemActor(), input);
      console.log(`Användaren ${created.username} skapad.`);
    });
  });

user
  .command("passwd <username>")
  .description("Byt lösenord (frågas efter, eller LOTS_PASSWORD); avslutar användarens sessioner")
  .action(async (username: string) => {
    const { password } = parseInput(z.object({ password: passwordSchema }), {
      password: await readPassword("Nytt lösenord: "),
    });
    await withDatabase(async (database) => {
      const found = await userByUsername(database.db, normaliseUsername(username));
      if (!found) throw new Error(`Användaren ${username} finns inte.`);
      await updateUserAccount(database.db, systemActor(), found.id, { password });
      console.log(`Lösenordet för ${username} är bytt.`);
    });
  });

for (const capability of capabilities) capability.cli?.(program, { withDatabase });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
