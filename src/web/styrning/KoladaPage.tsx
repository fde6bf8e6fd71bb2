import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useState } from "react";
import { Link } from "react-router-dom";
import { formatDate } from "../../platform/i18n/format.ts";
import { api, query } from "../api.ts";
import { useSession } from "../session.tsx";
import { TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import type { KoladaImportResult, KoladaOverview } from "./types.ts";

const describe = (r: KoladaImportResult) =>
  `Klart: ${r.koladaValues.received} värden från Kolada (${r.koladaValues.changed} nya eller ändrade), ${r.indicatorValues.changed} indikatorvärden ändrade, ${r.indicatorValues.corrections} rättelser, ${r.kpis} KPI:er, ${r.groups} kommungrupper.`;

/** Kolada: which KPI feeds which indicator, imports from saved files or the API, export in Kolada's shape. */
export function KoladaPage() {
  const { orgNode, can } = useSession();
  const queryClient = useQueryClient();
  const [years, setYears] = useState(() => {
    const y = new Date().getFullYear();
    return [y - 4, y - 3, y - 2, y - 1].join(",");
  });
  const [groupId, setGroupId] = useState("");
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const overview = useQuery({
    queryKey: ["styrning-kolada", orgNode?.id],
    queryFn: () => api.get<KoladaOverview>(`/api/styrning/kolada${query({ orgNodeId: orgNode?.id })}`),
    enabled: Boolean(orgNode),
  });
  const done = (r: KoladaImportResult) => {
    setNotice(describe(r));
    queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith("styrning") });
  };
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        throw new Error("Filen är inte giltig JSON.");
      }
      return api.post<KoladaImportResult>(
        `/api/styrning/kolada/import${query({ orgNodeId: orgNode?.id, reason: reason || undefined })}`,
        body,
      );
    },
    onSuccess: done,
  });
  const fetchApi = useMutation({
    mutationFn: () =>
      api.post<KoladaImportResult>("/api/styrning/kolada/fetch", {
        orgNodeId: orgNode?.id,
        years: years
          .split(",")
          .map((y) => Number(y.trim()))
          .filter(Boolean),
        groupId: groupId || null,
        reason: reason || undefined,
      }),
    onSuccess: done,
  });
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) importFile.mutate(file);
    e.target.value = "";
  };
  const writable = can("write:styrning");
  const data = overview.data;
  return (
    <Page title="Kolada">
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={overview.error ?? importFile.error ?? fetchApi.error} />
      {writable && (
        <section className="card" aria-labelledby="kolada-import">
          <h2 id="kolada-import">Hämta och importera</h2>
          <div className="toolbar">
            <div>
              <label htmlFor="kolada-file">Sparad Kolada-fil (JSON, v2 eller v3)</label>
              <input id="kolada-file" type="file" accept=".json,application/json" onChange={onFile} />
            </div>
            <TextField id="kolada-reason" label="Orsak om låsta perioder ändras" value={reason} onChange={setReason} />
          </div>
          <form
            className="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              fetchApi.mutate();
            }}
          >
            <TextField id="kolada-years" label="År (kommaseparerade)" value={years} onChange={setYears} />
            <TextField
              id="kolada-group"
              label="Kommungrupp (valfri)"
              value={groupId}
              onChange={setGroupId}
              placeholder="t.ex. G34286"
            />
            <button type="submit" className="primary" disabled={fetchApi.isPending}>
              Hämta från Kolada
            </button>
          </form>
        </section>
      )}
      <p>
        Exportera värden i Koladas format:{" "}
        <a
          className="styrning-button"
          href={`/api/styrning/kolada/export${query({ orgNodeId: orgNode?.id, version: "v3" })}`}
        >
          v3
        </a>{" "}
        <a
          className="styrning-button"
          href={`/api/styrning/kolada/export${query({ orgNodeId: orgNode?.id, version: "v2" })}`}
        >
          v2
        </a>
      </p>
      {!data ? (
        <Loading />
      ) : (
        <>
          <table className="data">
            <caption>Kopplingar: ett KPI kan mata flera indikatorer</caption>
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Indikator</th>
                <th scope="col">Organisation</th>
                <th scope="col">Kommun</th>
              </tr>
            </thead>
            <tbody>
              {data.mappings.length === 0 && (
                <tr>
                  <td colSpan={4}>Inga indikatorer är kopplade. Koppla ett KPI på indikatorns sida.</td>
                </tr>
              )}
              {data.mappings.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.kpiId}</th>
                  <td>
                    <Link to={`/styrning/indikatorer/${m.indicatorId}`}>{m.indicatorName}</Link>
                  </td>
                  <td>{m.orgNodeName}</td>
                  <td>{m.municipalityId}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data">
            <caption>KPI:er som hämtats</caption>
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Titel</th>
                <th scope="col">Publiceras</th>
              </tr>
            </thead>
            <tbody>
              {data.kpis.map((k) => (
                <tr key={k.kpiId}>
                  <th scope="row">{k.kpiId}</th>
                  <td>{k.title}</td>
                  <td>{formatDate(k.publicationDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data">
            <caption>Kommungrupper (liknande kommuner)</caption>
            <thead>
              <tr>
                <th scope="col">Grupp</th>
                <th scope="col">Titel</th>
                <th scope="col">Kommuner</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr key={g.groupId}>
                  <th scope="row">{g.groupId}</th>
                  <td>{g.title}</td>
                  <td>{g.members.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
