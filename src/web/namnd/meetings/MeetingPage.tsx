import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import {
  type AttendeeRole,
  attendeeRoleLabels,
  attendeeRoles,
  itemKindLabels,
  type MotionKind,
  meetingStatusLabels,
  motionKindLabels,
  motionKinds,
} from "../../../namnd/meetings/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import { isForbidden } from "../../api.ts";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, ForbiddenPage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { MeetingEnd } from "./MeetingEnd.tsx";
import {
  useAddItem,
  useAddStandingItems,
  useChangeStatus,
  useRecordProtocol,
  useRemoveItem,
  useSetRoster,
} from "./mutations.ts";
import { type AgendaItem, extractHref, kallelseHref, type Meeting, useMeeting } from "./queries.ts";
import "./meetings.css";

/**
 * One sammanträde: the föredragningslista (standing items with their counts from the registers, expandable),
 * närvaro, and once held the protokoll per § with yrkanden and beslutsgång; after justering the utdrag.
 */
export function MeetingPage() {
  const { id = "" } = useParams();
  const meeting = useMeeting(id);
  // Held here: the roster's form is drawn anew when the saved list comes back, its outcome stays.
  const saveRoster = useSetRoster();
  if (isForbidden(meeting.error)) return <ForbiddenPage title="Sammanträde" what="nämndens sammanträden" />;
  const m = meeting.data;
  return (
    <Page title={m ? `${m.body.name} ${m.meetingDate}` : "Sammanträde"}>
      <ErrorMessage error={meeting.error} />
      {meeting.isLoading ? <Loading /> : null}
      {m ? (
        <>
          <Facts m={m} />
          {m.canWrite ? <StatusStep m={m} /> : null}
          <KallelseLinks m={m} />
          {m.canWrite ? <PublishLinks m={m} /> : null}
          {m.canWrite ? <MeetingEnd key={m.status} m={m} /> : null}
          <Agenda m={m} />
          {m.canWrite && (m.status === "planerat" || m.status === "kallat") ? <AddItem m={m} /> : null}
          <Roster key={m.attendees.map((a) => a.id).join()} m={m} save={saveRoster} />
        </>
      ) : null}
    </Page>
  );
}

function Facts({ m }: { m: Meeting }) {
  return (
    <dl className="namnd-facts card">
      <dt>Status</dt>
      <dd>{meetingStatusLabels[m.status]}</dd>
      <dt>Tid och plats</dt>
      <dd>{[m.startTime ? `kl. ${m.startTime}` : null, m.place].filter(Boolean).join(", ") || "–"}</dd>
      <dt>Stående punkter för perioden</dt>
      <dd>
        {m.periodStart}–{m.periodEnd}
      </dd>
      {m.calledOn ? (
        <>
          <dt>Kallelsen skickad</dt>
          <dd>{m.calledOn}</dd>
        </>
      ) : null}
      {m.cancelledOn ? (
        <>
          <dt>Inställt</dt>
          <dd>
            {m.cancelledOn}: {m.cancelReason}
          </dd>
        </>
      ) : null}
      {m.adjustedOn ? (
        <>
          <dt>Justerat</dt>
          <dd>
            {m.adjustedOn} av{" "}
            {m.attendees
              .filter((a) => a.adjuster)
              .map((a) => a.name)
              .join(", ")}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

const stepLabels = { planerat: "Skicka kallelsen", kallat: "Markera som genomfört", genomfort: "Justera protokollet" };

function StatusStep({ m }: { m: Meeting }) {
  const change = useChangeStatus();
  const [adjustedOn, setAdjustedOn] = useState(todayInSweden());
  if (m.status === "justerat" || m.status === "installt") return null;
  const next = m.status === "planerat" ? "kallat" : m.status === "kallat" ? "genomfort" : "justerat";
  return (
    <MutationForm
      className="card namnd-form"
      aria-label="Sammanträdets nästa steg"
      mutation={{
        error: change.error,
        mutate: () =>
          change.mutate({
            params: { id: m.id },
            body: { status: next, adjustedOn: next === "justerat" ? adjustedOn : null },
          }),
      }}
    >
      <p className="namnd-hint">
        {m.status === "planerat"
          ? "Kallelsen fryser de stående punkternas innehåll; senare ändringar i registren markeras."
          : m.status === "kallat"
            ? "Punkterna får sina paragrafnummer i listans ordning när sammanträdet är genomfört."
            : "Efter justeringen är protokollet låst och utdrag kan lämnas."}
      </p>
      {next === "justerat" ? (
        <div className="form-grid">
          <TextField
            id="adjusted-on"
            label="Justeringsdag"
            type="date"
            value={adjustedOn}
            onChange={setAdjustedOn}
            required
          />
        </div>
      ) : null}
      <button type="submit" className="primary" disabled={change.isPending}>
        {stepLabels[m.status]}
      </button>
    </MutationForm>
  );
}

function Agenda({ m }: { m: Meeting }) {
  const remove = useRemoveItem();
  const open = m.canWrite && (m.status === "planerat" || m.status === "kallat");
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">
        {m.status === "genomfort" || m.status === "justerat" ? "Protokoll" : "Föredragningslista"}
      </h2>
      <ErrorMessage error={remove.error} />
      {m.items.length === 0 ? <p className="notice">Föredragningslistan är tom.</p> : null}
      <ol className="agenda">
        {m.items.map((item, index) => (
          <li key={item.id} className="card agenda-item">
            <h3>
              {item.paragraph ? `§ ${item.paragraph}` : `${index + 1}.`}{" "}
              {item.case ? `Dnr ${item.case.diarienummer} ` : ""}
              {item.title}
              <span className="namnd-hint"> ({itemKindLabels[item.kind]})</span>
              {open ? (
                <button
                  type="button"
                  className="namnd-remove"
                  aria-label={`Ta bort ${item.title} från listan`}
                  onClick={() => remove.mutate({ params: { id: m.id }, query: { itemId: item.id } })}
                >
                  Ta bort
                </button>
              ) : null}
            </h3>
            {item.standing ? <Standing item={item} /> : null}
            {item.proposal ? <p>Förslag till beslut: {item.proposal}</p> : null}
            <Protocol m={m} item={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Standing({ item }: { item: AgendaItem }) {
  const standing = item.standing;
  if (!standing) return null;
  const live = standing.live;
  if (live.forbidden) return <p className="notice">Ej behörig: du saknar behörighet att läsa registret.</p>;
  if (live.count === null) return <p className="notice">{live.note ?? "Uppgiften saknas."}</p>;
  return (
    <div>
      <p>
        Antal: <strong>{formatNumber(live.count)}</strong>
        {standing.changedSinceCall ? (
          <span className="changed">
            {" "}
            Ändrat sedan kallelsen (kallelsen visade {formatNumber(standing.presented?.count ?? 0)})
          </span>
        ) : null}
      </p>
      <details>
        <summary>Visa rader</summary>
        {live.sections.map((s) => (
          <div key={s.heading}>
            <h4>
              {s.heading} ({s.count === null ? "–" : formatNumber(s.count)})
            </h4>
            {s.lines.length > 0 ? (
              <ul>
                {s.lines.map((line, i) => (
                  // Lines may repeat (two agreements alike): their place in the list tells them apart.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </details>
    </div>
  );
}

type MotionDraft = { attendeeId: string; kind: MotionKind; text: string; adopted: boolean };

function Protocol({ m, item }: { m: Meeting; item: AgendaItem }) {
  if (m.status === "planerat" || m.status === "kallat") return null;
  return (
    <div className="protocol">
      {m.status === "genomfort" && m.canWrite ? (
        <ProtocolForm m={m} item={item} />
      ) : (
        <>
          <p>
            <strong>Beslut:</strong> {item.decision ?? "–"}
          </p>
          {item.motions.map((x) => (
            <p key={`${x.attendeeId}-${x.text}`}>
              {x.member}: {motionKindLabels[x.kind].toLowerCase()} – {x.text}
            </p>
          ))}
        </>
      )}
      {item.beslutsgang ? (
        <p>
          <strong>Beslutsgång:</strong> {item.beslutsgang}
        </p>
      ) : null}
      {item.notes.map((n) => (
        <p key={`${n.kind}-${n.attendeeId}`}>
          {n.kind === "jav" ? `${n.member} anmäler jäv.` : `${n.member} reserverar sig mot beslutet.`}
        </p>
      ))}
      {item.recipients.length > 0 ? <p>Beslutet skickas till: {item.recipients.join(", ")}</p> : null}
      {m.status === "justerat" ? <Extracts m={m} item={item} /> : null}
    </div>
  );
}

function Extracts({ m, item }: { m: Meeting; item: AgendaItem }) {
  const recipients: (string | undefined)[] = item.recipients.length ? item.recipients : [undefined];
  return (
    <ul className="extracts" aria-label={`Protokollsutdrag § ${item.paragraph}`}>
      {recipients.map((r) => (
        <li key={r ?? "-"}>
          Utdrag{r ? ` till ${r}` : ""}: <a href={extractHref(m.id, item.id, "docx", r)}>Word</a>{" "}
          <a href={extractHref(m.id, item.id, "pdf", r)}>PDF</a>
        </li>
      ))}
    </ul>
  );
}

function ProtocolForm({ m, item }: { m: Meeting; item: AgendaItem }) {
  const record = useRecordProtocol();
  const members = m.attendees.filter((a) => a.present && a.role !== "tjansteperson");
  const [decision, setDecision] = useState(item.decision ?? "");
  const [recipients, setRecipients] = useState(item.recipients.join(", "));
  const [motions, setMotions] = useState<MotionDraft[]>(
    item.motions.map((x) => ({ attendeeId: x.attendeeId, kind: x.kind, text: x.text, adopted: x.adopted })),
  );
  const [reservations, setReservations] = useState<string[]>(
    item.notes.filter((n) => n.kind === "reservation").map((n) => n.attendeeId),
  );
  const [jav, setJav] = useState<string[]>(item.notes.filter((n) => n.kind === "jav").map((n) => n.attendeeId));
  const key = `p-${item.id}`;
  const setMotion = (i: number, change: Partial<MotionDraft>) =>
    setMotions(motions.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const toggle = (list: string[], set: (v: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  return (
    <MutationForm
      className="namnd-form"
      aria-label={`Protokoll § ${item.paragraph}`}
      mutation={{
        error: record.error,
        mutate: () =>
          record.mutate({
            params: { id: m.id },
            body: {
              itemId: item.id,
              decision,
              motions,
              jav,
              reservations,
              recipients: recipients
                .split(",")
                .map((r) => r.trim())
                .filter(Boolean),
            },
          }),
      }}
    >
      <label htmlFor={`${key}-decision`}>Beslut § {item.paragraph}</label>
      <textarea
        id={`${key}-decision`}
        value={decision}
        onChange={(e) => setDecision(e.target.value)}
        rows={3}
        required
      />
      <fieldset>
        <legend>Förslag till beslut på sammanträdet</legend>
        {motions.map((x, i) => (
          // Drafts have no id until saved; their place in the list is theirs.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={i} className="form-grid">
            <SelectField
              id={`${key}-m${i}-who`}
              label="Ledamot"
              value={x.attendeeId}
              onChange={(v) => setMotion(i, { attendeeId: v })}
            >
              {members.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.party})
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${key}-m${i}-kind`}
              label="Slag"
              value={x.kind}
              onChange={(v) => setMotion(i, { kind: v as MotionKind })}
            >
              {motionKinds.map((k) => (
                <option key={k} value={k}>
                  {motionKindLabels[k]}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`${key}-m${i}-text`}
              label="Yrkande"
              value={x.text}
              onChange={(v) => setMotion(i, { text: v })}
              required
              maxLength={2000}
            />
            <label className="namnd-check">
              <input
                type="checkbox"
                checked={x.adopted}
                onChange={(e) => setMotion(i, { adopted: e.target.checked })}
              />
              Bifallet
            </label>
          </div>
        ))}
        <button
          type="button"
          disabled={members.length === 0}
          onClick={() =>
            setMotions([...motions, { attendeeId: members[0]?.id ?? "", kind: "yrkande", text: "", adopted: true }])
          }
        >
          Lägg till yrkande
        </button>
      </fieldset>
      <fieldset>
        <legend>Jäv och reservationer</legend>
        {members.map((a) => (
          <div key={a.id} className="member-notes">
            <span>
              {a.name} ({a.party})
            </span>
            <label className="namnd-check">
              <input type="checkbox" checked={jav.includes(a.id)} onChange={() => toggle(jav, setJav, a.id)} />
              Jäv
            </label>
            <label className="namnd-check">
              <input
                type="checkbox"
                checked={reservations.includes(a.id)}
                onChange={() => toggle(reservations, setReservations, a.id)}
              />
              Reserverar sig
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id={`${key}-recipients`}
        label="Beslutet skickas till (kommaseparerat)"
        value={recipients}
        onChange={setRecipients}
        maxLength={2000}
      />
      <div>
        <button type="submit" className="primary" disabled={record.isPending}>
          Spara § {item.paragraph}
        </button>
      </div>
    </MutationForm>
  );
}

function AddItem({ m }: { m: Meeting }) {
  const add = useAddItem();
  const standing = useAddStandingItems();
  const [dnr, setDnr] = useState("");
  const [information, setInformation] = useState("");
  return (
    <section className="card namnd-form" aria-labelledby="add-item-title">
      <h2 id="add-item-title">Lägg till på föredragningslistan</h2>
      <MutationForm
        aria-label="Lägg till ärende"
        mutation={{
          error: add.error,
          mutate: () =>
            add.mutate(
              { params: { id: m.id }, body: { kind: "arende", diarienummer: dnr } },
              { onSuccess: () => setDnr("") },
            ),
        }}
      >
        <div className="form-grid">
          <TextField id="add-dnr" label="Ärende (diarienummer)" value={dnr} onChange={setDnr} required maxLength={60} />
        </div>
        <button type="submit" disabled={add.isPending}>
          Lägg till ärendet
        </button>
      </MutationForm>
      <MutationForm
        aria-label="Lägg till informationspunkt"
        mutation={{
          error: null,
          mutate: () =>
            add.mutate(
              { params: { id: m.id }, body: { kind: "information", title: information } },
              { onSuccess: () => setInformation("") },
            ),
        }}
      >
        <div className="form-grid">
          <TextField
            id="add-info"
            label="Informationspunkt (rubrik)"
            value={information}
            onChange={setInformation}
            required
            maxLength={500}
          />
        </div>
        <button type="submit" disabled={add.isPending}>
          Lägg till informationen
        </button>
      </MutationForm>
      <button type="button" onClick={() => standing.mutate({ params: { id: m.id } })} disabled={standing.isPending}>
        Lägg till stående punkter som saknas
      </button>
      <ErrorMessage error={standing.error} />
    </section>
  );
}

type AttendeeDraft = {
  id: string | null;
  name: string;
  party: string;
  role: AttendeeRole;
  present: boolean;
  servingFor: string;
  adjuster: boolean;
};

function Roster({ m, save }: { m: Meeting; save: ReturnType<typeof useSetRoster> }) {
  const editable = m.canWrite && m.status !== "justerat";
  const [rows, setRows] = useState<AttendeeDraft[]>(() =>
    m.attendees.map((a) => ({
      id: a.id,
      name: a.name,
      party: a.party ?? "",
      role: a.role,
      present: a.present,
      servingFor: a.servingFor ? String(m.attendees.findIndex((b) => b.id === a.servingFor)) : "",
      adjuster: a.adjuster,
    })),
  );
  const set = (i: number, change: Partial<AttendeeDraft>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const roster = (
    <ScrollFrame label="Närvarolista">
      <table className="data roster">
        <caption>{formatNumber(rows.filter((r) => r.present).length)} närvarande</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Parti</th>
            <th scope="col">Roll</th>
            <th scope="col">Närvarande</th>
            <th scope="col">Tjänstgör för</th>
            <th scope="col">Justerare</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // New rows have no id until saved; their place in the list is theirs.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              <td>
                {editable ? (
                  <input
                    aria-label={`Namn rad ${i + 1}`}
                    value={r.name}
                    onChange={(e) => set(i, { name: e.target.value })}
                    required
                  />
                ) : (
                  r.name
                )}
              </td>
              <td>
                {editable ? (
                  <input
                    aria-label={`Parti rad ${i + 1}`}
                    value={r.party}
                    size={4}
                    onChange={(e) => set(i, { party: e.target.value })}
                  />
                ) : (
                  r.party
                )}
              </td>
              <td>
                {editable ? (
                  <select
                    aria-label={`Roll rad ${i + 1}`}
                    value={r.role}
                    onChange={(e) => set(i, { role: e.target.value as AttendeeRole })}
                  >
                    {attendeeRoles.map((role) => (
                      <option key={role} value={role}>
                        {attendeeRoleLabels[role]}
                      </option>
                    ))}
                  </select>
                ) : (
                  attendeeRoleLabels[r.role]
                )}
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${r.name || `Rad ${i + 1}`} närvarande`}
                  checked={r.present}
                  disabled={!editable}
                  onChange={(e) => set(i, { present: e.target.checked })}
                />
              </td>
              <td>
                {editable && r.role === "ersattare" ? (
                  <select
                    aria-label={`${r.name || `Rad ${i + 1}`} tjänstgör för`}
                    value={r.servingFor}
                    onChange={(e) => set(i, { servingFor: e.target.value })}
                  >
                    <option value="">–</option>
                    {rows.map((o, j) =>
                      o.role === "ledamot" || o.role === "ordforande" ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: rows are known by their place
                        <option key={j} value={j}>
                          {o.name}
                        </option>
                      ) : null,
                    )}
                  </select>
                ) : r.servingFor === "" ? (
                  ""
                ) : (
                  (rows[Number(r.servingFor)]?.name ?? "")
                )}
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${r.name || `Rad ${i + 1}`} justerare`}
                  checked={r.adjuster}
                  disabled={!editable}
                  onChange={(e) => set(i, { adjuster: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">Närvaro</h2>
      {editable ? (
        <MutationForm
          className="namnd-form"
          aria-label="Närvarolista"
          mutation={{
            error: save.error,
            mutate: () =>
              save.mutate({
                params: { id: m.id },
                body: {
                  attendees: rows.map((r) => ({
                    id: r.id,
                    name: r.name,
                    party: r.party || null,
                    role: r.role,
                    present: r.present,
                    servingFor: r.servingFor === "" ? null : Number(r.servingFor),
                    adjuster: r.adjuster,
                  })),
                },
              }),
          }}
        >
          {roster}
          <div className="toolbar">
            <button
              type="button"
              onClick={() =>
                setRows([
                  ...rows,
                  { id: null, name: "", party: "", role: "ledamot", present: true, servingFor: "", adjuster: false },
                ])
              }
            >
              Lägg till person
            </button>
            <button type="submit" className="primary" disabled={save.isPending}>
              Spara närvaron
            </button>
          </div>
          {save.isSuccess ? <p role="status">Närvaron är sparad.</p> : null}
        </MutationForm>
      ) : (
        roster
      )}
    </section>
  );
}

/** The way to the review before publication: the föredragningslista once kallat, the protokoll once justerat. */
/** The kallelse to download once it is sent (an inställt meeting's was withdrawn). */
function KallelseLinks({ m }: { m: Meeting }) {
  if (m.status === "planerat" || m.status === "installt") return null;
  return (
    <p className="toolbar">
      Kallelsen: <a href={kallelseHref(m.id, "docx")}>Word</a> <a href={kallelseHref(m.id, "pdf")}>PDF</a>
    </p>
  );
}

function PublishLinks({ m }: { m: Meeting }) {
  if (m.status === "planerat" || m.status === "installt") return null;
  return (
    <p className="toolbar">
      <Link to={`/namnd/sammantraden/${m.id}/publicering/foredragningslista`}>Publicera föredragningslistan</Link>
      {m.status === "justerat" ? (
        <Link to={`/namnd/sammantraden/${m.id}/publicering/protokoll`}>Publicera protokollet</Link>
      ) : null}
    </p>
  );
}
