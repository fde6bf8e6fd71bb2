import { type FormEvent, useState } from "react";
import type * as kvalitet from "../../kvalitet/api.ts";
import { type EventKind, eventKindLabels, workCategories, workCategoryLabels } from "../../kvalitet/vocabulary.ts";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import { useSession } from "../session.tsx";
import { ErrorMessage, Page } from "../ui/Page.tsx";
import { useReportEvent } from "./mutations.ts";

type ReportFields = BodyOf<typeof kvalitet.reportEvent>;

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());

/** Where the user may report: the units and operating areas they may read. */
function useReportableUnits() {
  const { tree, can } = useSession();
  return tree.filter((n) => (n.kind === "enhet" || n.kind === "verksamhetsomrade") && can("read", n.id));
}

/**
 * Anyone reports a händelse on a unit where they work. The reporter's name is not part of the report, and
 * the reporter does not get it back: they see that it arrived.
 */
export function ReportPage() {
  const { orgNode } = useSession();
  const units = useReportableUnits();
  const report = useReportEvent();
  const [kind, setKind] = useState<EventKind>("avvikelse");
  const defaultUnit = units.find((u) => u.id === orgNode?.id)?.id ?? units[0]?.id;
  const text = (data: FormData, key: string) => String(data.get(key) ?? "").trim();

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body: ReportFields = {
      orgNodeId: text(data, "orgNodeId"),
      kind,
      // The select offers only the schema's categories.
      category: kind === "arbetsmiljo" ? (text(data, "category") as ReportFields["category"]) : null,
      occurredOn: text(data, "occurredOn"),
      noticedOn: text(data, "noticedOn"),
      whatHappened: text(data, "whatHappened"),
      immediateAction: text(data, "immediateAction") || null,
    };
    report.mutate(body, { onSuccess: () => form.reset() });
  };

  return (
    <Page title="Rapportera händelse">
      {report.data ? (
        <div className="card" role="status">
          <p>
            <strong>Händelsen är rapporterad {report.data.reportedOn}.</strong> Enhetschefen klassificerar och utreder
            den.
          </p>
          {report.data.warnings.map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
        </div>
      ) : null}
      <p>
        Rapportera det som har hänt eller hade kunnat hända. Ditt namn står inte i rapporten. Skriv inga personnummer
        eller namn på den enskilde.
      </p>
      {units.length === 0 ? (
        <p className="notice">Du har ingen enhet att rapportera på.</p>
      ) : (
        <form onSubmit={send} className="kvalitet-form" aria-label="Rapportera händelse">
          <fieldset>
            <legend>Var och när</legend>
            <div className="form-grid">
              <div>
                <label htmlFor="kv-unit">Enhet</label>
                <select id="kv-unit" name="orgNodeId" defaultValue={defaultUnit} required>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="kv-kind">Slag av händelse</label>
                <select id="kv-kind" value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
                  {(Object.keys(eventKindLabels) as EventKind[]).map((k) => (
                    <option key={k} value={k}>
                      {eventKindLabels[k]}
                    </option>
                  ))}
                </select>
              </div>
              {kind === "arbetsmiljo" ? (
                <div>
                  <label htmlFor="kv-category">Kategori</label>
                  <select id="kv-category" name="category" required defaultValue="">
                    <option value="" disabled>
                      Välj
                    </option>
                    {workCategories.map((c) => (
                      <option key={c} value={c}>
                        {workCategoryLabels[c]}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <div>
                <label htmlFor="kv-occurred">Inträffade</label>
                <input id="kv-occurred" name="occurredOn" type="date" required max={today()} />
              </div>
              <div>
                <label htmlFor="kv-noticed">Upptäcktes</label>
                <input id="kv-noticed" name="noticedOn" type="date" required max={today()} />
              </div>
            </div>
          </fieldset>
          <fieldset>
            <legend>Vad hände</legend>
            <label htmlFor="kv-what">Beskriv vad som hände</label>
            <textarea id="kv-what" name="whatHappened" required maxLength={4000} aria-describedby="kv-what-hint" />
            <p id="kv-what-hint" className="hint">
              Ett personnummer i texten maskeras när du skickar.
            </p>
            <label htmlFor="kv-action">Omedelbar åtgärd</label>
            <textarea id="kv-action" name="immediateAction" maxLength={4000} />
          </fieldset>
          <button type="submit" className="primary" disabled={report.isPending}>
            Skicka rapporten
          </button>
          <ErrorMessage error={report.error} />
        </form>
      )}
    </Page>
  );
}
