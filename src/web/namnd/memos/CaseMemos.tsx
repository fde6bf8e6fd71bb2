// The case page's section of tjänsteskrivelser: every version, and a link to write a new one.
import { Link } from "react-router-dom";
import { memoStatusLabels } from "../../../namnd/memos/vocabulary.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { ErrorMessage, Loading } from "../../ui/Page.tsx";
import { useCaseMemos } from "./queries.ts";

export function CaseMemos({ caseId }: { caseId: string }) {
  const result = useCaseMemos(caseId);
  const list = result.data;
  return (
    <section className="card" aria-labelledby="case-memos">
      <h2 id="case-memos">Tjänsteskrivelser</h2>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {list && list.memos.length === 0 ? <p>Inga tjänsteskrivelser i ärendet.</p> : null}
      {list && list.memos.length > 0 ? (
        <ul>
          {list.memos.map((m) => (
            <li key={m.id}>
              <Link to={`/namnd/tjansteskrivelser/${m.id}`}>{m.title}</Link>{" "}
              {`(${formatDate(m.memoDate)}, version ${m.version}, ${memoStatusLabels[m.status].toLowerCase()}${
                m.supersededById ? ", ersatt av nyare version" : ""
              })`}
            </li>
          ))}
        </ul>
      ) : null}
      {list?.canWrite ? <Link to={`/namnd/arenden/${caseId}/tjansteskrivelser/ny`}>Skriv tjänsteskrivelse</Link> : null}
    </section>
  );
}
