import { type FormEvent, type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type * as evb from "../../evb/api.ts";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import { formatCount, formatDate, formatDateTime } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import {
  latestError,
  useAddInterruption,
  useAddOffer,
  useCloseDecision,
  useCreateDecision,
  useDeleteOffer,
  useExecuteDecision,
  useUpdateDecision,
  useUpdateInterruption,
} from "./mutations.ts";
import { CodeOptions, Field } from "./parts.tsx";
import { useCatalogue, useDecision } from "./queries.ts";
import type { Decision } from "./types.ts";
import { useWritableUnits } from "./units.ts";

type DecisionFields = BodyOf<typeof evb.createDecision>;

/** A trimmed input; "" when empty (the required ones are never empty when a form is sent). */
const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
/** An optional input; empty means null (cleared). */
const value = (form: FormData, key: string): string | null => text(form, key) || null;

/** The decision fields as the API takes them; empty inputs become null (cleared). */
function decisionPayload(form: FormData): DecisionFields {
  return {
    orgNodeId: text(form, "orgNodeId"),
    personId: text(form, "personId"),
    // The selects offer only the schema's values, or "" for none.
    sex: value(form, "sex") as DecisionFields["sex"],
    protectedIdentity: form.get("protectedIdentity") === "on",
    insatsId: text(form, "insatsId"),
    decisionDate: text(form, "decisionDate"),
    partsTotal: Number(value(form, "partsTotal") ?? 1),
    partsExecuted: Number(value(form, "partsExecuted") ?? 0),
    delayReason: value(form, "delayReason"),
    reasonText: value(form, "reasonText"),
    interimSupport: value(form, "interimSupport"),
    executedDate: value(form, "executedDate"),
    closedDate: value(form, "closedDate"),
    closureReason: value(form, "closureReason"),
  };
}

function DecisionForm({
  initial,
  submitLabel,
  onSubmit,
  pending,
}: {
  initial?: Decision;
  submitLabel: string;
  onSubmit: (payload: DecisionFields) => void;
  pending: boolean;
}) {
  const catalogue = useCatalogue();
  const units = useWritableUnits();
  const { orgNode } = useSession();
  const defaultUnit = initial?.orgNodeId ?? units.find((u) => u.id === orgNode?.id)?.id ?? units[0]?.id;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(decisionPayload(new FormData(event.currentTarget)));
  };
  const insatser = catalogue.data?.insatser.filter((i) => i.active || i.id === initial?.insats.id) ?? [];
  const codes = (list: { code: string; label: string; active: boolean }[] | undefined, current?: string | null) =>
    (list ?? []).filter((c) => c.active || c.code === current);
  if (catalogue.isLoading) return <Loading what="Laddar insatskatalogen" />;
  return (
    <form className="evb-form" onSubmit={submit} aria-label={submitLabel}>
      <fieldset>
        <legend>Person och beslut</legend>
        <div className="form-grid">
          <Field id="evb-unit" label="Enhet">
            <select id="evb-unit" name="orgNodeId" defaultValue={defaultUnit} required>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="evb-person" label="Id (ÅÅÅÅMMDD-T123)">
            <input
              id="evb-person"
              name="personId"
              required
              defaultValue={initial?.personId}
              pattern="\d{8}-[Tt]\d{3}"
              aria-describedby="evb-person-hint"
              autoComplete="off"
            />
            <p id="evb-person-hint" className="hint">
              IVO:s avidentifierade id: födelsedatum, T och tre siffror. Aldrig personnummer. Tredje tecknet efter
              bindestrecket är jämnt för kvinna, udda för man.
            </p>
          </Field>
          <Field id="evb-sex" label="Kön">
            <select id="evb-sex" name="sex" defaultValue={initial?.sex ?? ""}>
              <option value="">Läs från id</option>
              <option value="K">Kvinna</option>
              <option value="M">Man</option>
            </select>
          </Field>
          <div className="checkbox">
            <input
              id="evb-protected"
              name="protectedIdentity"
              type="checkbox"
              defaultChecked={initial?.protectedIdentity}
            />
            <label htmlFor="evb-protected">Skyddad identitet</label>
          </div>
          <Field id="evb-insats" label="Insats">
            <select id="evb-insats" name="insatsId" defaultValue={initial?.insats.id} required>
              {(["LSS", "SoL"] as const).map((law) => (
                <optgroup key={law} label={law}>
                  {insatser
                    .filter((i) => i.law === law)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.name} ({i.lagrum})
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <Field id="evb-decided" label="Beslutsdatum">
            <input id="evb-decided" name="decisionDate" type="date" required defaultValue={initial?.decisionDate} />
          </Field>
          <Field id="evb-parts" label="Antal insatser i beslutet">
            <input
              id="evb-parts"
              name="partsTotal"
              type="number"
              min={1}
              max={20}
              defaultValue={initial?.partsTotal ?? 1}
            />
          </Field>
          <Field id="evb-parts-done" label="Varav verkställda">
            <input
              id="evb-parts-done"
              name="partsExecuted"
              type="number"
              min={0}
              max={20}
              defaultValue={initial?.partsExecuted ?? 0}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Skäl till att beslutet inte verkställts</legend>
        <div className="form-grid">
          <Field id="evb-reason" label="Orsak">
            <select id="evb-reason" name="delayReason" defaultValue={initial?.delayReason?.code ?? ""}>
              <option value="">Ingen angiven</option>
              <CodeOptions codes={codes(catalogue.data?.delayReasons, initial?.delayReason?.code)} />
            </select>
          </Field>
        </div>
        <label htmlFor="evb-reason-text">Beskrivning</label>
        <textarea
          id="evb-reason-text"
          name="reasonText"
          defaultValue={initial?.reasonText ?? ""}
          aria-describedby="evb-reason-hint"
        />
        <p id="evb-reason-hint" className="hint">
          Visas i nämndens tabell. Skriv utan personuppgifter, t.ex. ”Saknas plats” eller ”Tackat nej till 2
          erbjudanden”.
        </p>
        <label htmlFor="evb-interim">Stöd i väntan och konsekvenser</label>
        <textarea id="evb-interim" name="interimSupport" defaultValue={initial?.interimSupport ?? ""} />
      </fieldset>
      <fieldset>
        <legend>Verkställt eller avslutat</legend>
        <div className="form-grid">
          <Field id="evb-executed" label="Verkställt datum">
            <input id="evb-executed" name="executedDate" type="date" defaultValue={initial?.executedDate ?? ""} />
          </Field>
          <Field id="evb-closed" label="Avslutat datum">
            <input id="evb-closed" name="closedDate" type="date" defaultValue={initial?.closedDate ?? ""} />
          </Field>
          <Field id="evb-closure" label="Avslutsorsak">
            <select id="evb-closure" name="closureReason" defaultValue={initial?.closureReason?.code ?? ""}>
              <option value="">Inte avslutat</option>
              <CodeOptions codes={codes(catalogue.data?.closureReasons, initial?.closureReason?.code)} />
            </select>
          </Field>
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

export function NewDecisionPage() {
  const navigate = useNavigate();
  const create = useCreateDecision();
  return (
    <Page title="Registrera beslut">
      <ErrorMessage error={create.error} />
      <DecisionForm
        submitLabel="Spara beslutet"
        onSubmit={(p) => create.mutate(p, { onSuccess: (d) => navigate(`/evb/register/${d.id}`) })}
        pending={create.isPending}
      />
    </Page>
  );
}

/** One term of the decision's fact list. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

const answerLabel = (a: string | null) => (a === "ja" ? "Tackat ja" : a === "nej" ? "Tackat nej" : "Ej besvarat");
const actionLabels: Record<string, string> = {
  create: "Registrerat",
  update: "Ändrat",
  delete: "Borttaget",
  execute: "Verkställt",
  close: "Avslutat",
};
const entityLabels: Record<string, string> = {
  evb_decision: "Beslut",
  evb_offer: "Erbjudande",
  evb_interruption: "Avbrott",
};

/** One decision: where its clock stands, edit form, offers, interruptions and its audit trail. */
export function DecisionPage() {
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const detail = useDecision(id);
  const update = useUpdateDecision();
  const execute = useExecuteDecision();
  const close = useCloseDecision();
  const addOffer = useAddOffer();
  const deleteOffer = useDeleteOffer();
  const addInterruption = useAddInterruption();
  const resume = useUpdateInterruption();
  const changes = [update, execute, close, addOffer, deleteOffer, addInterruption, resume];
  // Any saved change closes the editor: its fields hold the decision as it was and would write that back.
  const saved = { onSuccess: () => setEditing(false) };
  /** Sends what `send` makes of a small form's inputs and clears the form once saved. */
  const submitWith =
    (send: (data: FormData, done: { onSuccess: () => void }) => void) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      send(new FormData(form), {
        onSuccess: () => {
          saved.onSuccess();
          form.reset();
        },
      });
    };

  if (detail.isLoading) return <Loading />;
  if (!detail.data) return <ErrorMessage error={detail.error} />;
  const d = detail.data;
  const c = d.clock;
  const write = d.canWrite;
  return (
    <Page
      title={`Beslut ${d.personId}`}
      actions={
        <Link to="/evb/register" className="evb-link-button">
          Till registret
        </Link>
      }
    >
      <ErrorMessage error={latestError(...changes)} />
      <section className="card" aria-labelledby="evb-clock">
        <h2 id="evb-clock">
          {c.statusLabel}
          {c.reportable ? (
            <span className="badge bad"> rapporteringspliktigt sedan {formatDate(c.reportableSince)}</span>
          ) : null}
          {c.warning ? <span className="badge warn"> passerar tre månader inom 30 dagar</span> : null}
        </h2>
        <dl className="evb-facts">
          <Fact term="Insats">
            {d.insats.name}, {d.insats.lagrum}
          </Fact>
          <Fact term="Enhet">{d.unit}</Fact>
          <Fact term="Kön">{d.sex === "K" ? "Kvinna" : "Man"}</Fact>
          {d.protectedIdentity ? <Fact term="Skyddad identitet">Ja</Fact> : null}
          <Fact term="Beslutsdatum">{formatDate(d.decisionDate)}</Fact>
          {c.openSince ? (
            <>
              <Fact term={c.openKind === "avbrott" ? "Avbrott sedan" : "Väntar sedan"}>
                {formatDate(c.openSince)} ({formatCount(c.daysWaited ?? 0, "dag", "dagar")}, {c.bandLabel})
              </Fact>
              <Fact term="Sista dag i tid">{formatDate(c.deadline)}</Fact>
              <Fact term="Rapporteras i">{c.nextReportingQuarter}</Fact>
            </>
          ) : null}
          {d.partial ? <Fact term="Delvis verkställt">{d.partial}</Fact> : null}
          <Fact term="Skäl">{[d.delayReason?.label, d.reasonText].filter(Boolean).join(": ") || "–"}</Fact>
          {d.executedDate ? <Fact term="Verkställt">{formatDate(d.executedDate)}</Fact> : null}
          {d.closedDate ? (
            <Fact term="Avslutat">
              {formatDate(d.closedDate)} ({d.closureReason?.label})
            </Fact>
          ) : null}
        </dl>
        {write && !editing ? (
          <p>
            <button type="button" onClick={() => setEditing(true)}>
              Ändra uppgifterna
            </button>
          </p>
        ) : null}
      </section>

      {editing ? (
        <section className="card" aria-labelledby="evb-edit">
          <h2 id="evb-edit">Ändra beslutet</h2>
          <p className="muted">Varje ändring loggas med vem som gjorde den och när.</p>
          <DecisionForm
            initial={d}
            submitLabel="Spara ändringarna"
            pending={changes.some((m) => m.isPending)}
            onSubmit={(payload) => update.mutate({ params: { id: d.id }, body: payload }, saved)}
          />
          <button type="button" onClick={() => setEditing(false)}>
            Avbryt
          </button>
        </section>
      ) : null}

      <section className="card" aria-labelledby="evb-offers">
        <h2 id="evb-offers">Erbjudanden</h2>
        <p className="muted">Ett erbjudande som den enskilde tackar nej till avslutar inte beslutet.</p>
        <table className="data">
          <caption>{formatCount(d.offers.length, "erbjudande", "erbjudanden")}</caption>
          <ColumnHeads columns={["Datum", "Svar", "Anteckning", write && "Åtgärd"]} />
          <tbody>
            {d.offers.map((o) => (
              <tr key={o.id}>
                <td>{formatDate(o.date)}</td>
                <td>{answerLabel(o.answer)}</td>
                <td>{o.note ?? ""}</td>
                {write ? (
                  <td>
                    <button type="button" onClick={() => deleteOffer.mutate({ params: { id: o.id } }, saved)}>
                      Ta bort erbjudandet {formatDate(o.date)}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {write ? (
          <form
            className="evb-inline-form"
            aria-label="Lägg till erbjudande"
            onSubmit={submitWith((data, done) =>
              addOffer.mutate(
                {
                  params: { id: d.id },
                  body: {
                    date: text(data, "date"),
                    answer: value(data, "answer") as BodyOf<typeof evb.addOffer>["answer"],
                    note: value(data, "note"),
                  },
                },
                done,
              ),
            )}
          >
            <Field id="evb-offer-date" label="Erbjudet datum">
              <input id="evb-offer-date" name="date" type="date" required />
            </Field>
            <Field id="evb-offer-answer" label="Svar">
              <select id="evb-offer-answer" name="answer" defaultValue="">
                <option value="">Ej besvarat</option>
                <option value="ja">Tackat ja</option>
                <option value="nej">Tackat nej</option>
              </select>
            </Field>
            <Field id="evb-offer-note" label="Anteckning">
              <input id="evb-offer-note" name="note" />
            </Field>
            <button type="submit">Lägg till erbjudande</button>
          </form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="evb-interruptions">
        <h2 id="evb-interruptions">Avbrott i verkställigheten</h2>
        <p className="muted">Ett avbrott startar en ny tremånadersfrist från avbrottsdagen.</p>
        <table className="data">
          <caption>{d.interruptions.length} avbrott</caption>
          <ColumnHeads columns={["Från", "Återupptaget", "Skäl"]} />
          <tbody>
            {d.interruptions.map((x) => (
              <tr key={x.id}>
                <td>{formatDate(x.start)}</td>
                <td>
                  {x.resumed ? (
                    formatDate(x.resumed)
                  ) : write ? (
                    <form
                      className="evb-inline-form"
                      aria-label={`Återuppta avbrottet från ${x.start}`}
                      onSubmit={submitWith((data, done) =>
                        resume.mutate({ params: { id: x.id }, body: { resumed: value(data, "resumed") } }, done),
                      )}
                    >
                      <label htmlFor={`evb-resume-${x.id}`}>Återupptaget den</label>
                      <input id={`evb-resume-${x.id}`} name="resumed" type="date" required />
                      <button type="submit">Spara</button>
                    </form>
                  ) : (
                    "Pågår"
                  )}
                </td>
                <td>{[x.reasonLabel, x.reasonText].filter(Boolean).join(": ") || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {write && d.executedDate ? (
          <form
            className="evb-inline-form"
            aria-label="Registrera avbrott"
            onSubmit={submitWith((data, done) =>
              addInterruption.mutate(
                {
                  params: { id: d.id },
                  body: {
                    start: text(data, "start"),
                    reasonCode: value(data, "reasonCode"),
                    reasonText: value(data, "reasonText"),
                  },
                },
                done,
              ),
            )}
          >
            <Field id="evb-int-start" label="Avbrott från">
              <input id="evb-int-start" name="start" type="date" required />
            </Field>
            <Field id="evb-int-reason" label="Orsak">
              <ReasonSelect id="evb-int-reason" name="reasonCode" />
            </Field>
            <Field id="evb-int-text" label="Beskrivning">
              <input id="evb-int-text" name="reasonText" />
            </Field>
            <button type="submit">Registrera avbrott</button>
          </form>
        ) : null}
      </section>

      {write && !d.executedDate && !d.closedDate ? (
        <section className="card" aria-labelledby="evb-actions">
          <h2 id="evb-actions">Verkställ eller avsluta</h2>
          <form
            className="evb-inline-form"
            aria-label="Markera verkställt"
            onSubmit={submitWith((data, done) =>
              execute.mutate({ params: { id: d.id }, body: { executedDate: text(data, "executedDate") } }, done),
            )}
          >
            <Field id="evb-exec-date" label="Verkställt den">
              <input id="evb-exec-date" name="executedDate" type="date" required />
            </Field>
            <button type="submit">Markera verkställt</button>
          </form>
          <CloseForm
            onSubmit={submitWith((data, done) =>
              close.mutate(
                {
                  params: { id: d.id },
                  body: { closedDate: text(data, "closedDate"), closureReason: text(data, "closureReason") },
                },
                done,
              ),
            )}
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby="evb-history">
        <h2 id="evb-history">Historik</h2>
        <table className="data">
          <caption>Ändringar i beslutet, nyaste först</caption>
          <ColumnHeads columns={["Tid", "Av", "Händelse", "Ändrade fält"]} />
          <tbody>
            {d.history.map((h) => (
              <tr key={`${String(h.at)}-${h.entity}-${h.action}`}>
                <td>{formatDateTime(h.at)}</td>
                <td>{h.actor}</td>
                <td>
                  {entityLabels[h.entity] ?? h.entity}: {actionLabels[h.action] ?? h.action}
                </td>
                <td>{h.changes.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Page>
  );
}

function ReasonSelect({ id, name }: { id: string; name: string }) {
  const catalogue = useCatalogue();
  return (
    <select id={id} name={name} defaultValue="">
      <option value="">Ingen angiven</option>
      <CodeOptions codes={catalogue.data?.delayReasons.filter((c) => c.active) ?? []} />
    </select>
  );
}

function CloseForm({ onSubmit }: { onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  const catalogue = useCatalogue();
  return (
    <form className="evb-inline-form" aria-label="Avsluta utan verkställighet" onSubmit={onSubmit}>
      <Field id="evb-close-date" label="Avslutat den">
        <input id="evb-close-date" name="closedDate" type="date" required />
      </Field>
      <Field id="evb-close-reason" label="Avslutsorsak">
        <select id="evb-close-reason" name="closureReason" required defaultValue="">
          <option value="" disabled>
            Välj orsak
          </option>
          <CodeOptions codes={catalogue.data?.closureReasons.filter((c) => c.active) ?? []} />
        </select>
      </Field>
      <button type="submit">Avsluta beslutet</button>
    </form>
  );
}
