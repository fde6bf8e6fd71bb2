import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router-dom";
import * as namnd from "../../namnd/api.ts";
import {
  type CaseStatus,
  caseStatuses,
  caseStatusLabels,
  type DocumentDirection,
  documentDirectionLabels,
  documentDirections,
  documentTypeLabels,
  type ReferenceKind,
  referenceKindLabels,
  referenceKinds,
} from "../../namnd/vocabulary.ts";
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { hrefOf } from "../api.ts";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { CaseMemos } from "./memos/CaseMemos.tsx";
import {
  useAddReference,
  useLinkCase,
  useRemoveReference,
  useUnlinkCase,
  useUpdateCase,
  useUpdateDocument,
  useUploadDocument,
} from "./mutations.ts";
import { type Case, type Lists, useCase, useHandlers, useLists } from "./queries.ts";

const text = (data: FormData, key: string) => String(data.get(key) ?? "").trim();
const kilobytes = (bytes: number) => `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;

function Facts({ c }: { c: Case }) {
  const rows: [string, string][] = [
    ["Diarienummer", c.diarienummer],
    ["Ärendetyp", c.standing ? `${c.type.name} (stående ärende)` : c.type.name],
    ["Registrerat", formatDate(c.registeredOn)],
    ["Inkom", c.receivedOn ? formatDate(c.receivedOn) : "–"],
    ["Handläggare", c.handler?.name ?? "–"],
    ["Status", c.closedOn ? `${caseStatusLabels[c.status]} ${formatDate(c.closedOn)}` : caseStatusLabels[c.status]],
    ["Nämnd", c.namnd.name],
  ];
  return (
    <dl className="namnd-facts card" aria-label="Ärendet">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Status flow: öppet ⇄ vilande; avslutat needs its closing date; reopening clears it. */
function StatusForm({ c }: { c: Case }) {
  const update = useUpdateCase();
  const [status, setStatus] = useState<CaseStatus>(c.status);
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update.mutate({
      params: { id: c.id },
      body: { status, ...(status === "avslutat" ? { closedOn: text(data, "closedOn") || null } : {}) },
    });
  };
  return (
    <form className="toolbar" onSubmit={save} aria-label="Ändra status">
      <div>
        <label htmlFor="cs-status">Status</label>
        <select id="cs-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {caseStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      {status === "avslutat" ? (
        <div>
          <label htmlFor="cs-closed">Avslutat den</label>
          <input id="cs-closed" name="closedOn" type="date" defaultValue={c.closedOn ?? ""} />
        </div>
      ) : null}
      <button type="submit" disabled={update.isPending}>
        Spara status
      </button>
      <ErrorMessage error={update.error} />
    </form>
  );
}

/** Title (not of a standing case), type, received date and handläggare. */
function DetailsForm({ c, lists }: { c: Case; lists: Lists | undefined }) {
  const update = useUpdateCase();
  const handlers = useHandlers();
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update.mutate({
      params: { id: c.id },
      body: {
        ...(c.standing ? {} : { title: text(data, "title") }),
        type: text(data, "type"),
        receivedOn: text(data, "receivedOn") || null,
        handlerId: text(data, "handlerId") || null,
      },
    });
  };
  return (
    <details className="card">
      <summary>Ändra uppgifter</summary>
      <form className="namnd-form" onSubmit={save} aria-label="Ändra ärendets uppgifter">
        {c.standing ? null : (
          <>
            <label htmlFor="cd-title">Rubrik</label>
            <input id="cd-title" name="title" type="text" required maxLength={500} size={60} defaultValue={c.title} />
          </>
        )}
        <div className="form-grid">
          <div>
            <label htmlFor="cd-type">Ärendetyp</label>
            <select id="cd-type" name="type" defaultValue={c.type.code}>
              {lists?.types
                .filter((t) => t.active || t.code === c.type.code)
                .map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor="cd-received">Inkom</label>
            <input id="cd-received" name="receivedOn" type="date" defaultValue={c.receivedOn ?? ""} />
          </div>
          <div>
            <label htmlFor="cd-handler">Handläggare</label>
            <select id="cd-handler" name="handlerId" defaultValue={c.handler?.id ?? ""}>
              <option value="">Ingen</option>
              {handlers.data?.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="toolbar">
          <button type="submit" disabled={update.isPending}>
            Spara uppgifter
          </button>
        </div>
        {update.isSuccess ? (
          <p role="status" className="ok">
            Sparat.
          </p>
        ) : null}
        <ErrorMessage error={update.error} />
      </form>
    </details>
  );
}

function Links({ c }: { c: Case }) {
  const link = useLinkCase();
  const unlink = useUnlinkCase();
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    link.mutate(
      { params: { id: c.id }, body: { diarienummer: text(new FormData(form), "diarienummer") } },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">Länkade ärenden</h2>
      {c.links.length === 0 ? <p>Inga.</p> : null}
      <ul>
        {c.links.map((l) => (
          <li key={l.id}>
            <Link to={`/namnd/arenden/${l.id}`}>{l.diarienummer}</Link> {l.title} ({caseStatusLabels[l.status]})
            {c.canWrite ? (
              <button
                type="button"
                className="namnd-remove"
                aria-label={`Ta bort länken till ${l.diarienummer}`}
                onClick={() => unlink.mutate({ params: { id: c.id }, query: { caseId: l.id } })}
              >
                Ta bort
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {c.canWrite ? (
        <form className="toolbar" onSubmit={add} aria-label="Länka ärende">
          <div>
            <label htmlFor="ln-dnr">Diarienummer att länka</label>
            <input id="ln-dnr" name="diarienummer" type="text" placeholder="t.ex. IF 2024-00016" required />
          </div>
          <button type="submit" disabled={link.isPending}>
            Länka
          </button>
        </form>
      ) : null}
      <ErrorMessage error={link.error ?? unlink.error} />
    </section>
  );
}

function References({ c }: { c: Case }) {
  const add = useAddReference();
  const remove = useRemoveReference();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const kind = text(data, "kind");
    add.mutate(
      {
        params: { id: c.id },
        // The select offers only the vocabulary's kinds; empty means "recognise it".
        body: {
          value: text(data, "value"),
          note: text(data, "note") || null,
          ...(kind ? { kind: kind as ReferenceKind } : {}),
        },
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <section className="card" aria-labelledby="refs-title">
      <h2 id="refs-title">Andra myndigheters beteckningar</h2>
      {c.references.length === 0 ? <p>Inga.</p> : null}
      <ul>
        {c.references.map((r) => (
          <li key={r.id}>
            {referenceKindLabels[r.kind]}: <strong>{r.value}</strong>
            {r.note ? ` (${r.note})` : ""}
            {c.canWrite ? (
              <button
                type="button"
                className="namnd-remove"
                aria-label={`Ta bort referensen ${r.value}`}
                onClick={() => remove.mutate({ params: { id: c.id }, query: { referenceId: r.id } })}
              >
                Ta bort
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {c.canWrite ? (
        <form className="form-grid" onSubmit={submit} aria-label="Lägg till referens">
          <div>
            <label htmlFor="rf-kind">Slag</label>
            <select id="rf-kind" name="kind" defaultValue="">
              <option value="">Känn igen automatiskt</option>
              {referenceKinds.map((k) => (
                <option key={k} value={k}>
                  {referenceKindLabels[k]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="rf-value">Beteckning</label>
            <input id="rf-value" name="value" type="text" placeholder="t.ex. mål nr 7405-23" required />
          </div>
          <div>
            <label htmlFor="rf-note">Anteckning</label>
            <input id="rf-note" name="note" type="text" maxLength={200} placeholder="t.ex. Kammarrätten" />
          </div>
          <div>
            <button type="submit" disabled={add.isPending}>
              Lägg till
            </button>
          </div>
        </form>
      ) : null}
      <ErrorMessage error={add.error ?? remove.error} />
    </section>
  );
}

function Marking({ documentId, current, lists }: { documentId: string; current: string; lists: Lists }) {
  const update = useUpdateDocument();
  return (
    <>
      <label htmlFor={`mk-${documentId}`} className="visually-hidden">
        Sekretessmarkering
      </label>
      <select
        id={`mk-${documentId}`}
        value={current}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ params: { id: documentId }, body: { lagrum: e.target.value || null } })}
      >
        <option value="">Ingen sekretess</option>
        {lists.lagrum
          .filter((l) => l.active || l.code === current)
          .map((l) => (
            <option key={l.code} value={l.code}>
              {l.reference}
            </option>
          ))}
      </select>
      <ErrorMessage error={update.error} />
    </>
  );
}

function Documents({ c, lists }: { c: Case; lists: Lists | undefined }) {
  const upload = useUploadDocument();
  const [file, setFile] = useState<File | null>(null);
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    if (!file) return;
    const lagrum = text(data, "lagrum");
    const documentDate = text(data, "documentDate");
    const title = text(data, "title");
    upload.mutate(
      {
        params: { id: c.id },
        query: {
          name: file.name,
          direction: text(data, "direction") as DocumentDirection,
          ...(title ? { title } : {}),
          ...(documentDate ? { documentDate } : {}),
          ...(lagrum ? { lagrum } : {}),
        },
        file,
      },
      {
        onSuccess: () => {
          form.reset();
          setFile(null);
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="docs-title">
      <h2 id="docs-title">Handlingar</h2>
      {c.documents.length === 0 ? (
        <p>Inga handlingar.</p>
      ) : (
        <ScrollFrame label="Dokument, rullbar i sidled">
          <table className="data namnd-table">
            <ColumnHeads
              columns={[
                "Handling",
                "Riktning",
                "Daterad",
                "Registrerad",
                "Typ",
                { label: "Storlek", num: true },
                "Sekretess",
              ]}
            />
            <tbody>
              {c.documents.map((d) => {
                const open = d.sekretess === null || c.canReadSecret;
                return (
                  <tr key={d.id}>
                    <td>
                      {open ? (
                        <a href={hrefOf(namnd.downloadDocument, { params: { id: c.id }, query: { documentId: d.id } })}>
                          {d.title}
                        </a>
                      ) : (
                        d.title
                      )}
                    </td>
                    <td>{documentDirectionLabels[d.direction]}</td>
                    <td className="date">{d.documentDate ? formatDate(d.documentDate) : "–"}</td>
                    <td className="date">{formatDate(d.registeredOn)}</td>
                    <td>{documentTypeLabels[d.contentType].label}</td>
                    <td className="num">{kilobytes(d.sizeBytes)}</td>
                    <td>
                      {c.canWrite && lists ? (
                        <Marking documentId={d.id} current={d.sekretess?.code ?? ""} lists={lists} />
                      ) : d.sekretess ? (
                        `Sekretess enligt ${d.sekretess.reference}${open ? "" : " – du saknar behörighet att öppna"}`
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
      )}
      {c.canWrite ? (
        <form className="namnd-form" onSubmit={send} aria-label="Lägg till handling">
          <fieldset>
            <legend>Lägg till handling</legend>
            <p className="namnd-hint">
              PDF, Word (docx), Excel (xlsx), OpenDocument-text, text, PNG eller JPEG, högst 20 MB.
            </p>
            <div className="form-grid">
              <div>
                <label htmlFor="up-file">Fil</label>
                <input id="up-file" type="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              </div>
              <div>
                <label htmlFor="up-title">Rubrik (annars filens namn)</label>
                <input id="up-title" name="title" type="text" maxLength={300} />
              </div>
              <div>
                <label htmlFor="up-direction">Riktning</label>
                <select id="up-direction" name="direction" defaultValue="inkommande">
                  {documentDirections.map((d) => (
                    <option key={d} value={d}>
                      {documentDirectionLabels[d]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="up-date">Handlingens datum</label>
                <input id="up-date" name="documentDate" type="date" />
              </div>
              <div>
                <label htmlFor="up-lagrum">Sekretess</label>
                <select id="up-lagrum" name="lagrum" defaultValue="">
                  <option value="">Ingen sekretess</option>
                  {lists?.lagrum
                    .filter((l) => l.active)
                    .map((l) => (
                      <option key={l.code} value={l.code}>
                        {l.reference} – {l.description}
                      </option>
                    ))}
                </select>
              </div>
            </div>
            <div className="toolbar">
              <button type="submit" className="primary" disabled={upload.isPending || !file}>
                Ladda upp
              </button>
            </div>
            {upload.isSuccess ? (
              <p role="status" className="ok">
                Handlingen är sparad.
              </p>
            ) : null}
            <ErrorMessage error={upload.error} />
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}

/** One case: its facts, status, links, other bodies' references and documents. */
export function CasePage() {
  const { id = "" } = useParams();
  const result = useCase(id);
  const lists = useLists();
  const c = result.data;
  return (
    <Page title={c ? `${c.diarienummer} ${c.title}` : "Ärende"}>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {c ? (
        <>
          <Facts c={c} />
          {c.canWrite ? <StatusForm key={`${c.id}-${c.status}`} c={c} /> : null}
          {c.canWrite && lists.data ? <DetailsForm key={c.id} c={c} lists={lists.data} /> : null}
          <div className="namnd-sections">
            <Links c={c} />
            <References c={c} />
          </div>
          <Documents c={c} lists={lists.data} />
          <CaseMemos caseId={c.id} />
        </>
      ) : null}
    </Page>
  );
}
