import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import {
  importKindLabels,
  importKinds,
  type LedgerField,
  ledgerFieldLabels,
  ledgerFields,
} from "../../ekonomi/import/ledger.ts";
import { formatCount, formatDateTime, formatNumber } from "../../platform/i18n/format.ts";
import { ApiError } from "../api.ts";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, Progress } from "../ui/Page.tsx";
import { type ImportEncoding, usePreviewImport, useRunImport } from "./mutations.ts";
import { useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useYearOverview } from "./queries.ts";
import type { Namnder } from "./types.ts";

type Kind = (typeof importKinds)[number];
type Problem = { row: number; field: string; message: string };

export function ImportPage() {
  return <WithNamnd>{(namnd) => <ImportView namnd={namnd} />}</WithNamnd>;
}

const steps = ["Välj fil", "Koppla kolumner", "Importera"];

function Steps({ current }: { current: number }) {
  return (
    <ol className="ekonomi-steps" aria-label="Importens steg">
      {steps.map((s, i) => (
        <li
          key={s}
          aria-current={i === current ? "step" : undefined}
          className={i < current ? "done" : i === current ? "current" : ""}
        >
          {s}
        </li>
      ))}
    </ol>
  );
}

function ImportView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const overview = useYearOverview(namnd.id, year);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<Kind>("utfall");
  const [forecastId, setForecastId] = useState("");
  const [encoding, setEncoding] = useState<ImportEncoding>("auto");
  const [mapping, setMapping] = useState<Partial<Record<LedgerField, string>>>({});
  const [sign, setSign] = useState<"ledger" | "report">("ledger");
  const [skipUnmatched, setSkipUnmatched] = useState(false);
  const [dims, setDims] = useState<{ ansvarDim: string; verksamhetDim: string }>({ ansvarDim: "", verksamhetDim: "" });

  // How much of the file the request under way has sent (it travels with the preview and again with the import).
  const [sent, setSent] = useState(0);
  const preview = usePreviewImport(setSent);
  const run = useRunImport(setSent);

  if (!namnd.canWrite) return <p className="notice">Import kräver skrivbehörighet för nämndens ekonomi.</p>;
  const p = preview.data?.preview;
  const step = run.isSuccess ? 2 : p ? 1 : 0;
  const forecasts = overview.data?.forecasts ?? [];
  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setSent(0);
    preview.mutate(
      { file, encoding },
      {
        onSuccess: ({ preview: found }) => {
          if ("suggestedMapping" in found) setMapping(found.suggestedMapping);
          if ("sie" in found && found.sie)
            setDims({
              ansvarDim: found.sie.suggested.ansvarDim ?? "",
              verksamhetDim: found.sie.suggested.verksamhetDim ?? "",
            });
          run.reset();
        },
      },
    );
  };
  const onImport = (e: FormEvent) => {
    e.preventDefault();
    // The import form shows only with a preview, which a new file clears.
    if (!file || !preview.data) return;
    const { preview: shown, contentBase64 } = preview.data;
    const tabular = shown.format !== "sie4";
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v));
    setSent(0);
    run.mutate({
      params: { namndId: namnd.id, year },
      body: {
        fileName: file.name,
        contentBase64,
        encoding,
        kind,
        forecastId: kind === "prognos" ? forecastId : undefined,
        unmatched: skipUnmatched ? "skip" : "error",
        ...(tabular
          ? {
              sign,
              // The amount column is required by the form.
              mapping: { ...chosen, amount: mapping.amount ?? "" },
              sheet: "sheet" in shown ? (shown.sheet ?? undefined) : undefined,
            }
          : { sie: { ansvarDim: dims.ansvarDim || null, verksamhetDim: dims.verksamhetDim || null } }),
      },
    });
  };
  const problems =
    run.error instanceof ApiError
      ? ((run.error.problem.details as { problems?: Problem[]; problemCount?: number } | undefined) ?? {})
      : {};

  return (
    <Page title="Importera från ekonomisystemet">
      <Steps current={step} />
      <form className="card ekonomi-form" onSubmit={onPreview}>
        <h2>1. Välj fil</h2>
        <p className="muted">
          CSV eller XLSX med en rubrikrad (du kopplar kolumnerna i nästa steg), eller SIE 4 (#VER/#TRANS, #PSALDO, #RES,
          #PBUDGET). Hela filen importeras eller ingenting; samma fil två gånger ändrar ingenting.
        </p>
        <div className="ekonomi-file">
          <label htmlFor="import-fil">Fil (CSV, XLSX eller SIE 4)</label>
          <input
            id="import-fil"
            type="file"
            accept=".csv,.txt,.xlsx,.se,.si,.sie"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              preview.reset();
              run.reset();
            }}
          />
        </div>
        <div className="form-grid">
          <YearSelect years={namnd.years} year={year} onChange={setYear} id="import-ar" ahead={1} />
          <div>
            <label htmlFor="import-slag">Innehåll</label>
            <select id="import-slag" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {importKinds.map((k) => (
                <option key={k} value={k}>
                  {importKindLabels[k]}
                </option>
              ))}
            </select>
          </div>
          {kind === "prognos" && (
            <div>
              <label htmlFor="import-prognos">Prognos</label>
              <select id="import-prognos" value={forecastId} onChange={(e) => setForecastId(e.target.value)} required>
                <option value="">Välj prognos</option>
                {forecasts.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="import-kodning">Teckenkodning</label>
            <select
              id="import-kodning"
              value={encoding}
              onChange={(e) => setEncoding(e.target.value as ImportEncoding)}
            >
              <option value="auto">Automatiskt</option>
              <option value="utf-8">UTF-8</option>
              <option value="windows-1252">Windows-1252 (ANSI)</option>
              <option value="cp437">CP437 (SIE PC8)</option>
            </select>
          </div>
        </div>
        <p>
          <button type="submit" className="primary" disabled={!file || preview.isPending}>
            Förhandsgranska
          </button>
        </p>
        {preview.isPending &&
          (sent < 1 ? <Progress label="Skickar filen" share={sent} /> : <Progress label="Läser filen" />)}
        <ErrorMessage error={preview.error} />
      </form>

      {p && (
        <form className="card ekonomi-form" onSubmit={onImport}>
          <h2>2. {p.format === "sie4" ? "Kontrollera SIE-filen" : "Koppla kolumner"}</h2>
          <p>
            {p.fileName}: {p.format.toUpperCase()}
            {p.encoding ? `, ${p.encoding}` : ""}, {formatNumber(p.sizeBytes)} byte.
          </p>
          {"headers" in p && p.headers ? (
            <>
              <div className="form-grid">
                {ledgerFields.map((field) => (
                  <div key={field}>
                    <label htmlFor={`map-${field}`}>
                      {ledgerFieldLabels[field]}
                      {field === "amount" ? " (krävs)" : ""}
                    </label>
                    <select
                      id={`map-${field}`}
                      value={mapping[field] ?? ""}
                      required={field === "amount"}
                      onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value }))}
                    >
                      <option value="">(ingen kolumn)</option>
                      {p.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
              <fieldset>
                <legend>Tecken på beloppen</legend>
                <label className="inline">
                  <input type="radio" name="sign" checked={sign === "ledger"} onChange={() => setSign("ledger")} /> Som
                  i huvudboken (kostnader positiva, intäkter negativa)
                </label>
                <label className="inline">
                  <input type="radio" name="sign" checked={sign === "report"} onChange={() => setSign("report")} /> Som
                  i rapporterna (intäkter positiva, kostnader och budget negativa)
                </label>
              </fieldset>
              <table className="data">
                <caption>
                  Förhandsgranskning: de första {p.sampleRows.length} av {formatCount(p.rowCount, "rad", "rader")}
                </caption>
                <ColumnHeads columns={["Rad", ...p.headers]} />
                <tbody>
                  {p.sampleRows.map((r) => (
                    <tr key={r.line}>
                      <th scope="row">{r.line}</th>
                      {p.headers.map((h, i) => (
                        <td key={h}>{r.cells[i]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {"sie" in p && p.sie ? (
            <>
              {p.problemCount > 0 && <ProblemTable problems={p.problems} total={p.problemCount} />}
              <dl className="ekonomi-facts">
                <dt>Program</dt>
                <dd>{p.sie.program ?? "–"}</dd>
                <dt>Företag</dt>
                <dd>{p.sie.company ?? "–"}</dd>
                <dt>Räkenskapsår</dt>
                <dd>{p.sie.fiscalYears.map((y) => `${y.index}: ${y.start}–${y.end}`).join("; ") || "–"}</dd>
                <dt>Innehåll</dt>
                <dd>
                  {p.sie.counts.vouchers} verifikationer ({p.sie.counts.transactions} transaktioner),{" "}
                  {p.sie.counts.psaldo} periodsaldon, {p.sie.counts.pbudget} periodbudgetar, {p.sie.counts.res}{" "}
                  årssaldon, {p.sie.counts.accounts} konton
                </dd>
              </dl>
              <div className="form-grid">
                {(["ansvarDim", "verksamhetDim"] as const).map((key) => (
                  <div key={key}>
                    <label htmlFor={`sie-${key}`}>
                      {key === "ansvarDim" ? "Dimension för ansvar" : "Dimension för verksamhet"}
                    </label>
                    <select
                      id={`sie-${key}`}
                      value={dims[key]}
                      onChange={(e) => setDims((d) => ({ ...d, [key]: e.target.value }))}
                    >
                      <option value="">(ingen)</option>
                      {p.sie?.dimensions.map((d) => (
                        <option key={d.no} value={d.no}>
                          {d.no} {d.name}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </>
          ) : null}
          <label className="inline">
            <input type="checkbox" checked={skipUnmatched} onChange={(e) => setSkipUnmatched(e.target.checked)} /> Hoppa
            över rader som ingen uppföljningsnivå har kodmappning för (annars avbryts importen)
          </label>
          <p>
            <button type="submit" className="primary" disabled={run.isPending || (p.problemCount ?? 0) > 0}>
              Importera till {year}
            </button>
          </p>
          {run.isPending &&
            (sent < 1 ? (
              <Progress label="Skickar filen" share={sent} />
            ) : (
              <Progress
                label={
                  "rowCount" in p
                    ? `Läser, kontrollerar och summerar ${formatCount(p.rowCount, "rad", "rader")}`
                    : "Läser, kontrollerar och summerar filen"
                }
              />
            ))}
          {run.error && !problems.problems && <ErrorMessage error={run.error} />}
          {problems.problems && (
            <>
              <p className="error" role="alert">
                {run.error?.message}
              </p>
              <ProblemTable problems={problems.problems} total={problems.problemCount ?? problems.problems.length} />
            </>
          )}
        </form>
      )}

      {run.data && (
        <section className="card" aria-labelledby="import-result">
          <h2 id="import-result">3. Klart</h2>
          <p role="status" className="ok">
            {run.data.alreadyImported && run.data.figuresChanged === 0
              ? `Filen var redan importerad; inget ändrades (${formatCount(run.data.rowsUsed, "rad", "rader")}).`
              : `Importerat: ${formatCount(run.data.rowsUsed, "rad", "rader")}, ${formatCount(run.data.rowsSkipped, "överhoppad", "överhoppade")}, ${formatCount(run.data.figuresChanged, "belopp ändrat", "belopp ändrade")}.`}
          </p>
          <p>
            <Link to={`/ekonomi?ar=${year}`}>Visa budgetuppföljningen {year}</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="import-history">
        <h2 id="import-history">Tidigare importer {year}</h2>
        {overview.isLoading && <Loading />}
        {overview.data && overview.data.imports.length === 0 && <p className="muted">Inga importer ännu.</p>}
        {overview.data && overview.data.imports.length > 0 && (
          <table className="data">
            <caption>Importer {year}</caption>
            <ColumnHeads columns={["Tid", "Fil", "Innehåll", ...numeric(["Rader", "Ändrade belopp"])]} />
            <tbody>
              {overview.data.imports.map((i) => (
                <tr key={i.id}>
                  <td>{formatDateTime(i.importedAt)}</td>
                  <td>{i.fileName}</td>
                  <td>{importKindLabels[i.kind as Kind] ?? i.kind}</td>
                  <td className="num">{formatNumber(i.rowsUsed)}</td>
                  <td className="num">{formatNumber(i.figuresChanged)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}

function ProblemTable({ problems, total }: { problems: Problem[]; total: number }) {
  return (
    <table className="data ekonomi-problems">
      <caption>
        {formatNumber(total)} fel – inget importerades
        {total > problems.length ? ` (de första ${problems.length} visas)` : ""}
      </caption>
      <ColumnHeads columns={["Rad", "Fält", "Fel"]} />
      <tbody>
        {problems.map((pr) => (
          <tr key={`${pr.row}-${pr.field}-${pr.message}`}>
            <th scope="row">{pr.row}</th>
            <td>{pr.field}</td>
            <td>{pr.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
