import { useId, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { formatDateTime, parseSwedishNumber } from "../../platform/i18n/format.ts";
import { indicatorStatusLabels } from "../../styrning/assessment.ts";
import { type PeriodType, periodLabel, periodsOfYear } from "../../styrning/period.ts";
import {
  type ActivityStatus,
  activityStatusLabels,
  type DecidedBy,
  decidedByLabels,
  directionLabels,
  directiveIssuerLabels,
  type Gender,
  type GenderSplit,
  genderLabel,
  gendersFor,
  meaningLabels,
  type ValueSource,
  valueSourceLabels,
} from "../../styrning/vocabulary.ts";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { GoalIndicatorPicker } from "./Authoring.tsx";
import { CommentList, LevelOptions } from "./fields.tsx";
import { IndicatorChart, IndicatorTable } from "./IndicatorReport.tsx";
import { useAddGoalComment, useSaveValues, useSetAssessment } from "./mutations.ts";
import { useGoalPage } from "./queries.ts";
import type { GoalPageData, IndicatorView } from "./types.ts";

const statusClass: Record<string, string> = { met: "ok", improving: "warn", not_met: "bad" };

/** Enters one value for the indicator straight from the goal page (the grid is for many at once). */
function ValueForm({ indicator, year }: { indicator: IndicatorView; year: number }) {
  const id = useId();
  const periods = periodsOfYear(indicator.periodType as PeriodType, year);
  const split = indicator.genderSplit as GenderSplit;
  const [period, setPeriod] = useState(periods.at(-1) ?? String(year));
  const [gender, setGender] = useState<Gender>(indicator.rows[0]?.gender ?? "T");
  const [state, setState] = useState<"value" | "not_published" | "not_measured">("value");
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  // A number that does not parse is refused here, before anything is sent.
  const [invalid, setInvalid] = useState<Error | null>(null);
  const save = useSaveValues();
  const submit = () => {
    const status = indicator.valueType === "status";
    const value = status ? null : parseSwedishNumber(text);
    if (state === "value" && !status && value === null) {
      setInvalid(new Error("Skriv ett tal, t.ex. 12,9."));
      return;
    }
    setInvalid(null);
    save.mutate(
      {
        body: {
          values: [
            {
              indicatorId: indicator.id,
              period,
              gender,
              state,
              ...(state === "value" ? (status ? { statusCode: text } : { value }) : {}),
            },
          ],
          ...(reason ? { reason } : {}),
        },
      },
      {
        onSuccess: () => {
          setText("");
          setReason("");
        },
      },
    );
  };
  const valueLabel = `Värde för ${indicator.name}`;
  return (
    <MutationForm
      className="toolbar styrning-value-form"
      mutation={{ mutate: submit, error: invalid ?? save.error }}
      aria-label={`Registrera värde för ${indicator.name}`}
    >
      <SelectField id={`${id}-period`} label="Period" value={period} onChange={setPeriod}>
        {periods.map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </SelectField>
      {split !== "total" && (
        <SelectField id={`${id}-gender`} label="Kön" value={gender} onChange={(v) => setGender(v as Gender)}>
          {gendersFor(split).map((g) => (
            <option key={g} value={g}>
              {genderLabel(split, g)}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField id={`${id}-state`} label="Uppgift" value={state} onChange={(v) => setState(v as typeof state)}>
        <option value="value">Värde</option>
        <option value="not_published">Ej publicerat än</option>
        <option value="not_measured">Mäts inte</option>
      </SelectField>
      {state === "value" &&
        (indicator.valueType === "status" ? (
          <SelectField id={`${id}-value`} label={valueLabel} value={text} onChange={setText} required>
            <LevelOptions levels={indicator.statusLevels} />
          </SelectField>
        ) : (
          <TextField
            id={`${id}-value`}
            label={valueLabel}
            inputMode="decimal"
            value={text}
            onChange={setText}
            required
            size={8}
          />
        ))}
      <TextField
        id={`${id}-reason`}
        label="Orsak (vid rättelse i låst period)"
        value={reason}
        onChange={setReason}
        size={24}
      />
      <button type="submit" className="primary" disabled={save.isPending}>
        Spara värde
      </button>
    </MutationForm>
  );
}

function IndicatorCard({ indicator, year, writable }: { indicator: IndicatorView; year: number; writable: boolean }) {
  const problems = indicator.targets.flatMap((t) => t.problems.map((p) => ({ ...p, year: t.year })));
  return (
    <article className="card styrning-indicator" aria-labelledby={`ind-${indicator.id}`}>
      <h3 id={`ind-${indicator.id}`}>
        <Link to={`/styrning/indikatorer/${indicator.id}?ar=${year}`}>{indicator.name}</Link>
      </h3>
      <p className="muted">
        {indicator.definition} {directionLabels[indicator.direction]}.{" "}
        {indicator.kolada
          ? `Källa: Kolada ${indicator.kolada.kpiId}.`
          : indicator.sourceNote
            ? `Källa: ${indicator.sourceNote}.`
            : ""}
      </p>
      <p className={statusClass[indicator.evaluation.status] ?? "muted"}>
        <strong>{indicatorStatusLabels[indicator.evaluation.status]}.</strong> {indicator.evaluation.explanation}
      </p>
      {problems.map((p) => (
        <p key={`${p.year}-${p.gender}-${p.code}`} className="notice">
          Målvärde {p.year}: {p.message}
        </p>
      ))}
      <div className="styrning-indicator-body">
        <IndicatorTable indicator={indicator} />
        <IndicatorChart indicator={indicator} />
      </div>
      {writable && <ValueForm indicator={indicator} year={year} />}
    </article>
  );
}

function AssessmentForm({ data }: { data: GoalPageData }) {
  const [levelCode, setLevelCode] = useState(data.assessment?.levelCode ?? "");
  const [comment, setComment] = useState(data.assessment?.comment ?? "");
  const save = useSetAssessment();
  const submit = () => save.mutate({ params: { id: data.goal.id, period: data.period }, body: { levelCode, comment } });
  return (
    <MutationForm mutation={{ mutate: submit, error: save.error }} aria-label="Bedöm målet">
      <fieldset>
        <legend>Bedömning {periodLabel(data.period)}</legend>
        {data.assessmentScale.map((l) => (
          <label key={l.code} className="styrning-radio">
            <input
              type="radio"
              name="level"
              value={l.code}
              checked={levelCode === l.code}
              onChange={() => setLevelCode(l.code)}
              required
            />{" "}
            {l.label}
            {data.suggestion.meaning === l.meaning ? <span className="badge ok"> förslag</span> : null}
          </label>
        ))}
      </fieldset>
      <label htmlFor="assessment-comment">Analys och kommentar</label>
      <textarea
        id="assessment-comment"
        rows={4}
        cols={60}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        required
      />
      <div>
        <button type="submit" className="primary" disabled={save.isPending}>
          Spara bedömning
        </button>
      </div>
    </MutationForm>
  );
}

function CommentForm({ goalId, period }: { goalId: string; period: string }) {
  const [text, setText] = useState("");
  const save = useAddGoalComment();
  const submit = () =>
    save.mutate({ params: { id: goalId }, body: { period, text } }, { onSuccess: () => setText("") });
  return (
    <MutationForm mutation={{ mutate: submit, error: save.error }}>
      <label htmlFor="goal-comment">Ny kommentar för {periodLabel(period)}</label>
      <textarea id="goal-comment" rows={3} cols={60} value={text} onChange={(e) => setText(e.target.value)} required />
      <div>
        <button type="submit" disabled={save.isPending}>
          Lägg till kommentar
        </button>
      </div>
    </MutationForm>
  );
}

export function GoalPage() {
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = search.get("period") ?? undefined;
  const result = useGoalPage(id, period);
  const data = result.data;
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!data) return <Loading />;
  const year = data.model.year;
  const title = `${data.goal.code ? `${data.goal.code} ` : ""}${data.goal.title}`;
  const assessed = data.level?.assessed ?? false;

  return (
    <Page title={title}>
      <nav aria-label="Var målet finns" className="muted">
        <Link to={`/styrning?ar=${year}`}>{data.model.name}</Link>
        {data.ancestors.map((a) => (
          <span key={a.id}>
            {" › "}
            <Link to={`/styrning/mal/${a.id}`}>
              {a.level}: {a.title}
            </Link>
          </span>
        ))}
      </nav>
      <p>
        <span className="badge">{data.level?.name}</span>{" "}
        {data.level ? `Beslutas av ${decidedByLabels[data.level.decidedBy as DecidedBy].toLowerCase()}.` : ""}{" "}
        {data.goal.description}
      </p>
      {data.lineage.length > 1 && (
        <p className="muted">
          Samma mål andra år:{" "}
          {data.lineage
            .filter((l) => l.id !== data.goal.id)
            .map((l, i) => (
              <span key={l.id}>
                {i ? ", " : ""}
                <Link to={`/styrning/mal/${l.id}`}>
                  {l.year}: {l.title}
                </Link>
              </span>
            ))}
        </p>
      )}

      <div className="toolbar">
        <div>
          <label htmlFor="goal-period">Uppföljningsperiod</label>
          <select
            id="goal-period"
            value={data.period}
            onChange={(e) => setSearch(e.target.value === String(year) ? {} : { period: e.target.value })}
          >
            {[String(year), ...periodsOfYear("tertial", year)].map((p) => (
              <option key={p} value={p}>
                {p === String(year) ? `Helår ${year}` : periodLabel(p)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {assessed && (
        <section className="card" aria-labelledby="assessment-heading">
          <h2 id="assessment-heading">Bedömning</h2>
          <p>
            <strong>Förslag utifrån indikatorerna:</strong>{" "}
            {data.suggestion.meaning ? meaningLabels[data.suggestion.meaning] : "inget förslag"}.{" "}
            {data.suggestion.explanation}
          </p>
          {data.assessment ? (
            <p data-testid="current-assessment">
              <strong>Nuvarande bedömning:</strong> {data.assessment.levelLabel}. {data.assessment.comment}{" "}
              <span className="muted">
                ({data.assessment.assessedByName}, {formatDateTime(data.assessment.updatedAt)})
              </span>
            </p>
          ) : (
            <p>Målet är inte bedömt för {periodLabel(data.period)}.</p>
          )}
          {data.contradiction && (
            <p className="notice" role="status">
              <strong>Motsägelse:</strong> {data.contradiction.message}
            </p>
          )}
          {data.writable && data.assessmentScale.length > 0 && (
            <AssessmentForm key={`${data.period}-${data.assessment?.id ?? "ny"}`} data={data} />
          )}
        </section>
      )}

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">Indikatorer</h2>
        {data.indicators.length === 0 && <p>Målet har inga indikatorer.</p>}
        {data.indicators.map((indicator) => (
          <IndicatorCard key={indicator.id} indicator={indicator} year={year} writable={data.writable} />
        ))}
        {data.writable && (
          <GoalIndicatorPicker
            goalId={data.goal.id}
            orgNodeId={data.model.orgNodeId}
            linked={data.indicators.map((i) => i.id)}
          />
        )}
      </section>

      {data.children.length > 0 && (
        <section className="card" aria-labelledby="children-heading">
          <h2 id="children-heading">Mål under detta</h2>
          <ul>
            {data.children.map((c) => (
              <li key={c.id}>
                <Link to={`/styrning/mal/${c.id}`}>
                  {c.level}: {c.code} {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.directives.length > 0 && (
        <section className="card" aria-labelledby="directives-heading">
          <h2 id="directives-heading">Direktiv</h2>
          <ul>
            {data.directives.map((d) => (
              <li key={d.id}>
                <span className="badge">{directiveIssuerLabels[d.issuedBy]}</span> {d.title}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="activities-heading">
        <h2 id="activities-heading">Aktiviteter i genomförandeplanerna</h2>
        {data.activities.length === 0 ? (
          <p>Inga aktiviteter är kopplade till målet.</p>
        ) : (
          <ul>
            {data.activities.map((a) => (
              <li key={a.id}>
                {a.title}{" "}
                <span className="muted">
                  ({a.orgNodeName}, {activityStatusLabels[a.status as ActivityStatus].toLowerCase()})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Kommentarer</h2>
        <CommentList comments={data.comments} className="styrning-comments" />
        {data.writable && <CommentForm goalId={data.goal.id} period={data.period} />}
      </section>

      {data.assessments.length > 0 && (
        <table className="data">
          <caption>Tidigare bedömningar</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Bedömning</th>
              <th scope="col">Kommentar</th>
              <th scope="col">Av</th>
            </tr>
          </thead>
          <tbody>
            {data.assessments.map((a) => (
              <tr key={a.id}>
                <th scope="row">{periodLabel(a.period)}</th>
                <td>{a.levelLabel}</td>
                <td>{a.comment}</td>
                <td>{a.assessedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        Värdenas källor:{" "}
        {[
          ...new Set(data.indicators.flatMap((i) => i.values.map((v) => valueSourceLabels[v.source as ValueSource]))),
        ].join(", ") || "–"}
        .
      </p>
    </Page>
  );
}
