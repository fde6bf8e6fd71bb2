import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatNumber,
  parseSwedishNumber,
} from "../../platform/i18n/format.ts";
import { type PeriodType, periodLabelFor } from "../../styrning/period.ts";
import { type Comparator, comparators, comparatorWords, parseTarget } from "../../styrning/target.ts";
import {
  dimensionKindLabels,
  directionLabels,
  type GenderSplit,
  genderLabel,
  genderSplitLabels,
  indicatorKindLabels,
  relationKindLabels,
  type ValueState,
  valueStateLabels,
} from "../../styrning/vocabulary.ts";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { valueText } from "./format.ts";
import {
  DimensionsChoice,
  ForecastForm,
  ForecastList,
  NewDimensionForm,
  RelationsEditor,
} from "./IndicatorEditing.tsx";
import { IndicatorChart, IndicatorTable } from "./IndicatorReport.tsx";
import { useRemoveTarget, useSetKoladaMapping, useSetTarget } from "./mutations.ts";
import { useIndicator, useIndicators, useKolada, useKoladaComparison } from "./queries.ts";
import type { IndicatorDetail } from "./types.ts";
import { useYear } from "./year.ts";

const periodTypeLabels: Record<string, string> = {
  year: "år",
  tertial: "tertial",
  quarter: "kvartal",
  month: "månad",
  ytd: "månad, ackumulerat hittills i år",
  window: "mätfönster",
};

/**
 * A target for a year: for the whole or a combination of parts (a unit's own threshold), optionally in force
 * only while another indicator's outcome in the same period meets a condition (a minimum base of cases).
 */
function TargetForm({ indicator, year }: { indicator: IndicatorDetail; year: number }) {
  const { orgNode } = useSession();
  const candidates = useIndicators(orgNode?.id ?? indicator.orgNodeId);
  const [targetYear, setTargetYear] = useState(year);
  const [target, setTarget] = useState("");
  const [footnote, setFootnote] = useState("");
  const [members, setMembers] = useState("");
  const [conditionId, setConditionId] = useState("");
  const [op, setOp] = useState<Comparator>("gte");
  const [conditionValue, setConditionValue] = useState("");
  const [otherwise, setOtherwise] = useState("");
  const parsed = target ? parseTarget(target, { statusLevels: indicator.statusLevels }) : null;
  const save = useSetTarget();
  const submit = () =>
    save.mutate(
      {
        params: { id: indicator.id, year: targetYear },
        body: {
          target,
          footnote: footnote || null,
          members: members ? members.split("+") : [],
          condition: conditionId
            ? { indicatorId: conditionId, op, value: parseSwedishNumber(conditionValue) ?? NaN }
            : null,
          otherwise: conditionId && otherwise ? otherwise : null,
        },
      },
      {
        onSuccess: () => {
          setTarget("");
          setFootnote("");
          setOtherwise("");
        },
      },
    );
  return (
    <MutationForm className="toolbar" mutation={{ mutate: submit, error: save.error }}>
      <TextField
        id="target-year"
        label="År"
        type="number"
        value={targetYear}
        onChange={(v) => setTargetYear(Number(v))}
      />
      <TextField
        id="target-text"
        label="Målvärde"
        value={target}
        onChange={setTarget}
        required
        placeholder="t.ex. Färre än 16"
      />
      <TextField id="target-footnote" label="Fotnot" value={footnote} onChange={setFootnote} />
      {indicator.breakdown && (
        <SelectField id="target-members" label="Gäller" value={members} onChange={setMembers}>
          <option value="">Hela indikatorn</option>
          {indicator.breakdown.rows.map((r) => (
            <option key={r.codes.join("+")} value={r.codes.join("+")}>
              {r.label}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField id="target-condition" label="Gäller om" value={conditionId} onChange={setConditionId}>
        <option value="">Alltid (inget villkor)</option>
        {(candidates.data ?? [])
          .filter((c) => c.id !== indicator.id && c.valueType === "number")
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </SelectField>
      {conditionId && (
        <>
          <SelectField id="target-condition-op" label="Villkor" value={op} onChange={(v) => setOp(v as Comparator)}>
            {comparators.map((c) => (
              <option key={c} value={c}>
                {comparatorWords[c]}
              </option>
            ))}
          </SelectField>
          <TextField
            id="target-condition-value"
            label="Villkorsvärde"
            inputMode="decimal"
            value={conditionValue}
            onChange={setConditionValue}
            required
            size={6}
          />
          <TextField
            id="target-otherwise"
            label="Annars målvärde"
            value={otherwise}
            onChange={setOtherwise}
            placeholder="tomt: inget målvärde"
          />
        </>
      )}
      <button type="submit" disabled={save.isPending}>
        Spara målvärde
      </button>
      {parsed && (
        <p className="muted" role="status">
          Tolkas som{" "}
          {parsed.kind === "text"
            ? "fritext (kan inte jämföras)"
            : parsed.kind === "status"
              ? `minst ${parsed.label}`
              : parsed.kind === "parity"
                ? `jämställdhetsmål: kvinnor och män högst ${formatCount(parsed.maxGap, "enhet", "enheter")} från varandra`
                : parsed.kind === "relative"
                  ? `jämförelse med ${parsed.referenceYear ? `utfallet ${parsed.referenceYear}` : "föregående års utfall"}`
                  : "jämförbart värde"}
          .
        </p>
      )}
    </MutationForm>
  );
}

function KoladaBox({ indicator }: { indicator: IndicatorDetail }) {
  const { orgNode, tree } = useSession();
  // Left empty, the server takes the code of the kommun the indicator belongs to.
  const kommunCode = tree.find((n) => n.kind === "kommun" && orgNode?.path.startsWith(n.path))?.code;
  const [kpiId, setKpiId] = useState(indicator.kolada?.kpiId ?? "");
  const [municipalityId, setMunicipalityId] = useState(indicator.kolada?.municipalityId ?? "");
  const [groupId, setGroupId] = useState("");
  const groups = useKolada(orgNode?.id);
  const compare = useKoladaComparison(indicator.id, indicator.kolada && groupId ? groupId : null);
  const save = useSetKoladaMapping();
  const submit = () =>
    save.mutate({ params: { id: indicator.id }, body: { kpiId, municipalityId: municipalityId || undefined } });
  const c = compare.data;
  return (
    <section className="card" aria-labelledby="kolada-heading">
      <h2 id="kolada-heading">Kolada</h2>
      <p>
        {indicator.kolada
          ? `Hämtas från KPI ${indicator.kolada.kpiId} för kommun ${indicator.kolada.municipalityId}.`
          : "Inte kopplad till Kolada."}
      </p>
      {indicator.writable && indicator.valueType === "number" && ["year", "window"].includes(indicator.periodType) && (
        <MutationForm className="toolbar" mutation={{ mutate: submit, error: save.error }}>
          <TextField
            id="kpi-id"
            label="KPI-id"
            value={kpiId}
            onChange={setKpiId}
            required
            placeholder="N00945"
            size={8}
          />
          <TextField
            id="kpi-muni"
            label="Kommunkod"
            value={municipalityId}
            onChange={setMunicipalityId}
            placeholder={kommunCode ?? undefined}
            aria-describedby="kpi-muni-hint"
            size={6}
          />
          <button type="submit" disabled={save.isPending}>
            Spara koppling
          </button>
          <p id="kpi-muni-hint" className="muted">
            Tom kommunkod: kommunens egen{kommunCode ? ` (${kommunCode})` : ""}.
          </p>
        </MutationForm>
      )}
      {indicator.kolada && (groups.data?.groups.length ?? 0) > 0 && (
        <div className="toolbar">
          <SelectField id="compare-group" label="Jämför med" value={groupId} onChange={setGroupId}>
            <option value="">Välj kommungrupp</option>
            {groups.data?.groups.map((g) => (
              <option key={g.groupId} value={g.groupId}>
                {g.title}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <ErrorMessage error={compare.error} />
      {c && (
        <table className="data">
          <caption>
            {indicator.name} jämfört med {c.group.title} (Kolada {c.kpiId})
          </caption>
          <thead>
            <tr>
              <th scope="col">Kommun</th>
              {c.years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.municipalities.map((m) => (
              <tr key={m.municipalityId}>
                <th scope="row">{m.own ? <strong>{m.title}</strong> : m.title}</th>
                {m.values.map((v, i) => (
                  <td key={c.years[i]} className="num">
                    {formatNumber(v, indicator.decimals)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Medelvärde (placering)</th>
              {c.perYear.map((p) => (
                <td key={p.year} className="num">
                  {formatNumber(p.average)} {p.rank ? `(${p.rank} av ${p.reported})` : ""}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

export function IndicatorPage() {
  const { id } = useParams();
  // The columns follow the chosen plan year (?ar=, else the latest goal model's), never today's date.
  const [year] = useYear();
  const result = useIndicator(id, year);
  const removeTarget = useRemoveTarget();
  const i = result.data;
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!i) return <Loading />;
  const split = i.genderSplit as GenderSplit;
  const periodType = i.periodType as PeriodType;
  return (
    <Page title={i.name}>
      <dl className="form-grid">
        <div>
          <dt>Slag</dt>
          <dd>{i.kind ? indicatorKindLabels[i.kind] : "Inte angivet"}</dd>
        </div>
        <div>
          <dt>Plan år</dt>
          <dd>{year}</dd>
        </div>
        <div>
          <dt>Organisation</dt>
          <dd>{i.orgNodeName}</dd>
        </div>
        <div>
          <dt>Riktning</dt>
          <dd>{directionLabels[i.direction]}</dd>
        </div>
        <div>
          <dt>Kön</dt>
          <dd>{genderSplitLabels[split]}</dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>
            {periodTypeLabels[i.periodType]}
            {i.measurementWindow ? ` (${i.measurementWindow})` : ""}
          </dd>
        </div>
        <div>
          <dt>Källa</dt>
          <dd>
            {i.kolada ? `Kolada ${i.kolada.kpiId}` : (i.sourceNote ?? i.sourceKind)}
            {i.publicationDate ? `, publiceras ${formatDate(i.publicationDate)}` : ""}
          </dd>
        </div>
      </dl>
      <h2>Definition</h2>
      <ul>
        {i.definitions.map((d) => (
          <li key={d.validFrom}>
            Från {d.validFrom}: {d.definition}
          </li>
        ))}
      </ul>
      <div className="styrning-indicator-body">
        <IndicatorTable indicator={i} />
        <IndicatorChart indicator={i} />
      </div>
      {i.writable && i.valueType === "number" && (
        <>
          <ForecastList indicator={i} />
          <ForecastForm indicator={i} year={year} />
        </>
      )}

      <section className="card" aria-labelledby="dimension-heading">
        <h2 id="dimension-heading">Indelning</h2>
        {!i.breakdown && <p>Indikatorn delas inte upp utöver kön.</p>}
        {i.writable && <DimensionsChoice key={i.breakdown?.dimensions.map((d) => d.id).join() ?? ""} indicator={i} />}
        {i.writable && <NewDimensionForm indicator={i} />}
        {i.breakdown && (
          <table className="data">
            <caption>
              {i.name} per {i.breakdown.dimensions.map((d) => d.name.toLowerCase()).join(" och ")} (
              {i.breakdown.dimensions.map((d) => dimensionKindLabels[d.kind]).join(", ")})
            </caption>
            <thead>
              <tr>
                <th scope="col">Del</th>
                {i.columns.map((y) => (
                  <th key={y} scope="col" className="num">
                    {y}
                  </th>
                ))}
                <th scope="col">Målvärde {year}</th>
                <th scope="col">Nås</th>
              </tr>
            </thead>
            <tbody>
              {i.breakdown.rows.map((r) => (
                <tr key={r.codes.join("+")}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, j) => (
                    <td key={i.columns[j]} className="num">
                      {valueText(c, i.statusLevels, i.decimals)}
                    </td>
                  ))}
                  <td>
                    {r.target ?? "–"}
                    {i.writable && r.target && (
                      <>
                        {" "}
                        <button
                          type="button"
                          aria-label={`Ta bort målvärdet för ${r.label}`}
                          onClick={() =>
                            removeTarget.mutate({ params: { id: i.id, year }, query: { members: r.codes.join(",") } })
                          }
                        >
                          Ta bort
                        </button>
                      </>
                    )}
                  </td>
                  <td className={r.met === true ? "ok" : r.met === false ? "warn" : "muted"}>
                    {r.met === true ? "Ja" : r.met === false ? "Nej" : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {(i.writable || i.relations.length > 0 || i.relationProblems.length > 0) && (
        <section className="card" aria-labelledby="relations-heading">
          <h2 id="relations-heading">Samband med andra indikatorer</h2>
          <ul>
            {i.relations.map((r) => (
              <li key={`${r.kind}-${r.id}`}>
                {r.role === "part"
                  ? `${r.kind === "sum" ? "Summan av" : "Rymmer delmängden"} `
                  : `${r.kind === "sum" ? "Ingår i summan" : "Delmängd av"} `}
                <Link to={`/styrning/indikatorer/${r.id}?ar=${year}`}>{r.name}</Link> (
                {relationKindLabels[r.kind].toLowerCase()})
              </li>
            ))}
          </ul>
          {i.relations.length === 0 ? (
            <p>Inga samband.</p>
          ) : i.relationProblems.length === 0 ? (
            <p className="ok">Värdena stämmer med sambanden.</p>
          ) : (
            <ul className="warn" aria-label="Värden som inte stämmer med sambanden">
              {i.relationProblems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          )}
          {i.writable && (
            <RelationsEditor key={i.relations.map((r) => `${r.kind}${r.role}${r.id}`).join()} indicator={i} />
          )}
        </section>
      )}

      <section className="card" aria-labelledby="targets-heading">
        <h2 id="targets-heading">Målvärden</h2>
        {i.targets.length === 0 ? (
          <p>Inga målvärden.</p>
        ) : (
          <table className="data">
            <caption>Målvärden per år</caption>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col">Målvärde</th>
                <th scope="col">Fotnot</th>
                <th scope="col">Villkor</th>
                <th scope="col">Kontroll</th>
                {i.writable && <th scope="col">Ta bort</th>}
              </tr>
            </thead>
            <tbody>
              {i.targets.map((t) => (
                <tr key={t.year}>
                  <th scope="row">{t.year}</th>
                  <td>{t.target}</td>
                  <td>{t.footnote ?? ""}</td>
                  <td>
                    {t.condition ? `Om ${t.condition.text}, annars ${t.otherwise ?? "inget målvärde"}` : "Alltid"}
                  </td>
                  <td className={t.problems.length ? "warn" : "ok"}>
                    {t.problems.length
                      ? t.problems.map((p) => p.message).join(" ")
                      : t.kind === "text"
                        ? "Fritext"
                        : "I linje med riktningen"}
                  </td>
                  {i.writable && (
                    <td>
                      <button
                        type="button"
                        onClick={() => removeTarget.mutate({ params: { id: i.id, year: t.year }, query: {} })}
                      >
                        Ta bort {t.year}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {i.writable && <TargetForm indicator={i} year={year} />}
      </section>

      <KoladaBox indicator={i} />

      {i.goals.length > 0 && (
        <section className="card" aria-labelledby="goals-heading">
          <h2 id="goals-heading">Följer upp</h2>
          <ul>
            {i.goals.map((g) => (
              <li key={g.id}>
                <Link to={`/styrning/mal/${g.id}`}>
                  {g.year}: {g.code} {g.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <table className="data">
        <caption>Rättelser i låsta perioder</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Kön</th>
            <th scope="col">Före</th>
            <th scope="col">Efter</th>
            <th scope="col">Orsak</th>
            <th scope="col">Av</th>
          </tr>
        </thead>
        <tbody>
          {i.correctionLog.length === 0 && (
            <tr>
              <td colSpan={6}>Inga rättelser.</td>
            </tr>
          )}
          {i.correctionLog.map((c) => (
            <tr key={c.id}>
              <th scope="row">{periodLabelFor(c.period, periodType)}</th>
              <td>{genderLabel(split, c.gender as "T")}</td>
              <td>{c.before ? valueText(c.before, i.statusLevels, i.decimals) : "–"}</td>
              <td>{c.after ? valueText(c.after, i.statusLevels, i.decimals) : "Borttaget"}</td>
              <td>{c.reason}</td>
              <td>
                {c.correctedByName}, {formatDateTime(c.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="data">
        <caption>Alla registrerade värden</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Kön</th>
            <th scope="col">Värde</th>
            <th scope="col">Källa</th>
            <th scope="col">Registrerat av</th>
          </tr>
        </thead>
        <tbody>
          {i.values.map((v) => (
            <tr key={v.id}>
              <th scope="row">{periodLabelFor(v.period, periodType)}</th>
              <td>{genderLabel(split, v.gender)}</td>
              <td>
                {v.state === "value"
                  ? valueText(v, i.statusLevels, i.decimals)
                  : valueStateLabels[v.state as ValueState]}
              </td>
              <td>{v.sourceRef ?? v.source}</td>
              <td>
                {v.enteredByName}, {formatDateTime(v.updatedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
