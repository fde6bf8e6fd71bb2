import { useState } from "react";
import type { reallocationFinancings } from "../../ekonomi/schema.ts";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useCreateReallocation, useDecideReallocation, useDeleteReallocation } from "./mutations.ts";
import { KronorField, parseKronor, signedTkr, useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useReallocations, useYearOverview } from "./queries.ts";
import type { Namnder, Reallocations } from "./types.ts";

type Financing = (typeof reallocationFinancings)[number];
const financingLabels: Record<string, string> = {
  inom_namnd: "Inom nämnden (summa 0)",
  resultatfond: "Ur resultatfonden",
  tillaggsanslag: "Tilläggsanslag från KF",
};
const statusLabels: Record<string, string> = { forslag: "Förslag", beslutad: "Beslutad", avslagen: "Avslagen" };

export function ReallocationsPage() {
  return <WithNamnd>{(namnd) => <ReallocationsView namnd={namnd} />}</WithNamnd>;
}

function ReallocationsView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const list = useReallocations(namnd.id, year);
  return (
    <Page title={`Ombudgetering ${year}`}>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <YearSelect years={namnd.years} year={year} onChange={setYear} />
      </form>
      <p className="muted">
        Belopp är ändringar av nivåns ram: positivt ger nivån mer pengar. När nämnden beslutat ändras budgeten efter
        ombudgetering för varje nivå; finansieras ombudgeteringen ur resultatfonden tas pengarna samtidigt ur fonden.
      </p>
      {list.isLoading && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <p className="muted">Inga ombudgeteringar {year}.</p>}
      {list.data?.map((r) => (
        <Reallocation key={r.id} r={r} canWrite={namnd.canWrite} />
      ))}
      {namnd.canWrite && <NewReallocation namndId={namnd.id} year={year} />}
    </Page>
  );
}

function Reallocation({ r, canWrite }: { r: Reallocations[number]; canWrite: boolean }) {
  const [decisionRef, setDecisionRef] = useState(r.caseRef ?? "");
  const [decidedOn, setDecidedOn] = useState("");
  const decide = useDecideReallocation();
  const decideAs = (outcome: "beslutad" | "avslagen") =>
    decide.mutate({ params: { id: r.id }, body: { outcome, decisionRef, decidedOn } });
  const remove = useDeleteReallocation();
  return (
    <section className="card" aria-labelledby={`realloc-${r.id}`}>
      <h2 id={`realloc-${r.id}`}>
        {r.title} <span className="badge">{statusLabels[r.status] ?? r.status}</span>
      </h2>
      <p>
        {financingLabels[r.financing]}
        {r.caseRef ? `, ärende ${r.caseRef}` : ""}
        {r.decisionRef ? `, beslut ${r.decisionRef} ${r.decidedOn}` : ""}
      </p>
      {r.reason && <p>{r.reason}</p>}
      <table className="data">
        <caption>Ändring av ram per nivå (tkr)</caption>
        <ColumnHeads columns={["Nivå", ...numeric(["Ändring"])]} />
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.levelId}>
              <th scope="row">{l.levelName}</th>
              <td className="num">{signedTkr(l.amountKr)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            <td className="num">{signedTkr(r.sumKr)}</td>
          </tr>
        </tfoot>
      </table>
      {canWrite && r.status === "forslag" && (
        <form className="ekonomi-inline" onSubmit={(e) => e.preventDefault()}>
          <div>
            <label htmlFor={`ref-${r.id}`}>Beslut (diarienummer/§)</label>
            <input id={`ref-${r.id}`} value={decisionRef} onChange={(e) => setDecisionRef(e.target.value)} required />
          </div>
          <div>
            <label htmlFor={`date-${r.id}`}>Beslutsdatum</label>
            <input
              id={`date-${r.id}`}
              type="date"
              value={decidedOn}
              onChange={(e) => setDecidedOn(e.target.value)}
              required
            />
          </div>
          <button
            type="button"
            className="primary"
            disabled={!decisionRef || !decidedOn || decide.isPending}
            onClick={() => decideAs("beslutad")}
          >
            Beslutad
          </button>
          <button
            type="button"
            disabled={!decisionRef || !decidedOn || decide.isPending}
            onClick={() => decideAs("avslagen")}
          >
            Avslagen
          </button>
          <button type="button" onClick={() => remove.mutate(r.id)}>
            Ta bort förslaget
          </button>
        </form>
      )}
      <ErrorMessage error={decide.error ?? remove.error} />
    </section>
  );
}

type Line = { levelId: string; amountKr: number | null };
/** Every amount is whole kronor; the form is sent only then. */
const whole = (lines: Line[]): lines is Array<{ levelId: string; amountKr: number }> =>
  lines.every((l) => l.amountKr !== null);

function NewReallocation({ namndId, year }: { namndId: string; year: number }) {
  const overview = useYearOverview(namndId, year);
  const [title, setTitle] = useState("");
  const [financing, setFinancing] = useState<Financing>("inom_namnd");
  const [caseRef, setCaseRef] = useState("");
  const [reason, setReason] = useState("");
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const lines = Object.entries(amounts)
    .filter(([, v]) => v.trim() !== "")
    .map(([levelId, v]) => ({ levelId, amountKr: parseKronor(v) }));
  const sum = lines.reduce((s, l) => s + (l.amountKr ?? 0), 0);
  const add = useCreateReallocation();
  return (
    <form
      className="card ekonomi-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!whole(lines)) return;
        add.mutate(
          {
            params: { namndId, year },
            body: { title, financing, caseRef: caseRef || null, reason: reason || null, lines },
          },
          {
            onSuccess: () => {
              setTitle("");
              setAmounts({});
            },
          },
        );
      }}
    >
      <h2>Nytt förslag till ombudgetering</h2>
      <div className="form-grid">
        <TextField id="re-title" label="Rubrik" value={title} onChange={setTitle} required />
        <div>
          <label htmlFor="re-financing">Finansiering</label>
          <select id="re-financing" value={financing} onChange={(e) => setFinancing(e.target.value as Financing)}>
            {Object.entries(financingLabels).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="re-case"
          label="Ärende (diarienummer)"
          value={caseRef}
          onChange={setCaseRef}
          placeholder="IF-2023-00256"
        />
      </div>
      <label htmlFor="re-reason">Motivering</label>
      <textarea id="re-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      <fieldset>
        <legend>Ändring av ram per nivå, kronor</legend>
        <div className="form-grid">
          {overview.data?.levels.map((l) => (
            <KronorField
              key={l.id}
              id={`re-${l.id}`}
              label={l.name}
              value={amounts[l.id] ?? ""}
              onChange={(v) => setAmounts((a) => ({ ...a, [l.id]: v }))}
            />
          ))}
        </div>
        <p role="status">
          Summa: <strong>{signedTkr(sum)} tkr</strong>
          {financing === "inom_namnd" && sum !== 0 ? <span className="bad"> – ska vara 0 inom nämnden</span> : null}
        </p>
      </fieldset>
      <p>
        <button type="submit" className="primary" disabled={add.isPending || lines.length === 0 || !whole(lines)}>
          Spara förslag
        </button>
      </p>
      <ErrorMessage error={add.error} />
    </form>
  );
}
