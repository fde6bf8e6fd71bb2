// The tjänsteskrivelse editor: every section of B2 as labelled fields, the clauses as a list with a verb
// select, the underlag picked from the case's documents, and a preview worded as the printed memo.
import type { ReactNode } from "react";
import { memoDocument } from "../../../namnd/memos/document.ts";
import type { CaseDocument } from "../../../namnd/memos/rules.ts";
import { clauseText } from "../../../namnd/memos/rules.ts";
import {
  type BasisKind,
  basisKindLabels,
  basisKinds,
  childQuestions,
  decisionVerbs,
  type VerbCode,
} from "../../../namnd/memos/vocabulary.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { DocumentPreview } from "./DocumentPreview.tsx";
import "./memos.css";
import { type BasisDraft, contentOf, emptyBasis, type MemoDraft } from "./draft.ts";

export type MemoFormContext = {
  namndName: string;
  municipality: string;
  diarienummer: string;
  documents: readonly CaseDocument[];
  version: number;
};

type Props = {
  draft: MemoDraft;
  onChange: (draft: MemoDraft) => void;
  context: MemoFormContext;
  /** The save and other buttons, with the mutation's error. */
  actions: ReactNode;
};

function Field({ id, label, children }: { id: string; label: string; children: (id: string) => ReactNode }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function MemoForm({ draft, onChange, context, actions }: Props) {
  const set = <K extends keyof MemoDraft>(key: K, value: MemoDraft[K]) => onChange({ ...draft, [key]: value });
  const setAt = <K extends "clauses" | "basis" | "signatures">(
    key: K,
    index: number,
    value: Partial<MemoDraft[K][number]>,
  ) => set(key, draft[key].map((item, i) => (i === index ? { ...item, ...value } : item)) as MemoDraft[K]);
  const removeAt = <K extends "clauses" | "basis" | "signatures">(key: K, index: number) =>
    set(key, draft[key].filter((_, i) => i !== index) as MemoDraft[K]);
  const doc = memoDocument(
    contentOf(draft),
    {
      status: "utkast",
      version: context.version,
      letterhead: draft.letterhead,
      department: draft.department.trim() || null,
      handler: draft.handlerName.trim()
        ? { name: draft.handlerName, title: draft.handlerTitle || null, phone: draft.handlerPhone || null }
        : null,
    },
    context,
  );
  return (
    <div className="memo-editor">
      <form className="namnd-form memo-form" aria-label="Tjänsteskrivelse" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>Brevhuvud</legend>
          <div className="form-grid">
            <Field id="mf-date" label="Datum">
              {(id) => (
                <input
                  id={id}
                  type="date"
                  required
                  value={draft.memoDate}
                  onChange={(e) => set("memoDate", e.target.value)}
                />
              )}
            </Field>
            <Field id="mf-department" label="Förvaltning eller avdelning (annars nämndens förvaltning)">
              {(id) => (
                <input
                  id={id}
                  type="text"
                  maxLength={200}
                  value={draft.department}
                  onChange={(e) => set("department", e.target.value)}
                />
              )}
            </Field>
            <Field id="mf-handler" label="Handläggare">
              {(id) => (
                <input
                  id={id}
                  type="text"
                  maxLength={200}
                  value={draft.handlerName}
                  onChange={(e) => set("handlerName", e.target.value)}
                />
              )}
            </Field>
            <Field id="mf-handler-title" label="Handläggarens titel">
              {(id) => (
                <input
                  id={id}
                  type="text"
                  maxLength={200}
                  value={draft.handlerTitle}
                  onChange={(e) => set("handlerTitle", e.target.value)}
                />
              )}
            </Field>
            <Field id="mf-handler-phone" label="Handläggarens telefon">
              {(id) => (
                <input
                  id={id}
                  type="tel"
                  maxLength={40}
                  value={draft.handlerPhone}
                  onChange={(e) => set("handlerPhone", e.target.value)}
                />
              )}
            </Field>
          </div>
          <label className="namnd-check">
            <input type="checkbox" checked={draft.letterhead} onChange={(e) => set("letterhead", e.target.checked)} />
            Skriv ut brevhuvudet (datum, diarienummer, handläggare)
          </label>
        </fieldset>

        <label htmlFor="mf-title">Rubrik</label>
        <input
          id="mf-title"
          type="text"
          required
          maxLength={500}
          className="memo-wide"
          value={draft.title}
          onChange={(e) => set("title", e.target.value)}
        />

        <fieldset>
          <legend>Förslag till beslut</legend>
          <p className="namnd-hint">
            Varje sats börjar med nämndens namn och beslutsverbet; skriv resten av meningen. Förslag till
            Kommunfullmäktige (svar på motion) skrivs ut under en egen rubrik.
          </p>
          <ol className="memo-rows">
            {draft.clauses.map((clause, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: clauses are edited in place by position
              <li key={i}>
                <div className="form-grid">
                  <Field id={`mf-verb-${i}`} label={`Beslutsverb, sats ${i + 1}`}>
                    {(id) => (
                      <select
                        id={id}
                        value={clause.verb}
                        onChange={(e) => setAt("clauses", i, { verb: e.target.value as VerbCode })}
                      >
                        {decisionVerbs.map((v) => (
                          <option key={v.code} value={v.code} title={v.usage}>
                            {v.label}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field id={`mf-clause-${i}`} label={`Resten av satsen, sats ${i + 1}`}>
                    {(id) => (
                      <input
                        id={id}
                        type="text"
                        maxLength={1000}
                        className="memo-wide"
                        value={clause.text}
                        onChange={(e) => setAt("clauses", i, { text: e.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <p className="namnd-hint">{clauseText(clause, context.namndName)}</p>
                <button type="button" className="namnd-remove" onClick={() => removeAt("clauses", i)}>
                  Ta bort sats {i + 1}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => set("clauses", [...draft.clauses, { verb: "godkanner", text: "" }])}>
            Lägg till beslutssats
          </button>
        </fieldset>

        <label htmlFor="mf-summary">Sammanfattning av ärendet</label>
        <textarea id="mf-summary" rows={6} value={draft.summary} onChange={(e) => set("summary", e.target.value)} />
        <p className="namnd-hint">En tom rad börjar ett nytt stycke.</p>

        <fieldset>
          <legend>Beslutsunderlag</legend>
          <ol className="memo-rows">
            {draft.basis.map((basis, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: underlag are edited in place by position
              <li key={i}>
                <BasisRow
                  index={i}
                  basis={basis}
                  documents={context.documents}
                  onChange={(value) => setAt("basis", i, value)}
                />
                <button type="button" className="namnd-remove" onClick={() => removeAt("basis", i)}>
                  Ta bort underlag {i + 1}
                </button>
              </li>
            ))}
          </ol>
          <div className="toolbar">
            {basisKinds.map((kind) => (
              <button key={kind} type="button" onClick={() => set("basis", [...draft.basis, emptyBasis(kind)])}>
                Lägg till {basisKindLabels[kind].toLowerCase()}
              </button>
            ))}
          </div>
        </fieldset>

        <label htmlFor="mf-recipients">Beslutet skickas till (en mottagare per rad)</label>
        <textarea
          id="mf-recipients"
          rows={3}
          value={draft.recipients}
          onChange={(e) => set("recipients", e.target.value)}
        />

        <label htmlFor="mf-description">Beskrivning av ärendet (valfri)</label>
        <textarea
          id="mf-description"
          rows={6}
          value={draft.description}
          onChange={(e) => set("description", e.target.value)}
        />

        <fieldset>
          <legend>Barnets bästa-prövning</legend>
          <label className="namnd-check">
            <input
              type="checkbox"
              checked={draft.childAssessment}
              onChange={(e) => set("childAssessment", e.target.checked)}
            />
            Skrivelsen innehåller en prövning av barnets bästa
          </label>
          {draft.childAssessment
            ? childQuestions.map((q) => (
                <div key={q.code}>
                  <label htmlFor={`mf-child-${q.code}`}>{q.heading}</label>
                  <textarea
                    id={`mf-child-${q.code}`}
                    rows={3}
                    value={draft.childAnswers[q.code]}
                    onChange={(e) => set("childAnswers", { ...draft.childAnswers, [q.code]: e.target.value })}
                  />
                </div>
              ))
            : null}
        </fieldset>

        <fieldset>
          <legend>Underskrifter</legend>
          <ol className="memo-rows">
            {draft.signatures.map((signature, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: signatures are edited in place by position
              <li key={i}>
                <div className="form-grid">
                  <Field id={`mf-sign-name-${i}`} label={`Namn, underskrift ${i + 1}`}>
                    {(id) => (
                      <input
                        id={id}
                        type="text"
                        maxLength={200}
                        value={signature.name}
                        onChange={(e) => setAt("signatures", i, { name: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field id={`mf-sign-title-${i}`} label={`Titel, underskrift ${i + 1}`}>
                    {(id) => (
                      <input
                        id={id}
                        type="text"
                        maxLength={200}
                        value={signature.title}
                        onChange={(e) => setAt("signatures", i, { title: e.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <button type="button" className="namnd-remove" onClick={() => removeAt("signatures", i)}>
                  Ta bort underskrift {i + 1}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => set("signatures", [...draft.signatures, { name: "", title: "" }])}>
            Lägg till underskrift
          </button>
        </fieldset>
        {actions}
      </form>
      {/* On wide screens the preview scrolls on its own beside the form, so it is reachable by keyboard. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="memo-preview-frame" aria-labelledby="memo-preview-heading" tabIndex={0}>
        <h2 id="memo-preview-heading">Förhandsgranskning</h2>
        <DocumentPreview doc={doc} label="Förhandsgranskning av tjänsteskrivelsen" />
      </section>
    </div>
  );
}

function BasisRow({
  index,
  basis,
  documents,
  onChange,
}: {
  index: number;
  basis: BasisDraft;
  documents: readonly CaseDocument[];
  onChange: (value: Partial<BasisDraft>) => void;
}) {
  const n = index + 1;
  const kindField = (
    <Field id={`mf-basis-kind-${index}`} label={`Slag, underlag ${n}`}>
      {(id) => (
        <select id={id} value={basis.kind} onChange={(e) => onChange({ kind: e.target.value as BasisKind })}>
          {basisKinds.map((k) => (
            <option key={k} value={k}>
              {basisKindLabels[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const issuer = (
    <Field id={`mf-basis-issuer-${index}`} label={`Utfärdare (valfri), underlag ${n}`}>
      {(id) => (
        <input
          id={id}
          type="text"
          maxLength={200}
          value={basis.issuer}
          onChange={(e) => onChange({ issuer: e.target.value })}
        />
      )}
    </Field>
  );
  const date = (
    <Field id={`mf-basis-date-${index}`} label={`Datum, underlag ${n}`}>
      {(id) => <input id={id} type="date" value={basis.date} onChange={(e) => onChange({ date: e.target.value })} />}
    </Field>
  );
  return (
    <div className="form-grid">
      {kindField}
      {basis.kind === "handling" ? (
        <>
          <Field id={`mf-basis-doc-${index}`} label={`Handling, underlag ${n}`}>
            {(id) => (
              <select id={id} value={basis.documentId} onChange={(e) => onChange({ documentId: e.target.value })}>
                <option value="">Välj handling</option>
                {documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}, {formatDate(d.documentDate ?? d.registeredOn)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {issuer}
        </>
      ) : basis.kind === "protokoll" ? (
        <>
          <Field id={`mf-basis-body-${index}`} label={`Organ, underlag ${n}`}>
            {(id) => (
              <input
                id={id}
                type="text"
                maxLength={200}
                value={basis.body}
                onChange={(e) => onChange({ body: e.target.value })}
              />
            )}
          </Field>
          {date}
          <Field id={`mf-basis-paragraph-${index}`} label={`Paragraf (§), underlag ${n}`}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                max={9999}
                value={basis.paragraph}
                onChange={(e) => onChange({ paragraph: e.target.value })}
              />
            )}
          </Field>
        </>
      ) : (
        <>
          <Field id={`mf-basis-title-${index}`} label={`Handlingens namn, underlag ${n}`}>
            {(id) => (
              <input
                id={id}
                type="text"
                maxLength={300}
                value={basis.title}
                onChange={(e) => onChange({ title: e.target.value })}
              />
            )}
          </Field>
          {issuer}
          {date}
        </>
      )}
    </div>
  );
}
