import { useState } from "react";
import { Link } from "react-router-dom";
import { type Answer, answerLabels, answers, riskCategories } from "../../../kvalitet/internkontroll/vocabulary.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { addOrChange, MutationForm, SelectField, SubmitOrCancel, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import "../kvalitetsplan/kvalitetsplan.css";
import { countOf, LevelBadge, levelRanges, RiskMatrix } from "../kvalitetsplan/RiskMatrix.tsx";
import { GranskningSection, yesNo } from "./GranskningSection.tsx";
import { useAddIkRisk, useSavePlan, useSaveSelfAssessment, useUpdateIkRisk } from "./mutations.ts";
import { useYear, type YearView } from "./queries.ts";

const thisYear = new Date().getFullYear();
export const ikYears = Array.from({ length: thisYear + 2 - 2021 }, (_, i) => thisYear + 1 - i);

type RiskDraft = Record<
  "category" | "description" | "likelihood" | "consequence" | "common" | "toPlan" | "reason",
  string
>;
const emptyRisk: RiskDraft = {
  category: "",
  description: "",
  likelihood: "",
  consequence: "",
  common: "nej",
  toPlan: "ja",
  reason: "",
};
type Risk = YearView["risks"][number];
const riskDraftOf = (r: Risk): RiskDraft => ({
  category: r.category,
  description: r.description,
  likelihood: String(r.likelihood),
  consequence: String(r.consequence),
  common: r.common ? "ja" : "nej",
  toPlan: r.toPlan ? "ja" : "nej",
  reason: r.reason ?? "",
});

/** Adds a risk to the year's analysis, or changes the one being edited (its scores, "till plan" and reason). */
function RiskForm({ v, editing, onDone }: { v: YearView; editing: Risk | null; onDone: () => void }) {
  const add = useAddIkRisk();
  const update = useUpdateIkRisk();
  const [d, setD] = useState<RiskDraft>(editing ? riskDraftOf(editing) : emptyRisk);
  const set = (key: keyof RiskDraft) => (value: string) => setD({ ...d, [key]: value });
  const fields = {
    category: d.category,
    description: d.description,
    common: d.common === "ja",
    likelihood: Number(d.likelihood),
    consequence: Number(d.consequence),
    toPlan: d.toPlan === "ja",
    reason: d.reason,
  };
  const done = () => {
    setD(emptyRisk);
    onDone();
  };
  const mutation = addOrChange(
    editing,
    { add, update },
    { fields, scope: { orgNodeId: v.namnd.id, year: v.year }, done },
  );
  const title = editing ? `Ändra risk ${editing.nr}` : "Ny risk i riskanalysen";
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label={title}>
      <h3>{title}</h3>
      <div className="form-grid">
        <TextField
          id="ik-category"
          label="Kategori"
          value={d.category}
          onChange={set("category")}
          list="ik-categories"
          required
        />
        <datalist id="ik-categories">
          {riskCategories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <SelectField
          id="ik-likelihood"
          label={v.scale.likelihoodName}
          value={d.likelihood}
          onChange={set("likelihood")}
          required
        >
          <option value="">Välj</option>
          {v.scale.likelihoodLabels.map((l, i) => (
            <option key={l} value={i + 1}>
              {i + 1} – {l}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="ik-consequence"
          label={v.scale.consequenceName}
          value={d.consequence}
          onChange={set("consequence")}
          required
        >
          <option value="">Välj</option>
          {v.scale.consequenceLabels.map((l, i) => (
            <option key={l} value={i + 1}>
              {i + 1} – {l}
            </option>
          ))}
        </SelectField>
        <SelectField id="ik-common" label="Kommungemensam" value={d.common} onChange={set("common")}>
          <option value="nej">Nej, nämndens egen</option>
          <option value="ja">Ja</option>
        </SelectField>
        <SelectField id="ik-toplan" label="Till plan" value={d.toPlan} onChange={set("toPlan")}>
          <option value="ja">Ja</option>
          <option value="nej">Nej</option>
        </SelectField>
      </div>
      <label htmlFor="ik-description">Risk</label>
      <textarea
        id="ik-description"
        value={d.description}
        onChange={(e) => set("description")(e.target.value)}
        required
      />
      <label htmlFor="ik-reason">Anledning (krävs om risken inte tas till planen)</label>
      <textarea id="ik-reason" value={d.reason} onChange={(e) => set("reason")(e.target.value)} />
      <SubmitOrCancel label={editing ? "Spara risken" : "Lägg till risk"} onCancel={editing ? done : undefined} />
    </MutationForm>
  );
}

/** The nämnd's decision adopting the year's plan: diarienummer, date and paragraph, as the protokoll has them. */
function PlanForm({ v }: { v: YearView }) {
  const save = useSavePlan();
  const [d, setD] = useState({
    diarienummer: v.plan?.diarienummer ?? "",
    adoptedOn: v.plan?.adoptedOn ?? "",
    decisionRef: v.plan?.decisionRef ?? "",
  });
  const set = (key: keyof typeof d) => (value: string) => setD({ ...d, [key]: value });
  const mutation = {
    error: save.error,
    mutate: () =>
      save.mutate({
        body: {
          orgNodeId: v.namnd.id,
          year: v.year,
          diarienummer: d.diarienummer,
          adoptedOn: d.adoptedOn || null,
          decisionRef: d.decisionRef,
        },
      }),
  };
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label="Nämndens beslut om planen">
      <h3>Nämndens beslut om planen</h3>
      <div className="form-grid">
        <TextField id="ik-plan-dnr" label="Diarienummer" value={d.diarienummer} onChange={set("diarienummer")} />
        <TextField id="ik-plan-date" label="Antagen" type="date" value={d.adoptedOn} onChange={set("adoptedOn")} />
        <TextField id="ik-plan-ref" label="Beslut (paragraf)" value={d.decisionRef} onChange={set("decisionRef")} />
      </div>
      {save.isSuccess ? <p role="status">Sparat.</p> : null}
      <SubmitOrCancel label="Spara beslutet" />
    </MutationForm>
  );
}

function SelfAssessment({ v }: { v: YearView }) {
  const save = useSaveSelfAssessment();
  const [given, setGiven] = useState<Record<string, Answer | "">>(() =>
    Object.fromEntries(v.questions.map((q) => [q.id, q.answer ?? ""])),
  );
  const mutation = {
    error: save.error,
    mutate: () =>
      save.mutate({
        body: {
          orgNodeId: v.namnd.id,
          year: v.year,
          answers: Object.entries(given).flatMap(([questionId, answer]) => (answer ? [{ questionId, answer }] : [])),
        },
      }),
  };
  const rows = (
    <tbody>
      {v.questions.map((q) => (
        <tr key={q.id}>
          <td className="num">{q.nr}</td>
          <td>{q.area}</td>
          <td>{q.text}</td>
          <td>
            {v.canWrite ? (
              <select
                aria-label={`Svar på fråga ${q.nr}`}
                value={given[q.id] ?? ""}
                onChange={(e) => setGiven({ ...given, [q.id]: e.target.value as Answer | "" })}
              >
                <option value="">Ej besvarad</option>
                {answers.map((a) => (
                  <option key={a} value={a}>
                    {answerLabels[a]}
                  </option>
                ))}
              </select>
            ) : q.answer ? (
              answerLabels[q.answer]
            ) : (
              "Ej besvarad"
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
  const table = (
    <ScrollFrame label="Självskattning">
      <table className="data">
        <caption>
          {countOf(v.tally.total.questions, "fråga", "frågor")}: {formatNumber(v.tally.total.omhandertaget)}{" "}
          omhändertagna, {formatNumber(v.tally.total.delvis)} delvis, {formatNumber(v.tally.total.ej)} ej
        </caption>
        <ColumnHeads columns={[{ label: "Nr", num: true }, "Område", "Fråga", "Svar"]} />
        {rows}
      </table>
    </ScrollFrame>
  );
  return v.canWrite ? (
    <MutationForm mutation={mutation} aria-label="Självskattning">
      {table}
      <button type="submit">Spara självskattningen</button>
      {save.isSuccess ? <p role="status">Självskattningen är sparad.</p> : null}
    </MutationForm>
  ) : (
    table
  );
}

/** The nämnd's internkontroll for a year: plan, risk analysis with matrix, granskningar and självskattning. */
export function InternkontrollPage() {
  const { namnd } = useSession();
  const [year, setYear] = useState(thisYear);
  const [editingRisk, setEditingRisk] = useState<Risk | null>(null);
  const result = useYear(year);
  const v = result.data;
  if (!namnd) {
    return (
      <Page title="Internkontroll">
        <p className="notice">Internkontrollen är nämndens. Välj en nämnd eller något under den i organisationen.</p>
      </Page>
    );
  }
  return (
    <Page title={`Internkontroll ${year} – ${namnd.name}`}>
      <div className="toolbar">
        <SelectField
          id="ik-year"
          label="År"
          value={year}
          onChange={(y) => {
            setYear(Number(y));
            setEditingRisk(null);
          }}
        >
          {ikYears.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <Link to={`/kvalitet/internkontroll/rapport?ar=${year}`}>Uppföljningsrapport till KS</Link>
      </div>
      <ErrorMessage error={result.error} />
      {result.isLoading || !v ? (
        <Loading />
      ) : (
        <div className="kp-sections">
          <section aria-labelledby="ik-plan">
            <h2 id="ik-plan">Plan</h2>
            <p>
              {v.plan
                ? [
                    v.plan.diarienummer,
                    v.plan.adoptedOn ? `antagen ${formatDate(v.plan.adoptedOn)}` : null,
                    v.plan.decisionRef,
                  ]
                    .filter(Boolean)
                    .join(", ")
                : "Nämnden har inte antagit någon plan för året."}
            </p>
            {v.canWrite ? <PlanForm key={`${v.namnd.id}-${v.year}`} v={v} /> : null}
          </section>
          <section aria-labelledby="ik-risks">
            <h2 id="ik-risks">Risk- och väsentlighetsanalys</h2>
            <ScrollFrame label="Riskanalys">
              <table className="data">
                <caption>
                  {countOf(v.risks.length, "risk", "risker")}, {formatNumber(v.risks.filter((r) => r.toPlan).length)}{" "}
                  till plan
                </caption>
                <ColumnHeads
                  columns={[
                    { label: "Matrisnr", num: true },
                    "Kategori",
                    "Risk",
                    "Kommungemensam",
                    { label: "Riskvärde", num: true },
                    "Nivå",
                    "Till plan",
                    "Anledning",
                    "Granskning",
                    v.canWrite && "Ändra",
                  ]}
                />
                <tbody>
                  {v.risks.map((r) => (
                    <tr key={r.id}>
                      <td className="num">{r.nr}</td>
                      <td>{r.category}</td>
                      <td>{r.description}</td>
                      <td>{yesNo(r.common)}</td>
                      <td className="num">
                        {r.value} ({r.likelihood} × {r.consequence})
                      </td>
                      <td>
                        <LevelBadge level={r.level} />
                      </td>
                      <td>{yesNo(r.toPlan)}</td>
                      <td>{r.reason ?? "–"}</td>
                      <td>{r.granskningNrs.join(", ") || "–"}</td>
                      {v.canWrite ? (
                        <td>
                          <button type="button" onClick={() => setEditingRisk(r)} aria-label={`Ändra risk ${r.nr}`}>
                            Ändra
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
            <p className="muted">
              Nivåer: {levelRanges(v.scale.levels)}. Planens risker:{" "}
              {v.levelCounts.map((c) => `${c.level} ${formatNumber(c.count)}`).join(", ")}.
            </p>
            <ScrollFrame label="Riskmatris">
              <RiskMatrix scale={v.scale} matrix={v.matrix} caption={`Riskmatris, planens risker ${v.year}`} />
            </ScrollFrame>
            {v.canWrite ? (
              <RiskForm
                key={editingRisk?.id ?? "new"}
                v={v}
                editing={editingRisk}
                onDone={() => setEditingRisk(null)}
              />
            ) : null}
          </section>
          <GranskningSection v={v} />
          <section aria-labelledby="ik-self">
            <h2 id="ik-self">Självskattning</h2>
            <SelfAssessment key={`${v.namnd.id}-${v.year}`} v={v} />
          </section>
        </div>
      )}
    </Page>
  );
}
