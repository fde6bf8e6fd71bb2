import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.ts";
import { webRoot } from "./platform-commands.ts";
import { cliEnv, serve } from "./process-testing.ts";
import { lots as lotsIn, runLots, testDataDir } from "./testing.ts";

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-cli-"));
// The real processes below run the compiled build, as after `npm start`: bin/lots.js picks build/ when it is
// newer than the source (each start through tsx spent seconds transpiling).
beforeAll(() => run(process.execPath, ["build-server.mjs"]), 120_000);
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The real executable, as an operator starts it (umask, tsx, exit code). */
const lotsProcess = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["bin/lots.js", ...args], { env: cliEnv(env), timeout: 120_000 });
// Every other command runs in this process: the same program, without a compile-and-start each.
const lots = lotsIn;
const attempt = runLots;

/** Row count of every table and the admin's password hash: any write shows up here. */
async function snapshot(dataDir: string) {
  const database = await openDatabase({ dataDir: path.join(dataDir, "pglite"), durability: "fast" });
  try {
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(database.db);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)}`.execute(database.db);
      counts[name] = r.rows[0]?.n ?? -1;
    }
    const admin = await database.db
      .selectFrom("app_user")
      .select("password_hash")
      .where("username", "=", "admin")
      .executeTakeFirst();
    return { counts, adminHash: admin?.password_hash ?? null };
  } finally {
    await database.close();
  }
}

const modeBitsOutsideOwner = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).mode & 0o077);

describe("lots CLI", () => {
  it("lists its commands", async () => {
    const { stdout } = await lots(["--help"]);
    for (const command of ["serve", "migrate", "seed-demo", "init", "backup", "restore", "user"])
      expect(stdout).toContain(command);
    const user = await lots(["user", "--help"]);
    expect(user.stdout).toContain("add");
    expect(user.stdout).toContain("passwd");
  });

  it("refuses every database command while the server holds the embedded database, and changes nothing", async () => {
    const env = { DATA_DIR: path.join(tmp, "locked") };
    await testDataDir(env.DATA_DIR, "fullDemo");
    const before = await snapshot(env.DATA_DIR);
    const file = path.join(tmp, "in.txt");
    fs.writeFileSync(file, "x");

    const server = await serve(env);
    expect(server.output()).not.toContain("Demodata laddad");
    const commands = [
      ["migrate"],
      ["seed-demo"],
      ["init", "--kommun", "K", "--admin", "chef", "--name", "Chef"],
      ["backup", path.join(tmp, "locked.ndjson")],
      ["restore", file],
      ["audit", "verify"],
      ["user", "add", "ny", "--name", "Ny", "--unit", "00000000-0000-4000-8000-000000000000"],
      ["user", "passwd", "admin"],
      ["evb", "import", file],
      ["evb", "install-catalogue"],
      ["evb", "report", "--quarter", "2023Q4"],
      ["ekonomi", "import", file, "--namnd", "IF", "--year", "2023"],
      ["ekonomi", "nivaer", "--namnd", "IF", "--year", "2023", "--standard"],
      ["styrning", "kolada-import", file, "--org", "IF"],
      ["styrning", "kolada-fetch", "--org", "IF", "--years", "2023"],
      ["styrning", "import-xlsx", file, "--org", "IF"],
    ];
    const results = [];
    for (const args of commands) results.push(await attempt(args, { ...env, LOTS_PASSWORD: "ett-langt-losenord" }));
    for (const [i, result] of results.entries()) {
      expect({ command: commands[i]?.join(" "), code: result.code }).toEqual({
        command: commands[i]?.join(" "),
        code: 1,
      });
      expect(result.stderr).toContain(`används redan av process ${server.pid}`);
      expect(result.stderr).toContain("Stoppa servern först");
    }
    expect(fs.existsSync(path.join(tmp, "locked.ndjson"))).toBe(false);

    await server.stop();
    expect(fs.existsSync(path.join(env.DATA_DIR, "pglite.lock"))).toBe(false);
    // The server tightened what this test process created under its looser umask.
    expect(modeBitsOutsideOwner(env.DATA_DIR)).toEqual([]);
    expect(fs.statSync(env.DATA_DIR).mode & 0o777).toBe(0o700);
    expect(await snapshot(env.DATA_DIR)).toEqual(before);
  }, 300_000);

  it("in production starts empty with instructions; lots init creates the kommun and its admin", async () => {
    const env = { DATA_DIR: path.join(tmp, "prod"), NODE_ENV: "production" };
    const server = await serve(env);
    expect(server.output()).toContain("kompilerad");
    expect(server.output()).toContain("Databasen är tom");
    expect(server.output()).toContain("npx lots init");
    expect(server.output()).not.toContain("Demodata laddad");
    // The built web UI is served from the project's dist/web (as after npm start); unbuilt, the server says so.
    expect(webRoot).toBe(path.join(process.cwd(), "dist", "web"));
    const home = await fetch(`http://127.0.0.1:${server.port}/`, { headers: { accept: "text/html" } });
    if (fs.existsSync(path.join(webRoot, "index.html"))) {
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<div id="root">');
    } else {
      expect(home.status).toBe(404);
      expect(server.output()).toContain("Webbgränssnittet är inte byggt");
    }
    // A body past 256 kB is parsed in a worker thread, whose module the bundle must hold beside its chunks.
    const large = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "a", password: "b", fyllnad: "x".repeat(300_000) }),
    });
    expect(large.status).toBe(400);
    expect(await large.text()).toContain("fyllnad");
    await server.stop();

    const init = await lots(["init", "--kommun", "Exempels kommun", "--admin", "Chef.Ett", "--name", "Chef Ett"], {
      ...env,
      LOTS_PASSWORD: "ett-langt-losenord",
    });
    expect(init.stdout).toContain("Exempels kommun skapad med administratören chef.ett");
    // The kommun is made after the migrations ran, so init itself gives it EVB's and Kvalitet's standard lists.
    expect(init.stdout).toMatch(/Lade till [1-9]\d* insatser .*\nLade till [1-9]\d* händelsetyper/);
    const again = await attempt(["init", "--kommun", "Exempels kommun", "--admin", "bb", "--name", "B"], {
      ...env,
      LOTS_PASSWORD: "ett-langt-losenord",
    });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining("redan en organisation") });
    const demo = await attempt(["seed-demo"], env);
    expect(demo).toMatchObject({ code: 1, stderr: expect.stringContaining("Databasen har redan haft data") });

    const database = await openDatabase({ dataDir: path.join(env.DATA_DIR, "pglite"), durability: "fast" });
    const roles = await database.db
      .selectFrom("role_assignment as r")
      .innerJoin("app_user as u", "u.id", "r.user_id")
      .innerJoin("org_node as n", "n.id", "r.org_node_id")
      .select(["u.username", "r.role", "n.name", "n.kind", "n.parent_id"])
      .execute();
    expect(roles).toEqual([
      { username: "chef.ett", role: "admin", name: "Exempels kommun", kind: "kommun", parent_id: null },
    ]);
    const audited = await database.db.selectFrom("audit_log").select(["entity", "action"]).execute();
    expect(audited).toEqual(
      expect.arrayContaining([
        { entity: "org_node", action: "create" },
        { entity: "app_user", action: "create" },
      ]),
    );
    await database.close();
  }, 300_000);

  it("seeds, backs up, restores into a new data folder and manages users", async () => {
    const a = { DATA_DIR: path.join(tmp, "a") };
    const b = { DATA_DIR: path.join(tmp, "b") };
    const file = path.join(tmp, "backup.ndjson");
    // As a real process: its umask keeps everything it creates owner-only.
    const seeded = await lotsProcess(["seed-demo"], a);
    expect(seeded.stdout).toContain("Demodata laddad");
    expect(await attempt(["seed-demo"], a)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("redan haft data"),
    });
    expect((await lots(["backup", file], a)).stdout).toMatch(/Säkerhetskopia skriven .* tabeller, [\d\s]+ rader/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(modeBitsOutsideOwner(a.DATA_DIR)).toEqual([]);
    expect((await lots(["restore", file], b)).stdout).toMatch(/Återställd från/);

    const database = await openDatabase({ dataDir: path.join(b.DATA_DIR, "pglite"), durability: "fast" });
    const unit = await database.db
      .selectFrom("org_node")
      .select("id")
      .where("name", "=", "Daglig verksamhet Öst")
      .executeTakeFirstOrThrow();
    // The demo's organisation came through: its nämnder with their diarium prefixes and one förvaltning's areas.
    const namnder = await database.db
      .selectFrom("org_node")
      .select(["name", "diarium_prefix"])
      .where("kind", "=", "namnd")
      .execute();
    expect(namnder).toEqual(
      expect.arrayContaining([
        { name: "Nämnden för Individ & Familjeomsorg", diarium_prefix: "IF" },
        { name: "Nämnden för Vård & Omsorg", diarium_prefix: "VO" },
      ]),
    );
    const areas = await database.db
      .selectFrom("org_node as a")
      .innerJoin("org_node as f", "f.id", "a.parent_id")
      .select("a.name")
      .where("f.name", "=", "Förvaltningen för Individ & Familjeomsorg")
      .execute();
    expect(areas.map((a) => a.name).sort()).toEqual(
      [
        "Bostad med särskild service",
        "Daglig verksamhet",
        "Förvaltningsledning",
        "Myndighet stöd och behandling",
        "Nämnd",
        "Privat assistans",
        "Stöd i hemmet och sysselsättning",
        "Stödfunktioner och central verksamhet",
      ].sort(),
    );
    await database.close();
    await lots(["user", "add", "ny.chef", "--name", "Ny Chef", "--unit", unit.id, "--role", "enhetschef"], {
      ...b,
      LOTS_PASSWORD: "ett-langt-losenord",
    });
    await expect(lots(["user", "passwd", "ny.chef"], { ...b, LOTS_PASSWORD: "kort" })).rejects.toMatchObject({
      stderr: expect.stringContaining("minst 10 tecken"),
    });
    expect(
      (await lots(["user", "passwd", "ny.chef"], { ...b, LOTS_PASSWORD: "ett-annat-langt-losenord" })).stdout,
    ).toContain("Lösenordet för ny.chef är bytt");

    const check = await openDatabase({ dataDir: path.join(b.DATA_DIR, "pglite"), durability: "fast" });
    const roles = await check.db
      .selectFrom("role_assignment as r")
      .innerJoin("app_user as u", "u.id", "r.user_id")
      .select(["u.username", "r.role"])
      .where("u.username", "=", "ny.chef")
      .execute();
    expect(roles).toEqual([{ username: "ny.chef", role: "enhetschef" }]);
    expect((await check.db.selectFrom("app_user").select("id").execute()).length).toBe(10);
    await check.close();
  }, 300_000);
});
