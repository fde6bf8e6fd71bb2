import type { FormEvent } from "react";
import { useParams } from "react-router-dom";
import type * as kvalitet from "../../kvalitet/api.ts";
import {
  eventKindLabels,
  eventStatusLabels,
  type TypeGroup,
  typeGroupLabels,
  typeGroups,
  workCategoryLabels,
} from "../../kvalitet/vocabulary.ts";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import { formatCount, formatDate } from "../../platform/i18n/format.ts";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useCloseEvent, useUpdateEvent } from "./mutations.ts";
import { useEvent, useLists } from "./queries.ts";
import type { KvalitetEvent } from "./types.ts";

type Patch = BodyOf<typeof kvalitet.updateEvent>;

/** The facts of the händelse as reported, and its handling so far. */
function Facts({ event: e }: { event: KvalitetEvent }) {
  const rows: [string, string][] = [
    ["Slag", e.category ? `${eventKindLabels[e.kind]}: ${workCategoryLabels[e.category]}` : eventKindLabels[e.kind]],
    ["Enhet", e.area ? `${e.unit.name} (${e.area.name})` : e.unit.name],
    ["Inträffade", formatDate(e.occurredOn)],
    ["Upptäcktes", formatDate(e.noticedOn)],
    [
      "Rapporterad",
      `${formatDate(e.reportedOn)} (${formatCount(e.ageDays, "dag", "dagar")}${e.closedOn ? " till avslut" : ""})`,
    ],
    ["Status", e.closedOn ? `${eventStatusLabels[e.status]} ${formatDate(e.closedOn)}` : eventStatusLabels[e.status]],
    ["Vad hände", e.whatHappened],
    ["Omedelbar åtgärd", e.immediateAction ?? "–"],
    ["Typer", e.types.map((t) => t.name).join(", ") || "–"],
    ["Orsaker", e.causes.map((c) => c.name).join(", ") || "–"],
    ["Utredning", e.investigation ?? "–"],
    ["Åtgärder", e.measures ?? "–"],
    ["Lex Sarah", e.lexSarahOn ? `Rapporterad ${formatDate(e.lexSarahOn)}` : "Nej"],
    ["MAS (vårdskada)", e.masOn ? `Rapporterad ${formatDate(e.masOn)}` : "Nej"],
  ];
  return (
    <dl className="kvalitet-facts card" aria-label="Händelsen">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The enhetschef's form: classify (several types), investigate, causes, measures, escalate; then close. */
function HandlingForm({ event: e }: { event: KvalitetEvent }) {
  const lists = useLists();
  const update = useUpdateEvent();
  const close = useCloseEvent();
  const chosenTypes = new Set(e.types.map((t) => t.code));
  const chosenCauses = new Set(e.causes.map((c) => c.code));

  const patchOf = (form: HTMLFormElement): Patch => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim() || null;
    return {
      ...(e.kind === "avvikelse" ? { types: data.getAll("types").map(String) } : {}),
      causes: data.getAll("causes").map(String),
      investigation: text("investigation"),
      measures: text("measures"),
      ...(e.kind === "avvikelse" ? { lexSarahOn: text("lexSarahOn"), masOn: text("masOn") } : {}),
    };
  };
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    close.reset();
    update.mutate({ params: { id: e.id }, body: patchOf(event.currentTarget) });
  };
  // Closing saves what the form holds first, so nothing typed is lost and the rules see it.
  const saveAndClose = (form: HTMLFormElement | null) => {
    if (!form) return;
    update.mutate(
      { params: { id: e.id }, body: patchOf(form) },
      { onSuccess: () => close.mutate({ params: { id: e.id }, body: {} }) },
    );
  };

  if (lists.isLoading) return <Loading what="Laddar typer och orsaker" />;
  const types = lists.data?.types.filter((t) => t.active || chosenTypes.has(t.code)) ?? [];
  const causes = lists.data?.causes.filter((c) => c.active || chosenCauses.has(c.code)) ?? [];
  const group = (g: TypeGroup) => types.filter((t) => t.group === g);
  return (
    <form className="kvalitet-form" onSubmit={save} aria-label="Utred händelsen" id="kv-handling">
      {e.kind === "avvikelse" ? (
        <fieldset>
          <legend>Klassificering (en eller flera typer)</legend>
          {typeGroups
            .filter((g) => group(g).length > 0)
            .map((g) => (
              <fieldset key={g}>
                <legend>{typeGroupLabels[g]}</legend>
                <div className="kvalitet-choices">
                  {group(g).map((t) => (
                    <label key={t.code}>
                      <input type="checkbox" name="types" value={t.code} defaultChecked={chosenTypes.has(t.code)} />
                      {t.name}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Utredning</legend>
        <label htmlFor="kv-investigation">Utredning</label>
        <textarea id="kv-investigation" name="investigation" maxLength={4000} defaultValue={e.investigation ?? ""} />
        <fieldset>
          <legend>Orsaker</legend>
          <div className="kvalitet-choices">
            {causes.map((c) => (
              <label key={c.code}>
                <input type="checkbox" name="causes" value={c.code} defaultChecked={chosenCauses.has(c.code)} />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="kv-measures">Åtgärder</label>
        <textarea id="kv-measures" name="measures" maxLength={4000} defaultValue={e.measures ?? ""} />
      </fieldset>
      {e.kind === "avvikelse" ? (
        <fieldset>
          <legend>Eskalering</legend>
          <div className="form-grid">
            <div>
              <label htmlFor="kv-sarah">Lex Sarah-rapport (SAS), datum</label>
              <input id="kv-sarah" name="lexSarahOn" type="date" defaultValue={e.lexSarahOn ?? ""} />
            </div>
            <div>
              <label htmlFor="kv-mas">Till MAS som vårdskada, datum</label>
              <input id="kv-mas" name="masOn" type="date" defaultValue={e.masOn ?? ""} />
            </div>
          </div>
        </fieldset>
      ) : null}
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
          Avsluta som utredd
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

/** One händelse: the facts for readers with read:kvalitet (the read is logged), the handling for its handlers. */
export function EventPage() {
  const { id = "" } = useParams();
  const result = useEvent(id);
  const e = result.data;
  return (
    <Page title={e ? `Händelse ${formatDate(e.occurredOn)} – ${e.unit.name}` : "Händelse"}>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {e ? (
        <>
          {e.warnings.map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
          <Facts event={e} />
          {e.canWrite && e.status !== "avslutad" ? <HandlingForm key={e.id} event={e} /> : null}
        </>
      ) : null}
    </Page>
  );
}
