import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
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
import { roles } from "../platform/auth/roles.ts";
import { normaliseUsername } from "../platform/auth/sessions.ts";
import { loadConfig } from "../platform/config.ts";
import { backupDatabase, restoreDatabase } from "../platform/db/backup.ts";
import type { Database } from "../platform/db/database.ts";
import { formatCount } from "../platform/i18n/format.ts";
import { loadMailConfig } from "../platform/reminders/mail-config.ts";
import { type CliIo, cliTools, openConfiguredDatabase, sessionSecret } from "../platform/runtime.ts";
import { parseInput } from "../platform/validation.ts";
import { appMigrations, capabilities } from "./capabilities.ts";
import { remindersCli } from "./reminders-cli.ts";
import { seedDemo } from "./seed.ts";
import { buildApp } from "./server.ts";

/** The built web UI (`npm run build`), served by `lots serve`: dist/web at the project root, two levels up. */
export const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

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

/** The `lots` command tree, reading settings from and writing to `io`. */
function buildProgram(io: CliIo): Command {
  const tools = cliTools(io, appMigrations);
  const { withDatabase, print, printError } = tools;
  const program = new Command()
    .name("lots")
    .description("Lots – styrning och uppföljning för socialtjänstens nämnd")
    .showHelpAfterError()
    // Set before the subcommands exist, so they inherit both: no process.exit, output to io.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  program
    .command("serve")
    .description("Starta webbservern (migrerar; demodata bara i en nyskapad databas utanför NODE_ENV=production)")
    .action(async () => {
      const config = loadConfig(io.env);
      const database = await openConfiguredDatabase(config, appMigrations);
      // Demo accounts have a published password: only in a database created by this very start.
      if (database.createdNow && io.env.NODE_ENV !== "production") await loadDemo(database, config.demoPassword, print);
      else if (!(await hasEverHeldData(database.db))) print(firstStartHelp);
      const app = await buildApp({
        database,
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
    });

  program
    .command("migrate")
    .description("Kör databasmigreringar")
    .action(async () => {
      const database = await openConfiguredDatabase(loadConfig(io.env), appMigrations);
      await database.close();
      const applied = database.migrated;
      print(applied.length ? `Körde: ${applied.join(", ")}` : "Databasen är redan aktuell.");
    });

  program
    .command("seed-demo")
    .description("Ladda demodata i en ny, tom databas (vägrar om databasen någon gång haft data)")
    .action(() => withDatabase((database) => loadDemo(database, loadConfig(io.env).demoPassword, print)));

  // init and kommun add take the same kommun and first administrator; they differ in where it may be created.
  const kommunWithAdmin = (
    command: Command,
    example: string,
    refusal: string,
    create: typeof initOrganisation | typeof addKommun,
  ) =>
    command
      .requiredOption("--kommun <namn>", `kommunens namn, t.ex. "${example}"`)
      .option("--code <kommunkod>", "kommunkoden (fyra siffror, som i SCB och Kolada)")
      .requiredOption("--admin <användarnamn>", "administratörens användarnamn")
      .requiredOption("--name <visningsnamn>", "administratörens namn")
      .option("--email <email>", "administratörens e-postadress")
      .action(async (opts: { kommun: string; code?: string; admin: string; name: string; email?: string }) => {
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
          refusal,
        );
        await withDatabase(async (database) => {
          const { kommun, admin } = await create(database.db, input);
          print(`${kommun.name} skapad med administratören ${admin.username}.`);
        });
      });

  kommunWithAdmin(
    program
      .command("init")
      .description(
        "Skapa kommunen och den första administratören i en tom databas (lösenord frågas efter, eller LOTS_PASSWORD)",
      ),
    "Exempels kommun",
    "Första organisationen",
    initOrganisation,
  );
  kommunWithAdmin(
    program
      .command("kommun")
      .description("Hantera kommunerna i installationen")
      .command("add")
      .description(
        "Lägg till en kommun (en egen rot med egna kataloger) och dess första administratör (lösenord frågas efter, eller LOTS_PASSWORD)",
      ),
    "Exempelby kommun",
    "Kommunen",
    addKommun,
  );

  program
    .command("backup <file>")
    .description("Skriv en fullständig säkerhetskopia (portabel JSON, fungerar för båda databasmotorerna)")
    .action((file: string) =>
      withDatabase(async (database) => {
        const r = await backupDatabase(database.db, file);
        print(
          `Säkerhetskopia skriven till ${file}: ${formatCount(r.tables, "tabell", "tabeller")}, ${formatCount(r.rows, "rad", "rader")}.`,
        );
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
        print(
          `Återställd från ${file}: ${formatCount(r.tables, "tabell", "tabeller")}, ${formatCount(r.rows, "rad", "rader")}.`,
        );
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
        if (report.intact) print(describeChainReport(report));
        else {
          printError(describeChainReport(report));
          throw new CommanderError(1, "lots.audit", "");
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
          password: await readPassword(io, "Lösenord: "),
          roles: opts.role ? [{ role: opts.role, orgNodeId: opts.unit }] : [],
        },
        "Användaren",
      );
      await withDatabase(async (database) => {
        const created = await createUser(database.db, systemActor(), input);
        print(`Användaren ${created.username} skapad.`);
      });
    });

  user
    .command("passwd <username>")
    .description("Byt lösenord (frågas efter, eller LOTS_PASSWORD); avslutar användarens sessioner")
    .action(async (username: string) => {
      const { password } = parseInput(z.object({ password: passwordSchema }), {
        password: await readPassword(io, "Nytt lösenord: "),
      });
      await withDatabase(async (database) => {
        const found = await userByUsername(database.db, normaliseUsername(username));
        if (!found) throw new Error(`Användaren ${username} finns inte.`);
        await updateUserAccount(database.db, systemActor(), found.id, { password });
        print(`Lösenordet för ${username} är bytt.`);
      });
    });

  for (const capability of capabilities) capability.cli?.(program, tools);
  remindersCli(program, tools, io.env);
  return program;
}

/** Runs one `lots` command line (without "node lots") and answers its exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(args, { from: "user" });
    return 0;
  } catch (error) {
    // Commander has already written its own message (unknown option, help, a failed audit check).
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
