import { Link, useParams } from "react-router-dom";
import * as api from "../../../namnd/assignments/api.ts";
import { actionStatusLabels, assessmentLabels } from "../../../namnd/assignments/vocabulary.ts";
import { hrefOf } from "../../api.ts";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useAudit, useAuditReply } from "./queries.ts";

/**
 * A revisionsgranskning: the questions with each body's assessment, the recommendations with the nämnd's
 * actions, and the answer as the cover letter asks for it (what, when, who — "saknas" where not known).
 */
export function AuditPage() {
  const { id } = useParams();
  const audit = useAudit(id);
  const reply = useAuditReply(id);
  const a = audit.data;
  return (
    <Page title={a ? a.title : "Revisionsgranskning"}>
      <p>
        <Link to="/namnd/uppfoljning">Tillbaka till uppdrag och uppföljning</Link>
      </p>
      <ErrorMessage error={audit.error} />
      {audit.isLoading ? <Loading /> : null}
      {a ? (
        <>
          <dl className="namnd-facts">
            <dt>Revisor</dt>
            <dd>{a.auditor}</dd>
            <dt>Rapport</dt>
            <dd>{a.reportDate}</dd>
            <dt>Registrerad</dt>
            <dd>
              {a.registeredOn}
              {a.diarienummer ? `, ${a.diarienummer}` : ""}
            </dd>
            <dt>Svar senast</dt>
            <dd>
              {a.replyDeadline}
              {a.overdue ? <strong> – svar saknas efter sista dag</strong> : null}
            </dd>
            <dt>Besvarad</dt>
            <dd>{a.repliedOn ?? "–"}</dd>
          </dl>
          <h2>Revisionsfrågor</h2>
          <ol>
            {a.questions.map((q) => (
              <li key={q.text}>
                {q.text}
                <ul>
                  {q.assessments.map((x) => (
                    <li key={x.body}>
                      {x.body}: <strong>{assessmentLabels[x.assessment]}</strong>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <h2>Rekommendationer</h2>
          <ol>
            {a.recommendations.map((r) => (
              <li key={`${r.recipient}-${r.text}`}>
                <strong>{r.recipient}:</strong> {r.text}
                {r.actions.length > 0 ? (
                  <ul>
                    {r.actions.map((x) => (
                      <li key={x.text}>
                        {x.text} ({x.responsible ?? "ansvarig saknas"}, {actionStatusLabels[x.status]})
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <ErrorMessage error={reply.error} />
      {reply.data && id ? (
        <section className="card" aria-labelledby="au-reply">
          <h2 id="au-reply">{reply.data.title}</h2>
          <p>{reply.data.proposal}</p>
          {reply.data.recommendations.map((r) => (
            <div key={r.text}>
              <h3>{r.text}</h3>
              <table className="data namnd-table">
                <thead>
                  <tr>
                    <th scope="col">Vilka åtgärder</th>
                    <th scope="col">När</th>
                    <th scope="col">Vem</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {r.actions.map((x) => (
                    <tr key={x.what}>
                      <td>{x.what}</td>
                      <td>{x.when}</td>
                      <td>{x.who}</td>
                      <td>{x.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          <p>
            <a href={hrefOf(api.auditReplyFile, { params: { id }, query: { format: "docx" } })}>
              Hämta svaret som Word
            </a>
          </p>
        </section>
      ) : null}
    </Page>
  );
}
