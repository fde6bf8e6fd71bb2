import { describe, expect, it } from "vitest";
import { buildGoalTree, renderTreeText } from "./tree.ts";

describe("buildGoalTree", () => {
  it("nests goals by parent, orders them, and hangs activities on their goals", () => {
    const levels = [
      { id: "v", position: 0, name: "Vision", kind: "goal" },
      { id: "n", position: 2, name: "Nämndmål", kind: "goal" },
      { id: "a", position: 3, name: "Aktivitet", kind: "activity" },
    ];
    const goals = [
      { id: "g2", levelId: "n", parentId: "vision", code: "2", title: "Lika villkor", position: 1 },
      { id: "vision", levelId: "v", parentId: null, code: null, title: "Vision 2030", position: 0 },
      { id: "g1", levelId: "n", parentId: "vision", code: "1", title: "Nöjda brukare", position: 0 },
    ];
    const tree = buildGoalTree(levels, goals, [
      { id: "x", title: "Mobil dokumentation", status: "pagar", orgNodeName: "Gruppbostad Almen", goalIds: ["g2"] },
    ]);
    expect(tree.map((n) => n.goal.id)).toEqual(["vision"]);
    expect(tree[0]?.children.map((n) => n.goal.id)).toEqual(["g1", "g2"]);
    expect(renderTreeText(tree)).toBe(
      [
        "Vision: Vision 2030",
        "  Nämndmål: 1 Nöjda brukare",
        "  Nämndmål: 2 Lika villkor",
        "    Aktivitet: Mobil dokumentation (Gruppbostad Almen, pågår)",
      ].join("\n"),
    );
  });
});
