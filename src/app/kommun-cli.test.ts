import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDB } from "./capabilities.ts";
import { testCli } from "./testing.ts";

// `lots kommun add` on the demo organisation: the operator's way to host a further kommun.
const cli = testCli("organisation");
beforeAll(cli.start);
afterAll(cli.close);
const env = { LOTS_PASSWORD: "ett-langt-losenord-9" };
const add = [
  "kommun",
  "add",
  "--kommun",
  "Exempelby kommun",
  "--code",
  "9999",
  "--admin",
  "exadmin",
  "--name",
  "Eva Ex",
];

describe("lots kommun add", () => {
  it("creates the kommun with its admin, scoped to it, and its standard catalogues; a second run is refused", async () => {
    const run = await cli.runLots(add, env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Exempelby kommun skapad med administratören exadmin\.\nLade till \d+ insatser och \d+ koder\./,
    );
    expect(run.stdout).toMatch(
      /Lade till \d+ händelsetyper och \d+ orsaker\.\nLade till \d+ poster i lex Sarah-listorna\.\nLade till 4 slag av tillsyn\.\n$/,
    );

    const db = cli.database().db as Kysely<AppDB>;
    const kommun = await db.selectFrom("org_node").selectAll().where("code", "=", "9999").executeTakeFirstOrThrow();
    expect(kommun).toMatchObject({ kind: "kommun", name: "Exempelby kommun", parent_id: null });
    const roles = await db
      .selectFrom("role_assignment")
      .innerJoin("app_user", "app_user.id", "role_assignment.user_id")
      .select(["role_assignment.role", "role_assignment.org_node_id"])
      .where("app_user.username", "=", "exadmin")
      .execute();
    expect(roles).toEqual([{ role: "admin", org_node_id: kommun.id }]);
    const tables = [
      "evb_insats",
      "evb_code",
      "kvalitet_event_type",
      "kvalitet_cause",
      "kvalitet_inspection_type",
    ] as const;
    const count = async (table: (typeof tables)[number]) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .where("org_node_id", "=", kommun.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const table of tables) expect(await count(table), table).toBeGreaterThan(0);

    // The install commands add only what is missing: nothing, right after.
    expect((await cli.runLots(["evb", "install-catalogue", "--org", "9999"])).stdout).toBe(
      "Lade till 0 insatser och 0 koder.\n",
    );
    const again = await cli.runLots(add, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Kommunen finns redan: Exempelby kommun (9999).");
  });
});
