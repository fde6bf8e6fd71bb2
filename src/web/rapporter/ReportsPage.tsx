// The reports under the chosen unit and the kommun's templates; the approver creates a report for a nämnd
// and period (a year, quarter, tertial or date range, or none: the template's default) from a template.
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { periodHint, periodOf } from "../../rapporter/period.ts";
import { reportStatusLabels } from "../../rapporter/workflow.ts";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { useCreateInstance } from "./mutations.ts";
import { useInstances, useNamnder, useTemplates } from "./queries.ts";

export function ReportsPage() {
  const { can } = useSession();
  const instances = useInstances();
  const templates = useTemplates();
  return (
    <Page title="Rapporter">
      <p>
        Nämndens dokument genereras ur samma data som tabellerna visar. Skribenterna skriver sina kapitel, kontrollerna
        hittar fel före publiceringen och en publicerad rapport fryses med kontrollsumma.
      </p>
      {can("write:ekonomi") ? <CreateForm /> : null}
      <h2>Rapporter</h2>
      <ErrorMessage error={instances.error} />
      {instances.isLoading ? <Loading /> : null}
      {instances.data && instances.data.length === 0 ? <p>Inga rapporter är skapade än.</p> : null}
      {instances.data?.length ? (
        <ScrollFrame label="Rapporter">
          <table>
            <thead>
              <tr>
                <th scope="col">Rapport</th>
                <th scope="col">Nämnd</th>
                <th scope="col">År</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {instances.data.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/rapporter/${r.id}`}>
                      {r.template.name} {periodOf(r.period).label}
                    </Link>
                  </td>
                  <td>{r.namnd.name}</td>
                  <td>{periodOf(r.period).label}</td>
                  <td>{reportStatusLabels[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      ) : null}
      <h2>Mallar</h2>
      <ErrorMessage error={templates.error} />
      <ul className="rapport-templates">
        {templates.data?.map((t) => (
          <li key={t.code}>
            <strong>{t.name}</strong> (version {t.version}){t.description ? `: ${t.description}` : ""}
          </li>
        ))}
      </ul>
    </Page>
  );
}

function CreateForm() {
  const templates = useTemplates();
  const namnder = useNamnder();
  const create = useCreateInstance();
  const navigate = useNavigate();
  const [mall, setMall] = useState("");
  const [namndId, setNamndId] = useState("");
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const chosenMall = mall || templates.data?.[0]?.code || "";
  const chosenNamnd = namndId || namnder.data?.[0]?.id || "";
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Ny rapport</h2>
      <MutationForm
        className="toolbar"
        aria-labelledby="create-heading"
        mutation={{
          mutate: () =>
            create.mutate(
              { mall: chosenMall, namndId: chosenNamnd, ...(period.trim() ? { period } : {}) },
              { onSuccess: (r) => navigate(`/rapporter/${r.id}`) },
            ),
          error: create.error,
        }}
      >
        <SelectField id="rapport-mall" label="Mall" value={chosenMall} onChange={setMall}>
          {templates.data?.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="rapport-namnd" label="Nämnd" value={chosenNamnd} onChange={setNamndId}>
          {namnder.data?.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="rapport-period"
          label="Period"
          aria-describedby="rapport-period-hint"
          value={period}
          onChange={setPeriod}
        />
        <p id="rapport-period-hint" className="hint">
          {periodHint} Lämnad tom blir lex Sarah-informationens period tiden sedan nämndens förra sammanträde.
        </p>
        <button type="submit" disabled={create.isPending || !chosenMall || !chosenNamnd}>
          Skapa rapport
        </button>
      </MutationForm>
    </section>
  );
}
