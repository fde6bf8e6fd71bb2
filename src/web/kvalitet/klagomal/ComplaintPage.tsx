import type { FormEvent } from "react";
import { useParams } from "react-router-dom";
import type * as klagomal from "../../../kvalitet/klagomal/api.ts";
import { channelLabels, complaintTypeLabels } from "../../../kvalitet/klagomal/vocabulary.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { answerText, kindText, senderText } from "./labels.ts";
import { useCloseComplaint, useUpdateComplaint } from "./mutations.ts";
import { useComplaint } from "./queries.ts";

type Complaint = OutputOf<typeof klagomal.complaint>;

function Facts({ complaint: c }: { complaint: Complaint }) {
  const rows: [string, string][] = [
    ["Typ", kindText(c)],
    ["Enhet", c.area && c.area.id !== c.unit.id ? `${c.unit.name} (${c.area.name})` : c.unit.name],
    ["Mottagen", formatDate(c.receivedOn)],
    ["Kanal", channelLabels[c.channel]],
    ["Avsändare", senderText(c)],
    ["Politisk", c.political ? "Ja" : "Nej"],
    ["Diarienummer", c.dnr ?? "–"],
    ["Sammanfattning", c.summary],
    ["Bekräftad", c.acknowledgedOn ? formatDate(c.acknowledgedOn) : "–"],
    ["Svar", answerText(c)],
    ["Svaret i korthet", c.answer ?? "–"],
    ["Åtgärder", c.measures ?? "–"],
    ["Avslutad", c.closedOn ? formatDate(c.closedOn) : "Nej"],
  ];
  return (
    <dl className="kvalitet-facts card" aria-label="Synpunkten">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The handler's form: acknowledge, answer, measures; then close. */
function HandlingForm({ complaint: c }: { complaint: Complaint }) {
  const update = useUpdateComplaint();
  const close = useCloseComplaint();
  const patchOf = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim() || null;
    return {
      acknowledgedOn: text("acknowledgedOn"),
      answeredOn: text("answeredOn"),
      answer: text("answer"),
      measures: text("measures"),
    };
  };
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    close.reset();
    update.mutate({ params: { id: c.id }, body: patchOf(event.currentTarget) });
  };
  // Closing saves what the form holds first, so nothing typed is lost and the rules see it.
  const saveAndClose = (form: HTMLFormElement | null) => {
    if (!form) return;
    update.mutate(
      { params: { id: c.id }, body: patchOf(form) },
      { onSuccess: () => close.mutate({ params: { id: c.id }, body: {} }) },
    );
  };
  return (
    <form className="kvalitet-form" onSubmit={save} aria-label="Handlägg synpunkten">
      <fieldset>
        <legend>Svar inom 10 dagar från bekräftelsen</legend>
        <div className="form-grid">
          <div>
            <label htmlFor="kl-h-ack">Mottagandet bekräftat</label>
            <input id="kl-h-ack" name="acknowledgedOn" type="date" defaultValue={c.acknowledgedOn ?? ""} />
          </div>
          <div>
            <label htmlFor="kl-h-answered">Besvarad</label>
            <input id="kl-h-answered" name="answeredOn" type="date" defaultValue={c.answeredOn ?? ""} />
          </div>
        </div>
        <label htmlFor="kl-h-answer">Svaret i korthet</label>
        <textarea id="kl-h-answer" name="answer" maxLength={4000} defaultValue={c.answer ?? ""} />
        <label htmlFor="kl-h-measures">Åtgärder</label>
        <textarea id="kl-h-measures" name="measures" maxLength={4000} defaultValue={c.measures ?? ""} />
      </fieldset>
      <div className="toolbar">
        <button type="submit" disabled={update.isPending || close.isPending}>
          Spara
        </button>
        <button
          type="button"
          className="primary"
          disabled={update.isPending || close.isPending}
          onClick={(event) => saveAndClose(event.currentTarget.form)}
        >
          Avsluta
        </button>
      </div>
      {update.isSuccess && !close.isPending && !close.isSuccess ? (
        <p role="status" className="ok">
          Sparat.
        </p>
      ) : null}
      <ErrorMessage error={close.error ?? update.error} />
    </form>
  );
}

/** One synpunkt: the facts for readers with read:kvalitet (the read is logged), the handling for its handlers. */
export function ComplaintPage() {
  const { id = "" } = useParams();
  const result = useComplaint(id);
  const c = result.data;
  return (
    <Page title={c ? `${complaintTypeLabels[c.type]} ${formatDate(c.receivedOn)} – ${c.unit.name}` : "Synpunkt"}>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {c ? (
        <>
          {c.warnings.map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
          <Facts complaint={c} />
          {c.canWrite && c.closedOn === null ? <HandlingForm key={c.id} complaint={c} /> : null}
        </>
      ) : null}
    </Page>
  );
}
