import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseWithOrganisation } from "../app/testing.ts";
import type { Database } from "../platform/db/database.ts";
import type { DemoOrganisation } from "./demo.ts";
import { findNodeByIdOrName, kommunOf, nodeOrThrow } from "./nodes.ts";
import { insertNode, nodesOfKindUnder } from "./repository.ts";

let database: Database;
let demo: DemoOrganisation;
beforeAll(async () => ({ database, demo } = await testDatabaseWithOrganisation()));
afterAll(() => database.close());

const node = (key: string) => demo.nodes[key] as { id: string; path: string };

describe("node lookups other capabilities use", () => {
  it("finds a node or says in Swedish that it does not exist", async () => {
    expect(await nodeOrThrow(database.db, node("ifo").id)).toMatchObject({ kind: "namnd", diarium_prefix: "IF" });
    await expect(nodeOrThrow(database.db, crypto.randomUUID())).rejects.toThrow("Organisationsenheten finns inte.");
    expect(await kommunOf(database.db, node("dv-ost").path)).toMatchObject({ name: "Kungsbacka kommun", code: "1384" });
  });

  it("lists nodes of some kinds under a subtree in the organisation's order", async () => {
    const namnder = await nodesOfKindUnder(database.db, ["/"], ["namnd"]);
    expect(namnder.map((n) => n.id)).toEqual([node("ifo").id, node("vo").id]);
    expect(await nodesOfKindUnder(database.db, [], ["namnd"])).toEqual([]);
  });

  it("resolves a node a person names by id, code or name in any case (å, ä, ö too)", async () => {
    const resolve = (text: string, kind?: "namnd") => findNodeByIdOrName(database.db, text, kind);
    expect((await resolve(node("vo").id)).id).toBe(node("vo").id);
    expect((await resolve("1384")).id).toBe(node("kommun").id);
    expect((await resolve(" DAGLIG VERKSAMHET ÖST ")).id).toBe(node("dv-ost").id);
    await expect(resolve("Nämnd", "namnd")).rejects.toThrow('Det finns ingen nämnd med id, kod eller namn "Nämnd".');

    const vo = node("vo");
    await insertNode(
      database.db,
      { parent_id: vo.id, kind: "enhet", name: "Hemtjänst Norr", code: null, diarium_prefix: null, sort_order: 9 },
      vo.path,
    );
    await expect(resolve("Hemtjänst Norr")).rejects.toThrow('"Hemtjänst Norr" är tvetydigt');
  });
});
