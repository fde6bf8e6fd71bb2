import { type FormEvent, useState } from "react";
import { useParams } from "react-router-dom";
import type * as lexSarah from "../../../kvalitet/lex-sarah/api.ts";
import {
  caseStatusLabels,
  consequenceLabels,
  consequences,
  entryKindLabels,
  entryKinds,
  type Finding,
  findingLabels,
  findings,
  type Outcome,
  outcomeLabels,
  outcomes,
  recurrenceLabels,
  recurrenceRisks,
  reportRouteLabels,
} from "../../../kvalitet/lex-sarah/vocabulary.ts";
import type { BodyOf } from "../../../platform/http/endpoint.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { useAddEntry, useDecide, useUpdateCase, useUpdateIvo } from "./mutations.ts";
import { useCase, useCases, useLexSarahLists } from "./queries.ts";
import type { LexSarahCase } from "./types.ts";

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
const yesNo = (value: boolean | null) => (value === null ? "Ej bedömt" : value ? "Ja" : "Nej");

function Facts({ c }: { c: LexSarahCase }) {
  const d = c.decision;
  const rows: [string, string][] = [
    ["Nummer", `${c.number} (${c.namnd.name})`],
    ["Enhet", c.area ? `${c.unit.name} (${c.area.name})` : c.unit.name],
    ["Rapporterad", formatDate(c.reportedOn)],
    ["Upptäcktes", formatDate(c.noticedOn)],
    ["Inträffade", c.occurredOn ? formatDate(c.occurredOn) : "Okänt"],
    ["Rapport gällande", c.gist],
    ["Kategori", c.category.name],
    ["Hur rapporten kom in", reportRouteLabels[c.route]],
    ["Status", caseStatusLabels[c.status]],
    ["Brist", yesNo(c.brist)],
    ["Konsekvens", c.consequence ? consequenceLabels[c.consequence] : "Ej bedömd"],
    ["Risk för upprepning", c.recurrence ? recurrenceLabels[c.recurrence] : "Ej bedömd"],
    ["Orsaker", c.causes.map((x) => x.name).join(", ") || "–"],
    ["Åtgärder", c.measures.map((x) => x.name).join(", ") || "–"],
  ];
  if (d) {
    rows.push(["Beslut", `${formatDate(d.decidedOn)}: ${outcomeLabels[d.outcome]}`]);
    if (d.finding) rows.push(["Bedömning", findingLabels[d.finding]]);
    if (d.cases.length > 1) rows.push(["Beslutat tillsammans", d.cases.map((x) => x.number).join(", ")]);
  }
  return (
    <dl className="kvalitet-facts card" aria-label="Ärendet">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Entries({ c }: { c: LexSarahCase }) {
  if (c.entries.length === 0) return <p>Utredningen har inga uppgifter ännu.</p>;
  return (
    <ScrollFrame label="Utredningens uppgifter">
      <table className="data">
        <caption>Utredningen (SOSFS 2011:5)</caption>
        <ColumnHeads columns={["Datum", "Utredningspunkt", "Källa", "Fakta/bedömning", "Uppgift", "Skriven av"]} />
        <tbody>
          {c.entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDate(e.entryDate)}</td>
              <td>{e.item.name}</td>
              <td>{e.source}</td>
              <td>{entryKindLabels[e.kind]}</td>
              <td style={{ whiteSpace: "pre-wrap" }}>{e.text}</td>
              <td>{e.author}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}

type Patch = BodyOf<typeof lexSarah.update>;

/** The assessment the decision needs: brist, consequence, recurrence, causes and measures. */
function AssessmentForm({ c }: { c: LexSarahCase }) {
  const lists = useLexSarahLists();
  const update = useUpdateCase();
  const chosen = new Set([...c.causes, ...c.measures].map((x) => x.code));
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (key: string) => String(data.get(key) ?? "") || null;
    const brist = value("brist");
    const body: Patch = {
      brist: brist === null ? null : brist === "ja",
      // The selects offer only the schema's values.
      consequence: value("consequence") as Patch["consequence"],
      recurrence: value("recurrence") as Patch["recurrence"],
      causes: data.getAll("causes").map(String),
      measures: data.getAll("measures").map(String),
    };
    update.mutate({ params: { id: c.id }, body });
  };
  const choices = (name: string, entries: { code: string; name: string; active: boolean }[] = []) => (
    <div className="kvalitet-choices">
      {entries
        .filter((e) => e.active || chosen.has(e.code))
        .map((e) => (
          <label key={e.code}>
            <input type="checkbox" name={name} value={e.code} defaultChecked={chosen.has(e.code)} />
            {e.name}
          </label>
        ))}
    </div>
  );
  return (
    <form className="kvalitet-form" onSubmit={save} aria-label="Bedömning">
      <fieldset>
        <legend>Bedömning</legend>
        <div className="form-grid">
          <div>
            <label htmlFor="ls-brist">Brist</label>
            <select id="ls-brist" name="brist" defaultValue={c.brist === null ? "" : c.brist ? "ja" : "nej"}>
              <option value="">Ej bedömt</option>
              <option value="ja">Ja</option>
              <option value="nej">Nej</option>
            </select>
          </div>
          <div>
            <label htmlFor="ls-consequence">Konsekvens för den enskilde</label>
            <select id="ls-consequence" name="consequence" defaultValue={c.consequence ?? ""}>
              <option value="">Ej bedömd</option>
              {consequences.map((x) => (
                <option key={x} value={x}>
                  {consequenceLabels[x]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="ls-recurrence">Risk för upprepning</label>
            <select id="ls-recurrence" name="recurrence" defaultValue={c.recurrence ?? ""}>
              <option value="">Ej bedömd</option>
              {recurrenceRisks.map((x) => (
                <option key={x} value={x}>
                  {recurrenceLabels[x]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend>Orsaker</legend>
          {choices("causes", lists.data?.causes)}
        </fieldset>
        <fieldset>
          <legend>Åtgärder</legend>
          {choices("measures", lists.data?.measures)}
        </fieldset>
        <button type="submit" disabled={update.isPending}>
          Spara bedömningen
        </button>
        {update.isSuccess ? (
          <p role="status" className="ok">
            Sparat.
          </p>
        ) : null}
        <ErrorMessage error={update.error} />
      </fieldset>
    </form>
  );
}

type Entry = BodyOf<typeof lexSarah.addEntry>;

function EntryForm({ c }: { c: LexSarahCase }) {
  const lists = useLexSarahLists();
  const add = useAddEntry();
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const body: Entry = {
      entryDate: text("entryDate"),
      item: text("item"),
      source: text("source"),
      kind: text("kind") as Entry["kind"],
      text: text("text"),
    };
    add.mutate({ params: { id: c.id }, body }, { onSuccess: () => form.reset() });
  };
  return (
    <form className="kvalitet-form" onSubmit={save} aria-label="Ny uppgift i utredningen">
      <fieldset>
        <legend>Ny uppgift i utredningen</legend>
        <div className="form-grid">
          <div>
            <label htmlFor="ls-entry-date">Datum</label>
            <input id="ls-entry-date" name="entryDate" type="date" required max={today()} defaultValue={today()} />
          </div>
          <div>
            <label htmlFor="ls-entry-item">Utredningspunkt</label>
            <select id="ls-entry-item" name="item" required defaultValue="">
              <option value="" disabled>
                Välj
              </option>
              {lists.data?.items
                .filter((i) => i.active)
                .map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor="ls-entry-source">Källa</label>
            <input id="ls-entry-source" name="source" required maxLength={300} />
          </div>
          <div>
            <label htmlFor="ls-entry-kind">Fakta eller bedömning</label>
            <select id="ls-entry-kind" name="kind" defaultValue="fakta">
              {entryKinds.map((k) => (
                <option key={k} value={k}>
                  {entryKindLabels[k]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor="ls-entry-text">Uppgift</label>
        <textarea id="ls-entry-text" name="text" required maxLength={4000} />
        <button type="submit" disabled={add.isPending}>
          Lägg till uppgiften
        </button>
        <ErrorMessage error={add.error} />
      </fieldset>
    </form>
  );
}

/** SAS's decision: outcome, what an A found, and other cases decided together with this one. */
function DecisionForm({ c }: { c: LexSarahCase }) {
  const decide = useDecide();
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const open = useCases({ status: "under_utredning" }, 200);
  const others = (open.data?.cases ?? []).filter((x) => x.id !== c.id);
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    decide.mutate({
      params: { id: c.id },
      body: {
        decidedOn: String(data.get("decidedOn") ?? ""),
        // The select offers only the schema's outcomes; an empty one is refused by the server, naming it.
        outcome: outcome as Outcome,
        finding: outcome === "A" ? ((String(data.get("finding") ?? "") || null) as Finding | null) : null,
        together: data.getAll("together").map(String),
      },
    });
  };
  return (
    <form className="kvalitet-form" onSubmit={save} aria-label="Beslut">
      <fieldset>
        <legend>Beslut</legend>
        <div className="form-grid">
          <div>
            <label htmlFor="ls-decided">Beslutsdatum</label>
            <input id="ls-decided" name="decidedOn" type="date" required max={today()} defaultValue={today()} />
          </div>
          <div>
            <label htmlFor="ls-outcome">Utfall</label>
            <select id="ls-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | "")}>
              <option value="">Välj</option>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabels[o]}
                </option>
              ))}
            </select>
          </div>
          {outcome === "A" ? (
            <div>
              <label htmlFor="ls-finding">Bedömning</label>
              <select id="ls-finding" name="finding" defaultValue="">
                <option value="">Välj</option>
                {findings.map((f) => (
                  <option key={f} value={f}>
                    {findingLabels[f]}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        {others.length > 0 ? (
          <fieldset>
            <legend>Beslutas tillsammans med</legend>
            <div className="kvalitet-choices">
              {others.map((x) => (
                <label key={x.id}>
                  <input type="checkbox" name="together" value={x.id} />
                  {x.number} {x.gist}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <button type="submit" className="primary" disabled={decide.isPending}>
          Besluta
        </button>
        <ErrorMessage error={decide.error} />
      </fieldset>
    </form>
  );
}

/** The IVO anmälan of a C decision: the package (form, finished investigation), sent date, IVO's reference. */
function IvoForm({ c }: { c: LexSarahCase }) {
  const ivo = c.decision?.ivo;
  const update = useUpdateIvo();
  if (!ivo) return null;
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim() || null;
    update.mutate({
      params: { id: c.id },
      body: {
        formDone: data.get("formDone") === "on",
        investigationAttached: data.get("investigationAttached") === "on",
        sentOn: text("sentOn"),
        reference: text("reference"),
      },
    });
  };
  return (
    <form className="kvalitet-form" onSubmit={save} aria-label="Anmälan till IVO">
      <fieldset>
        <legend>Anmälan till IVO</legend>
        {ivo.overdue ? (
          <p className="notice">Anmälan ska göras snarast och skulle ha skickats senast {formatDate(ivo.dueBy)}.</p>
        ) : (
          <p className="hint">
            Skickas snarast, senast {formatDate(ivo.dueBy)}, via e-tjänst eller post (inte e-post).
          </p>
        )}
        <div className="kvalitet-choices">
          <label>
            <input type="checkbox" name="formDone" defaultChecked={ivo.formDone} disabled={!c.canWrite} />
            Blanketten ”Anmälan – lex Sarah” är ifylld
          </label>
          <label>
            <input
              type="checkbox"
              name="investigationAttached"
              defaultChecked={ivo.investigationAttached}
              disabled={!c.canWrite}
            />
            Den färdiga utredningen är bifogad
          </label>
        </div>
        <div className="form-grid">
          <div>
            <label htmlFor="ls-ivo-sent">Skickad</label>
            <input id="ls-ivo-sent" name="sentOn" type="date" max={today()} defaultValue={ivo.sentOn ?? ""} />
          </div>
          <div>
            <label htmlFor="ls-ivo-ref">IVO:s diarienummer</label>
            <input id="ls-ivo-ref" name="reference" maxLength={100} defaultValue={ivo.reference ?? ""} />
          </div>
        </div>
        {c.canWrite ? (
          <button type="submit" disabled={update.isPending}>
            Spara anmälan
          </button>
        ) : null}
        <ErrorMessage error={update.error} />
      </fieldset>
    </form>
  );
}

/** One lex Sarah case: facts, the investigation record, the assessment, the decision and the IVO anmälan. */
export function CasePage() {
  const { id = "" } = useParams();
  const result = useCase(id);
  const c = result.data;
  return (
    <Page title={c ? `Lex Sarah ${c.number} – ${c.unit.name}` : "Lex Sarah"}>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {c ? (
        <>
          {c.warnings.map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
          <Facts c={c} />
          <h2>Utredning</h2>
          <Entries c={c} />
          {c.canWrite && !c.decision ? (
            <>
              <EntryForm key={`entry-${c.entries.length}`} c={c} />
              <AssessmentForm key={`assess-${c.id}`} c={c} />
              <DecisionForm key={`decide-${c.id}`} c={c} />
            </>
          ) : null}
          <IvoForm key={`ivo-${c.decision?.id}`} c={c} />
        </>
      ) : null}
    </Page>
  );
}
