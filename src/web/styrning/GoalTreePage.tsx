import { useState } from "react";
import { Link } from "react-router-dom";
import { formatCount } from "../../platform/i18n/format.ts";
import { buildGoalTree, type TreeNode } from "../../styrning/tree.ts";
import {
  type ActivityStatus,
  activityStatusLabels,
  type DecidedBy,
  decidedByLabels,
  directiveIssuerLabels,
} from "../../styrning/vocabulary.ts";
import { useSession } from "../session.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { NewGoalForm, NewModelForm } from "./Authoring.tsx";
import { useCopyModel } from "./mutations.ts";
import { useModels, useModelTree } from "./queries.ts";
import type { ModelSummary, ModelTree } from "./types.ts";
import { useYear } from "./year.ts";

type Goal = ModelTree["goals"][number];
type Activity = ModelTree["activities"][number];

/** "KF" or "Nämnd": who decided the item, shown on every goal and uppdrag so both can sit side by side. */
const decidedShort: Record<DecidedBy, string> = { kf: "KF", namnd: "Nämnd", forvaltning: "Förvaltning" };
function DecidedBadge({ by }: { by: DecidedBy }) {
  return (
    <span
      className={`badge styrning-decided styrning-decided-${by}`}
      title={`Beslutad av ${decidedByLabels[by].toLowerCase()}`}
    >
      {decidedShort[by]}
    </span>
  );
}

function ActivityLeaf({ activity, levelName }: { activity: Activity; levelName: string }) {
  return (
    <li className="styrning-activity-leaf">
      <span className="badge">{levelName}</span> {activity.title}{" "}
      <span className="muted">
        ({activity.orgNodeName}, {activityStatusLabels[activity.status as ActivityStatus].toLowerCase()})
      </span>
    </li>
  );
}

/** Whether the item or anything under it was decided by `filter` (all when no filter is chosen). */
const shows = (node: TreeNode<Goal>, filter: DecidedBy | ""): boolean =>
  !filter ||
  (node.level.kind !== "grouping" && node.goal.decidedBy === filter) ||
  node.uppdrag.some((u) => u.uppdrag.decidedBy === filter) ||
  node.children.some((c) => shows(c, filter));

function GoalNode({ node, tree, filter }: { node: TreeNode<Goal>; tree: ModelTree; filter: DecidedBy | "" }) {
  const { goal, level } = node;
  const activityLevel = tree.levels.find((l) => l.kind === "activity")?.name ?? "Aktivitet";
  const uppdragLevel = tree.levels.find((l) => l.kind === "uppdrag")?.name ?? "Uppdrag";
  const grouping = level.kind === "grouping";
  const children = node.children.filter((c) => shows(c, filter));
  const uppdrag = node.uppdrag.filter((u) => !filter || u.uppdrag.decidedBy === filter);
  return (
    <li className={grouping ? "styrning-grouping" : undefined}>
      <div className="styrning-goal">
        <span className="badge">{level.name}</span>{" "}
        {grouping ? (
          // A perspective groups goals; it is not a goal of its own, so it has no page, indicators or assessment.
          <strong>{goal.title}</strong>
        ) : (
          <>
            <DecidedBadge by={goal.decidedBy} />{" "}
            <Link to={`/styrning/mal/${goal.id}`}>
              {goal.code ? `${goal.code} ` : ""}
              {goal.title}
            </Link>
          </>
        )}
        {goal.indicatorCount > 0 && (
          <span className="muted"> · {formatCount(goal.indicatorCount, "indikator", "indikatorer")}</span>
        )}
        {goal.assessment && <span className="muted"> · Bedömning: {goal.assessment.levelLabel}</span>}
      </div>
      {(children.length > 0 || node.activities.length > 0 || uppdrag.length > 0) && (
        <ul>
          {children.map((child) => (
            <GoalNode key={child.goal.id} node={child} tree={tree} filter={filter} />
          ))}
          {uppdrag.map(({ uppdrag: u, activities }) => {
            return (
              <li key={u.id}>
                <span className="badge">{uppdragLevel}</span> <DecidedBadge by={u.decidedBy as DecidedBy} />{" "}
                <Link to={`/styrning/uppdrag?ar=${tree.model.year}`}>
                  {u.code ? `${u.code} ` : ""}
                  {u.title}
                </Link>{" "}
                <span className="muted">({activityStatusLabels[u.status as ActivityStatus].toLowerCase()})</span>
                {activities.length > 0 && (
                  <ul>
                    {activities.map((a) => (
                      <ActivityLeaf key={a.id} activity={a as Activity} levelName={activityLevel} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
          {node.activities.map((a) => (
            <ActivityLeaf key={a.id} activity={a as Activity} levelName={activityLevel} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ModelTreeView({ model }: { model: ModelSummary }) {
  const { can } = useSession();
  const copy = useCopyModel();
  const [filter, setFilter] = useState<DecidedBy | "">("");
  const result = useModelTree(model.id);
  const tree = result.data;
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!tree) return <Loading what="Laddar målträdet" />;
  const roots = buildGoalTree(tree.levels, tree.goals, tree.activities, tree.uppdrag).filter((n) => shows(n, filter));
  return (
    <section className="card" aria-labelledby={`model-${model.id}`}>
      <h2 id={`model-${model.id}`}>{model.name}</h2>
      <p className="muted">
        {model.orgNodeName}. Nivåer:{" "}
        {tree.levels.map((l) => `${l.name} (${decidedByLabels[l.decidedBy as DecidedBy].toLowerCase()})`).join(" → ")}.
      </p>
      <div className="toolbar">
        <div>
          <label htmlFor={`decided-${model.id}`}>Beslutad av</label>
          <select
            id={`decided-${model.id}`}
            value={filter}
            onChange={(e) => setFilter(e.target.value as DecidedBy | "")}
          >
            <option value="">Alla</option>
            <option value="kf">{decidedByLabels.kf}</option>
            <option value="namnd">{decidedByLabels.namnd}</option>
          </select>
        </div>
      </div>
      {roots.length === 0 ? (
        <p>{filter ? "Inga mål eller uppdrag med det valet." : "Inga mål är registrerade för året."}</p>
      ) : (
        <ul className="styrning-tree" aria-label={`Målträd ${model.name}`}>
          {roots.map((node) => (
            <GoalNode key={node.goal.id} node={node} tree={tree} filter={filter} />
          ))}
        </ul>
      )}
      {model.writable && <NewGoalForm tree={tree} />}
      {can("admin", model.orgNodeId) && (
        <p>
          <button
            type="button"
            onClick={() => copy.mutate({ params: { id: model.id }, body: { year: model.year + 1 } })}
            disabled={copy.isPending}
          >
            Kopiera målmodellen till {model.year + 1}
          </button>
          <ErrorMessage error={copy.error} />
        </p>
      )}
      {tree.directives.length > 0 && (
        <>
          <h3>Direktiv {model.year}</h3>
          <ul>
            {tree.directives.map((d) => (
              <li key={d.id}>
                <span className="badge">{directiveIssuerLabels[d.issuedBy]}</span> {d.title}{" "}
                <span className="muted">
                  ({d.validFrom}
                  {d.validTo !== d.validFrom ? `–${d.validTo}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Goal trees of the nämnd(er) around the chosen organisation, for a year. */
export function GoalTreePage() {
  const { orgNode, namnd, can } = useSession();
  const models = useModels();
  const [year, setYear] = useYear();
  const years = [...new Set((models.data ?? []).map((m) => m.year))].sort((a, b) => b - a);
  const shown = (models.data ?? []).filter((m) => m.year === year);
  return (
    <Page title="Mål och uppföljning">
      <ErrorMessage error={models.error} />
      {namnd && can("admin", namnd.id) && <NewModelForm />}
      {models.isLoading ? (
        <Loading />
      ) : years.length === 0 ? (
        <p>
          Det finns ingen målmodell för {orgNode?.name}. En administratör lägger upp nivåer och mål per nämnd och år.
        </p>
      ) : (
        <>
          <div className="toolbar">
            <div>
              <label htmlFor="tree-year">År</label>
              <select id="tree-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {shown.map((m) => (
            <ModelTreeView key={m.id} model={m} />
          ))}
        </>
      )}
    </Page>
  );
}
