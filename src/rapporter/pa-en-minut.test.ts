// "Förvaltningsbudget på en minut" assembled from the demo's 2023 budget and goal model: the budget split as
// ekonomi's own read has it, the nämndmål, and the activities with their expected effects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { budgetSplit } from "../ekonomi/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import { listModels, modelTree } from "../styrning/index.ts";
import type { AssembledActivities, AssembledGoals, AssembledTable, AssembledTile } from "./model.ts";

let t: TestApp;
let ifo: string;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  ifo = t.demo.nodes.ifo?.id ?? "";
}, 300_000);
afterAll(() => t?.close());

const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\u2212/g, "-");

describe("på en minut 2023 from the demo", () => {
  it("splits the budget as ekonomi does, shows the goals and the activities, and passes the blocking checks", async () => {
    const res = await (await t.as("fortroendevald")).get(
      `/api/rapporter/rapport?mall=pa-en-minut&namndId=${ifo}&period=2023`,
    );
    expect(res.statusCode).toBe(200);
    const { report, findings } = res.json() as {
      report: { title: string; chapters: Array<{ blocks: Array<{ id: string }> }> };
      findings: Array<{ severity: string; check: string; message: string }>;
    };
    const block = <B>(id: string) => report.chapters.flatMap((c) => c.blocks).find((b) => b.id === id) as B;
    expect(report.title).toBe("Förvaltningsbudget 2023 på en minut");
    expect(findings.filter((f) => f.severity === "blocking")).toEqual([]);

    const split = await budgetSplit(t.database.db, systemActor(), ifo, 2023, "original");
    const table = block<AssembledTable>("budgetfordelning");
    expect(table.rows.filter((r) => !r.total).map((r) => [r.label, r.cells.budget?.value])).toEqual(
      split.parts.map((p) => [p.name, p.amountKr / 1000]),
    );
    const total = Math.round((split.totalKr ?? 0) / 1_000_000);
    expect(
      plain(
        block<AssembledTile>("budget")
          .segments.map((s) => s.text)
          .join(""),
      ),
    ).toBe(`${total} mnkr`);

    const model = (await listModels(t.database.db, systemActor(), ifo, 2023)).find((m) => m.orgNodeId === ifo);
    if (!model) throw new Error("no 2023 model");
    const tree = await modelTree(t.database.db, systemActor(), model.id);
    expect(block<AssembledGoals>("namndmal").goals).toHaveLength(4);
    const activities = block<AssembledActivities>("aktiviteter").activities;
    expect(activities.map((a) => a.title)).toEqual(tree.activities.map((a) => a.title));
    expect(activities.length).toBeGreaterThan(0);
  });
});
