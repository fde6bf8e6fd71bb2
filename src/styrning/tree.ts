// The goal tree of one model year: goals nested by parent, each with the activities linked to it. Pure.

import { type ActivityStatus, activityStatusLabels } from "./vocabulary.ts";

export type TreeLevel = { id: string; position: number; name: string; kind: string };
export type TreeGoal = {
  id: string;
  levelId: string;
  parentId: string | null;
  code: string | null;
  title: string;
  position: number;
};
export type TreeActivity = { id: string; title: string; status: string; orgNodeName: string; goalIds: string[] };

export type TreeNode<G extends TreeGoal = TreeGoal> = {
  goal: G;
  level: TreeLevel;
  children: TreeNode<G>[];
  activities: TreeActivity[];
};

export function buildGoalTree<G extends TreeGoal>(
  levels: readonly TreeLevel[],
  goals: readonly G[],
  activities: readonly TreeActivity[] = [],
): TreeNode<G>[] {
  const levelById = new Map(levels.map((l) => [l.id, l]));
  const nodes = new Map<string, TreeNode<G>>();
  for (const goal of goals) {
    const level = levelById.get(goal.levelId);
    if (!level) continue;
    nodes.set(goal.id, {
      goal,
      level,
      children: [],
      activities: activities.filter((a) => a.goalIds.includes(goal.id)),
    });
  }
  const roots: TreeNode<G>[] = [];
  for (const node of nodes.values()) {
    const parent = node.goal.parentId ? nodes.get(node.goal.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: TreeNode<G>, b: TreeNode<G>) =>
    a.level.position - b.level.position ||
    a.goal.position - b.goal.position ||
    (a.goal.code ?? "").localeCompare(b.goal.code ?? "", "sv", { numeric: true }) ||
    a.goal.title.localeCompare(b.goal.title, "sv");
  const sort = (list: TreeNode<G>[]) => {
    list.sort(order);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** A plain-text outline of the tree (CLI, tests, screen-reader friendly export). */
export function renderTreeText(roots: readonly TreeNode[], activityLevelName = "Aktivitet"): string {
  const lines: string[] = [];
  const walk = (node: TreeNode, depth: number) => {
    const pad = "  ".repeat(depth);
    lines.push(`${pad}${node.level.name}: ${node.goal.code ? `${node.goal.code} ` : ""}${node.goal.title}`);
    for (const child of node.children) walk(child, depth + 1);
    for (const a of node.activities) {
      const status = activityStatusLabels[a.status as ActivityStatus] ?? a.status;
      lines.push(`${pad}  ${activityLevelName}: ${a.title} (${a.orgNodeName}, ${status.toLowerCase()})`);
    }
  };
  for (const root of roots) walk(root, 0);
  return lines.join("\n");
}
