// The goal tree and the goal page show the same activities as the activity list: a unit's plan is not
// visible to a sibling unit through the goals it is linked to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { setupTimeout, styrningTestApp } from "./testing.ts";

let t: TestApp;
let goalId: string;
let modelId: string;
const title = "Syskonenhetens egen aktivitet";

const node = (key: string) => t.demo.nodes[key]?.id as string;
const titles = (rows: { title: string }[]) => rows.map((a) => a.title);

beforeAll(async () => {
  t = await styrningTestApp();
  const admin = await t.as("admin");
  const [model] = (await admin.get(`/api/styrning/models?orgNodeId=${node("ifo")}&year=2023`)).json();
  modelId = model.id;
  const tree = (await admin.get(`/api/styrning/models/${modelId}/tree`)).json();
  goalId = tree.goals.find((g: { code: string }) => g.code === "3").id;
  const res = await admin.post("/api/styrning/activities", {
    orgNodeId: node("bss-bjorken"),
    year: 2023,
    title,
    goalIds: [goalId],
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}, setupTimeout);
afterAll(() => t?.close());

describe("activities on the tree and goal pages", () => {
  it("hides a sibling unit's activity from an enhetschef, as the activity list does", async () => {
    const chef = await t.as("enhetschef");
    const list = (await chef.get(`/api/styrning/activities?orgNodeId=${node("bss")}&year=2023`)).json();
    expect(titles(list)).not.toContain(title);
    const tree = (await chef.get(`/api/styrning/models/${modelId}/tree`)).json();
    expect(tree.activities.length).toBeGreaterThan(0);
    for (const a of tree.activities) expect(a.orgNodeName, a.title).toBe("Gruppbostad Almen");
    expect(tree.outline).not.toContain(title);
    const page = (await chef.get(`/api/styrning/goals/${goalId}`)).json();
    expect(titles(page.activities)).not.toContain(title);
    for (const a of page.activities) expect(a.orgNodeName, a.title).toBe("Gruppbostad Almen");
  });

  it("still shows it to readers of the whole nämnd", async () => {
    const controller = await t.as("controller");
    const tree = (await controller.get(`/api/styrning/models/${modelId}/tree`)).json();
    expect(titles(tree.activities)).toContain(title);
    const page = (await controller.get(`/api/styrning/goals/${goalId}`)).json();
    expect(titles(page.activities)).toContain(title);
  });
});
