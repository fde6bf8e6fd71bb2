import { caseStatusLabels } from "../../namnd/vocabulary.ts";
import { formatCount, formatNumber } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { useCreateStanding } from "./mutations.ts";
import { useLists } from "./queries.ts";

/**
 * The standing yearly cases (period reports, placement agreements per unit …): which series the nämnd keeps,
 * the newest year of each, and for the nämndsekreterare the button that opens this year's.
 */
export function StandingPage() {
  const { orgNode, can } = useSession();
  const lists = useLists();
  const create = useCreateStanding();
  const year = new Date().getFullYear();
  const missing = lists.data?.standing.filter((s) => s.latestYear < year).length ?? 0;
  return (
    <Page title="Stående ärenden">
      <ErrorMessage error={lists.error} />
      {lists.isLoading ? <Loading /> : null}
      {lists.data ? (
        <ScrollFrame label="Stående ärenden, rullbar i sidled">
          <table className="data namnd-table">
            <caption>{formatNumber(lists.data.standing.length)} serier</caption>
            <ColumnHeads columns={["Serie", "Ärendetyp", { label: "Senaste år", num: true }]} />
            <tbody>
              {lists.data.standing.map((s) => (
                <tr key={s.series}>
                  <td>{s.series}</td>
                  <td>{lists.data.types.find((t) => t.code === s.type)?.name ?? s.type}</td>
                  <td className="num">{s.latestYear}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      ) : null}
      {can("write:namnd") ? (
        <div className="card">
          <p>
            {missing > 0
              ? `${formatNumber(missing)} serier saknar ärende för ${year}.`
              : `Alla serier har ärende för ${year}.`}
          </p>
          <button
            type="button"
            className="primary"
            disabled={create.isPending || missing === 0}
            onClick={() => orgNode && create.mutate({ body: { orgNodeId: orgNode.id, year } })}
          >
            Skapa årets stående ärenden
          </button>
          <ErrorMessage error={create.error} />
          {create.data ? (
            <div role="status">
              <p>Skapade {formatCount(create.data.created.length, "ärende", "ärenden")}:</p>
              <ul>
                {create.data.created.map((c) => (
                  <li key={c.id}>
                    {c.diarienummer} {c.title} ({caseStatusLabels[c.status]})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
