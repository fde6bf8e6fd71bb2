import { type ChangeEvent, useState } from "react";
import { Link } from "react-router-dom";
import { formatCount, formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page, Progress } from "../ui/Page.tsx";
import { useFetchKolada, useImportKoladaFile } from "./mutations.ts";
import { koladaExportHref, useKolada } from "./queries.ts";
import type { KoladaImportResult } from "./types.ts";

const describe = (r: KoladaImportResult) =>
  `Klart: ${formatCount(r.koladaValues.received, "värde", "värden")} från Kolada (${formatNumber(r.koladaValues.changed)} nya eller ändrade), ${formatCount(r.indicatorValues.changed, "indikatorvärde ändrat", "indikatorvärden ändrade")}, ${formatCount(r.indicatorValues.corrections, "rättelse", "rättelser")}, ${formatCount(r.kpis, "KPI", "KPI:er")}, ${formatCount(r.groups, "kommungrupp", "kommungrupper")}.`;

/** Kolada: which KPI feeds which indicator, imports from saved files or the API, export in Kolada's shape. */
export function KoladaPage() {
  const { orgNode, can } = useSession();
  const [years, setYears] = useState(() => {
    const y = new Date().getFullYear();
    return [y - 4, y - 3, y - 2, y - 1].join(",");
  });
  const [groupId, setGroupId] = useState("");
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const overview = useKolada(orgNode?.id);
  const done = { onSuccess: (r: KoladaImportResult) => setNotice(describe(r)) };
  const importFile = useImportKoladaFile();
  const fetchApi = useFetchKolada();
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file && orgNode)
      importFile.mutate({ query: { orgNodeId: orgNode.id, reason: reason || undefined }, file }, done);
    e.target.value = "";
  };
  const fetchFromKolada = () => {
    if (!orgNode) return;
    fetchApi.mutate(
      {
        body: {
          orgNodeId: orgNode.id,
          years: years
            .split(",")
            .map((y) => Number(y.trim()))
            .filter(Boolean),
          groupId: groupId || null,
          reason: reason || undefined,
        },
      },
      done,
    );
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
              <input
                id="kolada-file"
                type="file"
                accept=".json,application/json"
                onChange={onFile}
                disabled={importFile.isPending}
              />
            </div>
            <TextField id="kolada-reason" label="Orsak om låsta perioder ändras" value={reason} onChange={setReason} />
          </div>
          <form
            className="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              fetchFromKolada();
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
          {importFile.isPending && <Progress label="Importerar Kolada-filen" />}
          {fetchApi.isPending && <Progress label="Hämtar och importerar från Kolada" />}
        </section>
      )}
      {orgNode && (
        <p>
          Exportera värden i Koladas format:{" "}
          <a className="styrning-button" href={koladaExportHref(orgNode.id, "v3")}>
            v3
          </a>{" "}
          <a className="styrning-button" href={koladaExportHref(orgNode.id, "v2")}>
            v2
          </a>
        </p>
      )}
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
