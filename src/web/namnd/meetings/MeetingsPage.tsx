import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { bodyKindLabels, meetingStatusLabels } from "../../../namnd/meetings/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import { isForbidden } from "../../api.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, ForbiddenPage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { useCreateMeeting } from "./mutations.ts";
import { useBodies, useMeetings } from "./queries.ts";
import "./meetings.css";

/** The nämnd's meeting calendar: the nämnd's and the utskott's meetings of a year; writers plan new ones. */
export function MeetingsPage() {
  const { can } = useSession();
  const [year, setYear] = useState<number | undefined>(undefined);
  const meetings = useMeetings(year);
  const bodies = useBodies();
  if (isForbidden(meetings.error)) {
    return <ForbiddenPage title="Sammanträden" what="nämndens sammanträden" />;
  }
  const thisYear = Number(todayInSweden().slice(0, 4));
  return (
    <Page title="Sammanträden">
      <div className="toolbar">
        <SelectField
          id="meetings-year"
          label="År"
          value={year ?? ""}
          onChange={(v) => setYear(v ? Number(v) : undefined)}
        >
          <option value="">Alla år</option>
          {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorMessage error={meetings.error} />
      {meetings.isLoading ? <Loading /> : null}
      {meetings.data ? (
        <ScrollFrame label="Sammanträdeskalender">
          <table className="data">
            <caption>{formatNumber(meetings.data.length)} sammanträden</caption>
            <ColumnHeads columns={["Datum", "Organ", "Tid", "Plats", "Status", "Punkter"]} />
            <tbody>
              {meetings.data.map((m) => (
                <tr key={m.id}>
                  <td className="meeting-date">
                    <Link to={`/namnd/sammantraden/${m.id}`}>{m.meetingDate}</Link>
                  </td>
                  <td>
                    {m.body.name} <span className="namnd-hint">({bodyKindLabels[m.body.kind]})</span>
                  </td>
                  <td>{m.startTime ?? ""}</td>
                  <td>{m.place ?? ""}</td>
                  <td>{meetingStatusLabels[m.status]}</td>
                  <td className="num">{formatNumber(m.itemCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      ) : null}
      {can("write:namnd") && bodies.data ? <PlanMeeting bodies={bodies.data.bodies} /> : null}
    </Page>
  );
}

function PlanMeeting({ bodies }: { bodies: { id: string; name: string }[] }) {
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [form, setForm] = useState({ bodyId: bodies[0]?.id ?? "", meetingDate: "", startTime: "", place: "" });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  if (bodies.length === 0) return <p className="notice">Nämnden har inga organ som sammanträder än.</p>;
  return (
    <MutationForm
      className="card namnd-form"
      aria-label="Planera sammanträde"
      mutation={{
        error: create.error,
        mutate: () =>
          create.mutate(
            { body: { ...form, startTime: form.startTime || null, place: form.place || null } },
            { onSuccess: (m) => navigate(`/namnd/sammantraden/${m.id}`) },
          ),
      }}
    >
      <h2>Planera sammanträde</h2>
      <p className="namnd-hint">
        Stående punkter gäller från dagen efter förra sammanträdets period till dagen före; perioden kan ändras.
      </p>
      <div className="form-grid">
        <SelectField id="plan-body" label="Organ" value={form.bodyId} onChange={set("bodyId")} required>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="plan-date"
          label="Datum"
          type="date"
          value={form.meetingDate}
          onChange={set("meetingDate")}
          required
        />
        <TextField id="plan-time" label="Tid" type="time" value={form.startTime} onChange={set("startTime")} />
        <TextField id="plan-place" label="Plats" value={form.place} onChange={set("place")} maxLength={200} />
      </div>
      <div>
        <button type="submit" className="primary" disabled={create.isPending}>
          Planera
        </button>
      </div>
    </MutationForm>
  );
}
