import { type FormEvent, useState } from "react";
import {
  type EventKind,
  eventKindLabels,
  eventStatusLabels,
  optionalImportColumns,
  requiredImportColumns,
} from "../../kvalitet/vocabulary.ts";
import { formatCount, formatDate } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { ErrorMessage, Page } from "../ui/Page.tsx";
import { useImportEvents, usePreviewEventImport } from "./mutations.ts";

const kindLabel = (kind: string) => eventKindLabels[kind as EventKind] ?? kind;

/**
 * Imports a CSV of händelser in two steps: a preview that checks every row and writes nothing, then the
 * import itself, offered only when no row was rejected (the server writes all rows or none).
 */
export function ImportPage() {
  const { orgNode, can } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewEventImport();
  const run = useImportEvents();

  if (!can("write:kvalitet")) {
    return (
      <Page title="Importera händelser">
        <p className="notice">Du saknar behörighet att registrera händelser för {orgNode?.name}.</p>
      </Page>
    );
  }
  const check = (event: FormEvent) => {
    event.preventDefault();
    run.reset();
    if (file && orgNode) preview.mutate({ orgNodeId: orgNode.id, file });
  };
  const p = preview.data;
  return (
    <Page title="Importera händelser">
      <div className="card">
        <p>
          En CSV-fil (komma eller semikolon, UTF-8) med rubrikraden <code>{requiredImportColumns.join(",")}</code>{" "}
          (valfritt även <code>{optionalImportColumns.join(", ")}</code>). Datum skrivs ÅÅÅÅ-MM-DD; typer och orsaker
          med kod eller namn, flera åtskilda med |. Enheten anges med namn eller kod under {orgNode?.name}.
        </p>
        <p>
          Förhandsgranska först: alla rader kontrolleras och ingenting sparas. Har en enda rad fel kan filen inte
          importeras.
        </p>
      </div>
      <form className="toolbar" onSubmit={check} aria-label="Förhandsgranska CSV-fil">
        <div>
          <label htmlFor="kv-import-file">CSV-fil</label>
          <input
            id="kv-import-file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              preview.reset();
              run.reset();
            }}
          />
        </div>
        <button type="submit" disabled={!file || preview.isPending}>
          Förhandsgranska
        </button>
      </form>
      <ErrorMessage error={preview.error} />
      {p && !run.data ? (
        <section aria-labelledby="kv-import-preview">
          <h2 id="kv-import-preview">Förhandsgranskning</h2>
          <p role="status">
            {formatCount(p.rows, "rad godkänd", "rader godkända")},{" "}
            {formatCount(p.rejected, "rad avvisad", "rader avvisade")} (
            {formatCount(p.avvikelser, "avvikelse", "avvikelser")},{" "}
            {formatCount(p.arbetsmiljo, "arbetsmiljöhändelse", "arbetsmiljöhändelser")}
            {p.masked > 0 ? `; personnummer maskeras i ${formatCount(p.masked, "händelse", "händelser")}` : ""}). Inget
            är sparat.
          </p>
          <table className="data">
            <caption>
              {p.rejected > 0 ? "Avvisade rader och de första godkända" : "De första raderna"} (radnummer i filen)
            </caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                <th scope="col">Enhet</th>
                <th scope="col">Slag</th>
                <th scope="col">Inträffade</th>
                <th scope="col">Blir</th>
                <th scope="col">Fel</th>
              </tr>
            </thead>
            <tbody>
              {p.lines.map((l) => (
                <tr key={l.row}>
                  <th scope="row">{l.row}</th>
                  <td>{l.unit}</td>
                  <td>{kindLabel(l.kind)}</td>
                  <td>{/^\d{4}-\d{2}-\d{2}$/.test(l.occurredOn) ? formatDate(l.occurredOn) : l.occurredOn}</td>
                  <td>{l.status ? eventStatusLabels[l.status] : "Avvisas"}</td>
                  <td>
                    {l.problems.length > 0 ? (
                      <ul>
                        {l.problems.map((problem) => (
                          <li key={`${problem.field}-${problem.message}`}>
                            {problem.field}: {problem.message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.rejected === 0 ? (
            <button
              type="button"
              className="primary"
              disabled={run.isPending}
              onClick={() => file && orgNode && run.mutate({ orgNodeId: orgNode.id, file })}
            >
              Importera {formatCount(p.rows, "händelse", "händelser")}
            </button>
          ) : (
            <p className="notice">
              Rätta raderna ovan i filen och förhandsgranska igen; inget kan importeras förrän alla rader är godkända.
            </p>
          )}
          <ErrorMessage error={run.error} />
        </section>
      ) : null}
      {run.data ? (
        <p className="notice" role="status">
          Importen är klar: {formatCount(run.data.rows, "händelse", "händelser")} sparade –{" "}
          {formatCount(run.data.avvikelser, "avvikelse", "avvikelser")},{" "}
          {formatCount(run.data.arbetsmiljo, "arbetsmiljöhändelse", "arbetsmiljöhändelser")}.
        </p>
      ) : null}
    </Page>
  );
}
