import { Command, CommanderError } from "commander";
import { roles } from "../platform/auth/roles.ts";
import type { CliIo, CliTools } from "../platform/runtime.ts";

// The command tree is declared here with nothing heavy loaded: each command's work, and each capability's
// subcommands, are imported only when that command runs, so `lots --help` costs commander and this file.
const platform = () => import("./platform-commands.ts");

type CommandGroup = {
  name: string;
  description: string;
  /** Adds the group's subcommands; imports the capability only then. */
  load: () => Promise<(command: Command, tools: CliTools, io: CliIo) => void>;
};

const commandGroups: CommandGroup[] = [
  {
    name: "styrning",
    description: "Mål, indikatorer och Kolada",
    load: async () => (await import("../styrning/index.ts")).styrningCli,
  },
  {
    name: "ekonomi",
    description: "Budget, utfall, prognos och import från ekonomisystemet",
    load: async () => (await import("../ekonomi/index.ts")).ekonomiCli,
  },
  {
    name: "evb",
    description: "Ej verkställda beslut: register och kvartalsrapporter",
    load: async () => (await import("../evb/index.ts")).evbCli,
  },
  {
    name: "kvalitet",
    description: "Kvalitet: import av händelser, statistik och standardlistor",
    load: async () => (await import("../kvalitet/index.ts")).kvalitetCli,
  },
  {
    name: "namnd",
    description: "Nämnd: diarium, ärenden och sammanträden",
    load: async () => (await import("../namnd/index.ts")).namndCli,
  },
  {
    name: "rapport",
    description: "Rapporter: nämndens dokument ur dess data, med kontroller",
    load: async () => (await import("../rapporter/index.ts")).rapporterCli,
  },
  {
    name: "reminders",
    description: "Påminnelser via e-post",
    load: async () => {
      const { remindersCli } = await import("./reminders-cli.ts");
      return (command, tools, io) => remindersCli(command, tools, io.env);
    },
  },
];

/** The group a command line asks for: its first word, or the one after `help`. */
function requestedGroup(args: string[]): CommandGroup | undefined {
  const words = args.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return commandGroups.find((g) => g.name === name);
}

/** The `lots` command tree for `args`, reading settings from and writing to `io`. */
async function buildProgram(args: string[], io: CliIo): Promise<Command> {
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
    .action(async () => (await platform()).serve(io));

  program
    .command("migrate")
    .description("Kör databasmigreringar")
    .action(async () => (await platform()).migrate(io));

  program
    .command("seed-demo")
    .description("Ladda demodata i en ny, tom databas (vägrar om databasen någon gång haft data)")
    .action(async () => (await platform()).seedDemoCommand(io));

  const kommunWithAdmin = (command: Command, example: string, where: "init" | "add") =>
    command
      .requiredOption("--kommun <namn>", `kommunens namn, t.ex. "${example}"`)
      .option("--code <kommunkod>", "kommunkoden (fyra siffror, som i SCB och Kolada)")
      .requiredOption("--admin <användarnamn>", "administratörens användarnamn")
      .requiredOption("--name <visningsnamn>", "administratörens namn")
      .option("--email <email>", "administratörens e-postadress")
      .action(async (opts) => (await platform()).createKommun(io, opts, where));

  kommunWithAdmin(
    program
      .command("init")
      .description(
        "Skapa kommunen och den första administratören i en tom databas (lösenord frågas efter, eller LOTS_PASSWORD)",
      ),
    "Exempels kommun",
    "init",
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
    "add",
  );

  program
    .command("backup <file>")
    .description("Skriv en fullständig säkerhetskopia (portabel JSON, fungerar för båda databasmotorerna)")
    .action(async (file: string) => (await platform()).backup(io, file));

  program
    .command("restore <file>")
    .description(
      "Ersätt hela databasen med en säkerhetskopia (stoppa servern först). Hela filen kontrolleras först " +
        "(radantal, kontrollsumma, granskningsloggens kedja); vid fel lämnas databasen orörd",
    )
    .action(async (file: string) => (await platform()).restore(io, file));

  program
    .command("audit")
    .description("Granskningsloggen")
    .command("verify")
    .description("Kontrollera granskningsloggens hashkedja; skriver ut senaste hash att spara utanför databasen")
    .action(async () => (await platform()).auditVerify(io));

  const user = program.command("user").description("Hantera användarkonton");

  user
    .command("add <username>")
    .description("Skapa en användare (lösenord frågas efter, eller LOTS_PASSWORD)")
    .requiredOption("--name <displayName>", "visningsnamn")
    .requiredOption("--unit <orgNodeId>", "organisationsenhetens id (hemenhet och rollens omfång)")
    .option("--role <role>", `roll: ${roles.join(", ")}`)
    .option("--email <email>", "e-postadress")
    .action(async (username: string, opts) => (await platform()).addUser(io, username, opts));

  user
    .command("passwd <username>")
    .description("Byt lösenord (frågas efter, eller LOTS_PASSWORD); avslutar användarens sessioner")
    .action(async (username: string) => (await platform()).changePassword(io, username));

  // Every group is listed; only the one asked for gets its subcommands (and loads its capability).
  const requested = requestedGroup(args);
  for (const group of commandGroups) {
    const command = program.command(group.name).description(group.description);
    if (group === requested) {
      const [addSubcommands, { appCliTools }] = await Promise.all([group.load(), platform()]);
      addSubcommands(command, appCliTools(io), io);
    }
  }
  return program;
}

/** Runs one `lots` command line (without "node lots") and answers its exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    await (await buildProgram(args, io)).parseAsync(args, { from: "user" });
    return 0;
  } catch (error) {
    // Commander has already written its own message (unknown option, help, a failed audit check).
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
