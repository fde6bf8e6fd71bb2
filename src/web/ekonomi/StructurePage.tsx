import { type FormEvent, useState } from "react";
import { type CodeDimension, codeDimensions } from "../../ekonomi/import/ledger.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import {
  useAddMapping,
  useCopyLevels,
  useCreateDefaultLevels,
  useCreateForecast,
  useCreateLevel,
  useDeleteForecast,
  useDeleteLevel,
  useDeleteMapping,
  useSetFrame,
} from "./mutations.ts";
import { KronorField, parseKronor, tkr, useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useYearOverview } from "./queries.ts";
import type { Namnder, YearOverview } from "./types.ts";

const dimensionLabels: Record<string, string> = { ansvar: "Ansvar", verksamhet: "Verksamhet", konto: "Konto" };

export function StructurePage() {
  return <WithNamnd>{(namnd) => <StructureView namnd={namnd} />}</WithNamnd>;
}

function StructureView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const overview = useYearOverview(namnd.id, year);
  const params = { namndId: namnd.id, year };
  const createDefaults = useCreateDefaultLevels();
  const copy = useCopyLevels();
  const previous = namnd.years.find((y) => y < year);
  const o = overview.data;
  return (
    <Page title={`Uppföljningsnivåer ${year}`}>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <YearSelect years={namnd.years} year={year} onChange={setYear} ahead={1} />
      </form>
      {overview.isLoading && <Loading />}
      <ErrorMessage error={overview.error ?? createDefaults.error ?? copy.error} />
      {o && (
        <>
          <p className="muted">
            Nivåerna är raderna i nämndens uppföljning. Som standard blir varje verksamhetsområde en nivå; en nivå kan
            också vara något annat (t.ex. ett kostnadsslag). Kodmappningen styr vilken nivå en rad i huvudboken hamnar
            på vid import: ansvar går före verksamhet som går före konto, och den längsta koden vinner (41* matchar
            410–419).
          </p>
          {namnd.canWrite && (
            <p className="toolbar">
              <button
                type="button"
                onClick={() => createDefaults.mutate({ params })}
                disabled={createDefaults.isPending}
              >
                Skapa nivåer från verksamhetsområdena
              </button>
              {previous && (
                <button
                  type="button"
                  onClick={() => copy.mutate({ params, body: { fromYear: previous } })}
                  disabled={copy.isPending}
                >
                  Kopiera nivåer och koder från {previous}
                </button>
              )}
            </p>
          )}
          <LevelsTable overview={o} canWrite={namnd.canWrite} />
          {namnd.canWrite && <NewLevel namndId={namnd.id} year={year} />}
          <Forecasts overview={o} params={params} canWrite={namnd.canWrite} />
          <Frame overview={o} params={params} canWrite={namnd.canWrite} />
        </>
      )}
    </Page>
  );
}

function LevelsTable({ overview, canWrite }: { overview: YearOverview; canWrite: boolean }) {
  const { tree } = useSession();
  const remove = useDeleteLevel();
  const removeMapping = useDeleteMapping();
  if (overview.levels.length === 0) return <p className="notice">Inga nivåer för {overview.year} än.</p>;
  return (
    <>
      <ErrorMessage error={remove.error ?? removeMapping.error} />
      <table className="data">
        <caption>Uppföljningsnivåer {overview.year}</caption>
        <ColumnHeads columns={["Nivå", "Kod", "Följer", "Kodmappning", canWrite && "Åtgärder"]} />
        <tbody>
          {overview.levels.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.name}</th>
              <td>{l.code ?? "–"}</td>
              <td>{tree.find((n) => n.id === l.orgNodeId)?.name ?? "–"}</td>
              <td>
                <ul className="ekonomi-codes">
                  {l.mappings.map((m) => (
                    <li key={m.id}>
                      {dimensionLabels[m.dimension]} {m.pattern}
                      {canWrite && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => removeMapping.mutate(m.id)}
                          aria-label={`Ta bort ${dimensionLabels[m.dimension]?.toLowerCase()} ${m.pattern} från ${l.name}`}
                        >
                          ta bort
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {canWrite && <AddMapping levelId={l.id} levelName={l.name} />}
              </td>
              {canWrite && (
                <td>
                  <button type="button" onClick={() => remove.mutate(l.id)} aria-label={`Ta bort nivån ${l.name}`}>
                    Ta bort
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function AddMapping({ levelId, levelName }: { levelId: string; levelName: string }) {
  const [dimension, setDimension] = useState<CodeDimension>("ansvar");
  const [pattern, setPattern] = useState("");
  const add = useAddMapping();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ params: { id: levelId }, body: { dimension, pattern } }, { onSuccess: () => setPattern("") });
  };
  return (
    <form className="ekonomi-inline" onSubmit={submit} aria-label={`Ny kod för ${levelName}`}>
      <label htmlFor={`dim-${levelId}`}>Dimension</label>
      <select id={`dim-${levelId}`} value={dimension} onChange={(e) => setDimension(e.target.value as CodeDimension)}>
        {codeDimensions.map((d) => (
          <option key={d} value={d}>
            {dimensionLabels[d]}
          </option>
        ))}
      </select>
      <label htmlFor={`code-${levelId}`}>Kod</label>
      <input
        id={`code-${levelId}`}
        value={pattern}
        onChange={(e) => setPattern(e.target.value)}
        placeholder="t.ex. 41*"
        size={8}
        required
      />
      <button type="submit" disabled={add.isPending}>
        Lägg till
      </button>
      <ErrorMessage error={add.error} />
    </form>
  );
}

function NewLevel({ namndId, year }: { namndId: string; year: number }) {
  const { tree, namnd } = useSession();
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [orgNodeId, setOrgNodeId] = useState("");
  const add = useCreateLevel();
  const candidates = tree.filter((n) => namnd && n.path.startsWith(namnd.path) && n.id !== namnd.id);
  return (
    <form
      className="card ekonomi-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { params: { namndId, year }, body: { name, code: code || null, orgNodeId: orgNodeId || null } },
          { onSuccess: () => setName("") },
        );
      }}
    >
      <h2>Ny nivå</h2>
      <div className="form-grid">
        <TextField id="level-name" label="Namn" value={name} onChange={setName} required />
        <TextField id="level-code" label="Kod (valfri)" value={code} onChange={setCode} />
        <div>
          <label htmlFor="level-org">Följer organisationsenhet (valfri)</label>
          <select id="level-org" value={orgNodeId} onChange={(e) => setOrgNodeId(e.target.value)}>
            <option value="">Ingen (t.ex. kostnadsslag)</option>
            {candidates.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p>
        <button type="submit" className="primary" disabled={add.isPending}>
          Skapa nivå
        </button>
      </p>
      <ErrorMessage error={add.error} />
    </form>
  );
}

/** The committee and year a part of the page writes to. */
type YearParams = { namndId: string; year: number };

function Forecasts({ overview, params, canWrite }: { overview: YearOverview; params: YearParams; canWrite: boolean }) {
  const [name, setName] = useState("");
  const [asOf, setAsOf] = useState("");
  const add = useCreateForecast();
  const remove = useDeleteForecast();
  return (
    <section className="card" aria-labelledby="forecasts-title">
      <h2 id="forecasts-title">Prognoser {overview.year}</h2>
      {overview.forecasts.length === 0 ? (
        <p className="muted">Inga prognoser.</p>
      ) : (
        <ul>
          {overview.forecasts.map((f) => (
            <li key={f.id}>
              {f.name} ({f.asOf}){" "}
              {canWrite && (
                <button
                  type="button"
                  className="link"
                  onClick={() => remove.mutate(f.id)}
                  aria-label={`Ta bort prognosen ${f.name} med dess belopp`}
                >
                  ta bort
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form
          className="ekonomi-inline"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ params, body: { name, asOf } }, { onSuccess: () => setName("") });
          }}
        >
          <label htmlFor="forecast-name">Namn</label>
          <input
            id="forecast-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Delår augusti"
            required
          />
          <label htmlFor="forecast-date">Per datum</label>
          <input id="forecast-date" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
          <button type="submit" disabled={add.isPending}>
            Lägg till prognos
          </button>
        </form>
      )}
      <ErrorMessage error={add.error ?? remove.error} />
    </section>
  );
}

function Frame({ overview, params, canWrite }: { overview: YearOverview; params: YearParams; canWrite: boolean }) {
  const [amount, setAmount] = useState(overview.frame ? String(overview.frame.amountKr) : "");
  const [decisionRef, setDecisionRef] = useState(overview.frame?.decisionRef ?? "");
  const save = useSetFrame();
  return (
    <section className="card" aria-labelledby="frame-title">
      <h2 id="frame-title">Ram {overview.year}</h2>
      <p>
        Kommunfullmäktiges ram (kommunbidrag):{" "}
        <strong>{overview.frame ? `${tkr(overview.frame.amountKr)} tkr` : "ej angiven"}</strong>
        {overview.frame?.decisionRef ? ` (${overview.frame.decisionRef})` : ""}. Nivåernas budget kontrolleras mot
        ramen.
      </p>
      {canWrite && (
        <form
          className="ekonomi-inline"
          onSubmit={(e) => {
            e.preventDefault();
            const amountKr = parseKronor(amount);
            // The button waits for whole kronor.
            if (amountKr !== null) save.mutate({ params, body: { amountKr, decisionRef: decisionRef || null } });
          }}
        >
          <KronorField id="frame-amount" label="Ram i kronor" value={amount} onChange={setAmount} required />
          <TextField
            id="frame-ref"
            label="Beslut"
            value={decisionRef}
            onChange={setDecisionRef}
            placeholder="KF § 123"
          />
          <button type="submit" disabled={save.isPending || parseKronor(amount) === null}>
            Spara ram
          </button>
        </form>
      )}
      <ErrorMessage error={save.error} />
    </section>
  );
}
