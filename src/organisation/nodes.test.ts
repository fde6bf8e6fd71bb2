import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseWithOrganisation } from "../app/testing.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { Database } from "../platform/db/database.ts";
import type { DemoOrganisation } from "./demo.ts";
import { createNode, readableTree, updateNode } from "./directory-service.ts";
import { findNamnd, findNodeByIdOrName, kommunOf, nodeOrThrow } from "./nodes.ts";
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

  it("takes a diarium prefix only where one kommun has it", async () => {
    expect((await findNamnd(database.db, "if")).id).toBe(node("ifo").id);
    const other = await insertNode(
      database.db,
      { parent_id: null, kind: "kommun", name: "Exempelby kommun", code: "9999", diarium_prefix: null, sort_order: 1 },
      "/",
    );
    await insertNode(
      database.db,
      { parent_id: other.id, kind: "namnd", name: "Socialnämnden", code: null, diarium_prefix: "IF", sort_order: 0 },
      other.path,
    );
    await expect(findNamnd(database.db, "IF")).rejects.toThrow("Diarieprefixet IF finns i flera kommuner");
    expect((await findNamnd(database.db, "Socialnämnden")).diarium_prefix).toBe("IF");
  });
});

describe("utskott and a förvaltning serving several nämnder", () => {
  const admin = systemActor();
  it("places an utskott under a nämnd only", async () => {
    const utskott = await createNode(database.db, admin, {
      parentId: node("ifo").id,
      kind: "utskott",
      name: "Individutskottet",
      sortOrder: 0,
    });
    expect(utskott).toMatchObject({ kind: "utskott", parent_id: node("ifo").id, serves_namnd_ids: [] });
    await expect(
      createNode(database.db, admin, { parentId: utskott.id, kind: "enhet", name: "Under utskott", sortOrder: 0 }),
    ).rejects.toThrow("En enhet kan inte ligga under en utskott.");
  });

  it("links one förvaltning to several nämnder of its own kommun, shown in the tree", async () => {
    const shared = await createNode(database.db, admin, {
      parentId: node("kommun").id,
      kind: "forvaltning",
      name: "Gemensam socialförvaltning",
      sortOrder: 0,
      servesNamndIds: [node("ifo").id, node("vo").id],
    });
    expect([...shared.serves_namnd_ids].sort()).toEqual([node("ifo").id, node("vo").id].sort());
    const unit = await createNode(database.db, admin, {
      parentId: shared.id,
      kind: "enhet",
      name: "Delad enhet",
      sortOrder: 0,
    });
    expect(unit.path.startsWith(shared.path)).toBe(true);
    const tree = await readableTree(database.db, admin);
    expect(tree.find((n) => n.id === shared.id)?.serves_namnd_ids).toHaveLength(2);

    const narrowed = await updateNode(database.db, admin, shared.id, { servesNamndIds: [node("vo").id] });
    expect(narrowed.serves_namnd_ids).toEqual([node("vo").id]);
    // Not a nämnd, or a nämnd of another kommun: refused, nothing changed.
    const otherKommun = (await findNamnd(database.db, "Socialnämnden")).id;
    for (const wrong of [node("dv-ost").id, otherKommun]) {
      await expect(updateNode(database.db, admin, shared.id, { servesNamndIds: [wrong] })).rejects.toThrow(
        "välj nämnder i förvaltningens egen kommun",
      );
    }
    await expect(
      updateNode(database.db, admin, node("dv-ost").id, { servesNamndIds: [node("vo").id] }),
    ).rejects.toThrow("endast en förvaltning tjänar flera nämnder");
    const after = await readableTree(database.db, admin);
    expect(after.find((n) => n.id === shared.id)?.serves_namnd_ids).toEqual([node("vo").id]);
  });
});
