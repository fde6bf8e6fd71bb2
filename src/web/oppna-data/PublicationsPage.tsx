// A nämnd's open data, for the people who decide what is public: what is published (with who and when, and
// the public address), publishing a dataset for a period, and withdrawing one. Reading needs `read` on the
// nämnd; publishing and withdrawing `write:namnd`, as the server checks.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import * as api from "../../oppna-data/api.ts";
import { type Dataset, datasetLabels, datasets, periodHints } from "../../oppna-data/vocabulary.ts";
import { formatCount, formatDateTime } from "../../platform/i18n/format.ts";
import { call, invalidate, isForbidden, useApi } from "../api.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, ForbiddenPage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";

export function PublicationsPage() {
  const { tree, can, namnd } = useSession();
  const namnder = tree.filter((n) => n.kind === "namnd" && can("read", n.id));
  const [chosen, setChosen] = useState("");
  const orgNodeId = chosen || (namnder.find((n) => n.id === namnd?.id) ?? namnder[0])?.id;
  const list = useApi(api.publications, orgNodeId ? { query: { orgNodeId } } : null);
  if (isForbidden(list.error) || namnder.length === 0)
    return <ForbiddenPage title="Öppna data" what="någon nämnds öppna data" />;
  const mayPublish = !!orgNodeId && can("write:namnd", orgNodeId);
  return (
    <Page title="Öppna data">
      <p>
        Det nämnden publicerar syns utan inloggning under <Link to="/offentligt">Offentligt</Link>: tabeller utan
        personuppgifter, antal 1–2 undertryckta. Innehållet läses när det publiceras och ändras inte förrän det
        publiceras igen.
      </p>
      {namnder.length > 1 ? (
        <div className="form-grid">
          <SelectField id="od-namnd" label="Nämnd" value={orgNodeId ?? ""} onChange={setChosen}>
            {namnder.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <ErrorMessage error={list.error} />
      {list.isLoading ? <Loading /> : null}
      {list.data ? <Publications publications={list.data.publications} mayWithdraw={mayPublish} /> : null}
      {mayPublish && orgNodeId ? <PublishForm orgNodeId={orgNodeId} /> : null}
    </Page>
  );
}

type Publication = { id: string; title: string; period: string; publishedAt: string; publisherName: string };

function Publications({ publications, mayWithdraw }: { publications: Publication[]; mayWithdraw: boolean }) {
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (id: string) => call(api.withdraw, { params: { id } }),
    onSuccess: () => invalidate(queryClient, api.publications),
  });
  if (publications.length === 0) return <p>Nämnden har inte publicerat några öppna data.</p>;
  return (
    <section aria-labelledby="od-published">
      <h2 id="od-published">Publicerat</h2>
      <ErrorMessage error={withdraw.error} />
      <ScrollFrame label="Publicerade datamängder">
        <table className="data">
          <caption>{formatCount(publications.length, "publicerad datamängd", "publicerade datamängder")}</caption>
          <ColumnHeads columns={["Datamängd", "Period", "Publicerad", "Av", ...(mayWithdraw ? ["Åtgärd"] : [])]} />
          <tbody>
            {publications.map((p) => (
              <tr key={p.id}>
                <td className="title">
                  <Link to={`/offentligt/data/${p.id}`}>{p.title}</Link>
                </td>
                <td>{p.period}</td>
                <td className="date">{formatDateTime(p.publishedAt)}</td>
                <td>{p.publisherName}</td>
                {mayWithdraw ? (
                  <td>
                    <button
                      type="button"
                      disabled={withdraw.isPending}
                      onClick={() => {
                        if (window.confirm(`Avpublicera ${p.title}? Den försvinner från de öppna adresserna.`))
                          withdraw.mutate(p.id);
                      }}
                    >
                      Avpublicera<span className="visually-hidden"> {p.title}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </section>
  );
}

function PublishForm({ orgNodeId }: { orgNodeId: string }) {
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<Dataset>("maluppfoljning");
  const [period, setPeriod] = useState("");
  const publish = useMutation({
    mutationFn: () => call(api.publish, { body: { orgNodeId, dataset, period } }),
    onSuccess: () => invalidate(queryClient, api.publications),
  });
  return (
    <MutationForm mutation={publish} className="card" aria-label="Publicera öppna data">
      <h2>Publicera</h2>
      <p>Publiceras samma datamängd och period igen ersätts innehållet med dagens uppgifter.</p>
      <div className="form-grid">
        <SelectField id="od-dataset" label="Datamängd" value={dataset} onChange={(v) => setDataset(v as Dataset)}>
          {datasets.map((d) => (
            <option key={d} value={d}>
              {datasetLabels[d]}
            </option>
          ))}
        </SelectField>
        <TextField
          id="od-period"
          label={`Period (${periodHints[dataset]})`}
          value={period}
          onChange={setPeriod}
          required
        />
      </div>
      <button type="submit" disabled={publish.isPending}>
        Publicera
      </button>
      {publish.data ? (
        <p role="status">
          Publicerad: <Link to={`/offentligt/data/${publish.data.id}`}>{publish.data.title}</Link>
        </p>
      ) : null}
    </MutationForm>
  );
}
