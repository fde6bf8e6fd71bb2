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
export type TreeActivity = {
  id: string;
  title: string;
  status: string;
  orgNodeName: string;
  goalIds: string[];
  uppdragId?: string | null;
};
export type TreeUppdrag = {
  id: string;
  goalId: string | null;
  code: string | null;
  title: string;
  status: string;
  decidedBy: string;
};

/** An uppdrag under its goal, with the activities that carry it out. */
export type TreeUppdragNode = { uppdrag: TreeUppdrag; activities: TreeActivity[] };

export type TreeNode<G extends TreeGoal = TreeGoal> = {
  goal: G;
  level: TreeLevel;
  children: TreeNode<G>[];
  /** Activities linked to the goal that do not carry out one of its uppdrag (those sit under the uppdrag). */
  activities: TreeActivity[];
  uppdrag: TreeUppdragNode[];
};

export function buildGoalTree<G extends TreeGoal>(
  levels: readonly TreeLevel[],
  goals: readonly G[],
  activities: readonly TreeActivity[] = [],
  uppdrag: readonly TreeUppdrag[] = [],
): TreeNode<G>[] {
  const levelById = new Map(levels.map((l) => [l.id, l]));
  const nodes = new Map<string, TreeNode<G>>();
  for (const goal of goals) {
    const level = levelById.get(goal.levelId);
    if (!level) continue;
    const own = uppdrag.filter((u) => u.goalId === goal.id);
    const ownIds = new Set(own.map((u) => u.id));
    nodes.set(goal.id, {
      goal,
      level,
      children: [],
      activities: activities.filter((a) => a.goalIds.includes(goal.id) && !(a.uppdragId && ownIds.has(a.uppdragId))),
      uppdrag: own.map((u) => ({ uppdrag: u, activities: activities.filter((a) => a.uppdragId === u.id) })),
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
export function renderTreeText(
  roots: readonly TreeNode[],
  activityLevelName = "Aktivitet",
  uppdragLevelName = "Uppdrag",
): string {
  const lines: string[] = [];
  const statusOf = (status: string) => (activityStatusLabels[status as ActivityStatus] ?? status).toLowerCase();
  const activityLine = (pad: string, a: TreeActivity) =>
    lines.push(`${pad}${activityLevelName}: ${a.title} (${a.orgNodeName}, ${statusOf(a.status)})`);
  const walk = (node: TreeNode, depth: number) => {
    const pad = "  ".repeat(depth);
    lines.push(`${pad}${node.level.name}: ${node.goal.code ? `${node.goal.code} ` : ""}${node.goal.title}`);
    for (const child of node.children) walk(child, depth + 1);
    for (const { uppdrag: u, activities } of node.uppdrag) {
      lines.push(`${pad}  ${uppdragLevelName}: ${u.code ? `${u.code} ` : ""}${u.title} (${statusOf(u.status)})`);
      for (const a of activities) activityLine(`${pad}    `, a);
    }
    for (const a of node.activities) activityLine(`${pad}  `, a);
  };
  for (const root of roots) walk(root, 0);
  return lines.join("\n");
}
