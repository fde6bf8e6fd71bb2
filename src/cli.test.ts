import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./platform/db/database.ts";

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lots = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["bin/lots.js", ...args], {
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent", ...env },
    timeout: 120_000,
  });

describe("lots CLI", () => {
  it("lists its commands", async () => {
    const { stdout } = await lots(["--help"]);
    for (const command of ["serve", "migrate", "seed-demo", "backup", "restore", "user"])
      expect(stdout).toContain(command);
    const user = await lots(["user", "--help"]);
    expect(user.stdout).toContain("add");
    expect(user.stdout).toContain("passwd");
  });

  it("seeds, backs up, restores into a new data folder and manages users", async () => {
    const a = { DATA_DIR: path.join(tmp, "a") };
    const b = { DATA_DIR: path.join(tmp, "b") };
    const file = path.join(tmp, "backup.ndjson");
    const seeded = await lots(["seed-demo"], a);
    expect(seeded.stdout).toContain("Demodata laddad");
    expect((await lots(["seed-demo"], a)).stdout).toContain("inget laddades");
    expect((await lots(["backup", file], a)).stdout).toMatch(/Säkerhetskopia skriven .* tabeller, \d+ rader/);
    expect((await lots(["restore", file], b)).stdout).toMatch(/Återställd från/);

    const database = await openDatabase({ dataDir: path.join(b.DATA_DIR, "pglite") });
    const unit = await database.db
      .selectFrom("org_node")
      .select("id")
      .where("name", "=", "Daglig verksamhet Öst")
      .executeTakeFirstOrThrow();
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

    const check = await openDatabase({ dataDir: path.join(b.DATA_DIR, "pglite") });
    const roles = await check.db
      .selectFrom("role_assignment as r")
      .innerJoin("app_user as u", "u.id", "r.user_id")
      .select(["u.username", "r.role"])
      .where("u.username", "=", "ny.chef")
      .execute();
    expect(roles).toEqual([{ username: "ny.chef", role: "enhetschef" }]);
    expect((await check.db.selectFrom("app_user").select("id").execute()).length).toBe(9);
    await check.close();
  }, 300_000);
});
