import { useId, useState } from "react";
import { type DirectiveIssuer, directiveIssuerLabels, directiveIssuers } from "../../styrning/vocabulary.ts";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { CommentList, Options, PeriodField, YearField } from "./fields.tsx";
import { useAddDirectiveComment, useCreateDirective } from "./mutations.ts";
import { useDirectives } from "./queries.ts";
import type { Directive } from "./types.ts";
import { useYear } from "./year.ts";

function DirectiveComment({ directive, year }: { directive: Directive; year: number }) {
  const id = useId();
  const [period, setPeriod] = useState(`${year}-T2`);
  const [text, setText] = useState("");
  const save = useAddDirectiveComment();
  const submit = () =>
    save.mutate({ params: { id: directive.id }, body: { period, text } }, { onSuccess: () => setText("") });
  return (
    <MutationForm className="toolbar" mutation={{ mutate: submit, error: save.error }}>
      <PeriodField id={`${id}-p`} year={year} value={period} onChange={setPeriod} />
      <TextField id={`${id}-t`} label="Kommentar" value={text} onChange={setText} required size={50} />
      <button type="submit" disabled={save.isPending}>
        Kommentera
      </button>
    </MutationForm>
  );
}

function NewDirective({ year }: { year: number }) {
  const { namnd, can } = useSession();
  const [form, setForm] = useState({
    issuedBy: "namnd" as DirectiveIssuer,
    title: "",
    body: "",
    assignments: "",
    handling: "",
    validTo: year,
  });
  const save = useCreateDirective();
  if (!namnd || !can("write:styrning", namnd.id)) return null;
  const submit = () =>
    save.mutate({
      body: {
        orgNodeId: namnd.id,
        issuedBy: form.issuedBy,
        title: form.title,
        body: form.body,
        assignments: form.assignments
          .split("\n")
          .map((a) => a.trim())
          .filter(Boolean),
        validFrom: year,
        validTo: form.validTo,
        handling: form.handling || null,
      },
    });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <details className="card">
      <summary>Nytt direktiv för {namnd.name}</summary>
      <MutationForm mutation={{ mutate: submit, error: save.error }}>
        <div className="form-grid">
          <SelectField
            id="dir-issuer"
            label="Typ"
            value={form.issuedBy}
            onChange={(v) => set({ issuedBy: v as DirectiveIssuer })}
          >
            <Options values={directiveIssuers} labels={directiveIssuerLabels} />
          </SelectField>
          <SelectField
            id="dir-to"
            label="Gäller till och med"
            value={form.validTo}
            onChange={(v) => set({ validTo: Number(v) })}
          >
            {/* Directives may run for a mandate period and longer; no two-year limit. */}
            {[0, 1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={year + n}>
                {year + n}
              </option>
            ))}
          </SelectField>
        </div>
        <label htmlFor="dir-title">Rubrik</label>
        <input id="dir-title" value={form.title} onChange={(e) => set({ title: e.target.value })} required size={60} />
        <label htmlFor="dir-body">Text</label>
        <textarea id="dir-body" rows={3} cols={60} value={form.body} onChange={(e) => set({ body: e.target.value })} />
        <label htmlFor="dir-assignments">Uppdrag (ett per rad)</label>
        <textarea
          id="dir-assignments"
          rows={3}
          cols={60}
          value={form.assignments}
          onChange={(e) => set({ assignments: e.target.value })}
        />
        <label htmlFor="dir-handling">Förvaltningens omhändertagande</label>
        <textarea
          id="dir-handling"
          rows={3}
          cols={60}
          value={form.handling}
          onChange={(e) => set({ handling: e.target.value })}
        />
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            Skapa direktiv
          </button>
        </div>
      </MutationForm>
    </details>
  );
}

/** KF- and nämnddirektiv valid in the year: assignments, the administration's handling, comments per period. */
export function DirectivesPage() {
  const { orgNode } = useSession();
  const [year, setYear] = useYear();
  const result = useDirectives(orgNode?.id, year);
  return (
    <Page title={`Direktiv ${year}`}>
      <div className="toolbar">
        <YearField id="dir-year" year={year} onChange={setYear} />
      </div>
      <NewDirective year={year} />
      <ErrorMessage error={result.error} />
      {!result.data ? (
        <Loading />
      ) : result.data.length === 0 ? (
        <p>Inga direktiv gäller {year}.</p>
      ) : (
        result.data.map((d) => (
          <article key={d.id} className="card" aria-labelledby={`dir-${d.id}`}>
            <h2 id={`dir-${d.id}`}>
              <span className="badge">{directiveIssuerLabels[d.issuedBy]}</span> {d.title}
            </h2>
            <p className="muted">
              {d.orgNodeName}. Gäller {d.validFrom}
              {d.validTo !== d.validFrom ? `–${d.validTo}` : ""}.
            </p>
            {d.body && <p>{d.body}</p>}
            {d.assignments.length > 0 && (
              <>
                <h3>Uppdrag</h3>
                <ul>
                  {d.assignments.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </>
            )}
            <h3>Förvaltningens omhändertagande</h3>
            <p>{d.handling ?? "Inte beskrivet än."}</p>
            <h3>Uppföljning</h3>
            <CommentList comments={d.comments ?? []} />
            {d.writable && <DirectiveComment directive={d} year={year} />}
          </article>
        ))
      )}
    </Page>
  );
}
