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

function GoalNode({ node, tree }: { node: TreeNode<Goal>; tree: ModelTree }) {
  const { goal, level } = node;
  const activityLevel = tree.levels.find((l) => l.kind === "activity")?.name ?? "Aktivitet";
  return (
    <li>
      <div className="styrning-goal">
        <span
          className="badge"
          title={`Beslutas av ${decidedByLabels[tree.levels.find((l) => l.id === level.id)?.decidedBy as DecidedBy]?.toLowerCase()}`}
        >
          {level.name}
        </span>{" "}
        <Link to={`/styrning/mal/${goal.id}`}>
          {goal.code ? `${goal.code} ` : ""}
          {goal.title}
        </Link>
        {goal.indicatorCount > 0 && (
          <span className="muted"> · {formatCount(goal.indicatorCount, "indikator", "indikatorer")}</span>
        )}
        {goal.assessment && <span className="muted"> · Bedömning: {goal.assessment.levelLabel}</span>}
      </div>
      {(node.children.length > 0 || node.activities.length > 0) && (
        <ul>
          {node.children.map((child) => (
            <GoalNode key={child.goal.id} node={child} tree={tree} />
          ))}
          {node.activities.map((a) => (
            <li key={a.id} className="styrning-activity-leaf">
              <span className="badge">{activityLevel}</span> {a.title}{" "}
              <span className="muted">
                ({a.orgNodeName}, {activityStatusLabels[a.status as ActivityStatus].toLowerCase()})
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ModelTreeView({ model }: { model: ModelSummary }) {
  const { can } = useSession();
  const copy = useCopyModel();
  const result = useModelTree(model.id);
  const tree = result.data;
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!tree) return <Loading what="Laddar målträdet" />;
  const roots = buildGoalTree(tree.levels, tree.goals, tree.activities);
  return (
    <section className="card" aria-labelledby={`model-${model.id}`}>
      <h2 id={`model-${model.id}`}>{model.name}</h2>
      <p className="muted">
        {model.orgNodeName}. Nivåer:{" "}
        {tree.levels.map((l) => `${l.name} (${decidedByLabels[l.decidedBy as DecidedBy].toLowerCase()})`).join(" → ")}.
      </p>
      {roots.length === 0 ? (
        <p>Inga mål är registrerade för året.</p>
      ) : (
        <ul className="styrning-tree" aria-label={`Målträd ${model.name}`}>
          {roots.map((node) => (
            <GoalNode key={node.goal.id} node={node} tree={tree} />
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
