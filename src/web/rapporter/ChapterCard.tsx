// One chapter of a report: the approver gives it a writer and a deadline; its writer (or the approver)
// writes its texts and sets its status until the report is approved; anyone who reads it comments.
import { useState } from "react";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { chapterStatuses, chapterStatusLabels } from "../../rapporter/workflow.ts";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { useAddComment, useAssignChapter, useChapterStatus, useSaveText } from "./mutations.ts";
import { type Instance, type InstanceChapter, useWriters } from "./queries.ts";

const anchor = (chapterId: string) => `kapitel-${chapterId}`;

export function ChapterCard({ report, chapter: c }: { report: Instance; chapter: InstanceChapter }) {
  const open = report.status === "utkast" || report.status === "granskning";
  return (
    <section id={anchor(c.id)} className="rapport-chapter" aria-labelledby={`${anchor(c.id)}-rubrik`} tabIndex={-1}>
      <h3 id={`${anchor(c.id)}-rubrik`}>{c.title}</h3>
      {report.mayApprove && open ? <AssignForm report={report} chapter={c} /> : null}
      {c.mayEdit && open ? <StatusForm reportId={report.id} chapter={c} /> : null}
      {c.texts.map((t) =>
        c.mayEdit && open ? (
          <TextForm key={t.block} reportId={report.id} block={t} />
        ) : (
          <div key={t.block} className="rapport-text">
            {t.heading ? <h4>{t.heading}</h4> : null}
            <p>{t.text}</p>
          </div>
        ),
      )}
      <Comments reportId={report.id} chapter={c} />
    </section>
  );
}

function AssignForm({ report, chapter: c }: { report: Instance; chapter: InstanceChapter }) {
  const writers = useWriters(report.namnd.id);
  const assign = useAssignChapter(report.id);
  const [writerId, setWriterId] = useState(c.writer?.id ?? "");
  const [deadline, setDeadline] = useState(c.deadline ?? "");
  return (
    <MutationForm
      className="toolbar"
      aria-label={`Skribent och sista dag för ${c.title}`}
      mutation={{
        mutate: () => assign.mutate({ chapter: c.id, writerId: writerId || null, deadline: deadline || null }),
        error: assign.error,
      }}
    >
      <SelectField id={`skribent-${c.id}`} label="Skribent" value={writerId} onChange={setWriterId}>
        <option value="">Ingen</option>
        {writers.data?.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </SelectField>
      <TextField id={`deadline-${c.id}`} label="Klart senast" type="date" value={deadline} onChange={setDeadline} />
      <button type="submit" disabled={assign.isPending}>
        Spara skribent
      </button>
    </MutationForm>
  );
}

function StatusForm({ reportId, chapter: c }: { reportId: string; chapter: InstanceChapter }) {
  const setStatus = useChapterStatus(reportId);
  return (
    <div className="toolbar">
      <SelectField
        id={`status-${c.id}`}
        label="Kapitlets status"
        value={c.status}
        disabled={setStatus.isPending}
        onChange={(status) => setStatus.mutate({ chapter: c.id, status: status as (typeof chapterStatuses)[number] })}
      >
        {chapterStatuses.map((s) => (
          <option key={s} value={s}>
            {chapterStatusLabels[s]}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function TextForm({ reportId, block }: { reportId: string; block: InstanceChapter["texts"][number] }) {
  const save = useSaveText(reportId);
  const [text, setText] = useState(block.text);
  const id = `text-${block.block}`;
  return (
    <MutationForm
      className="rapport-text-form"
      mutation={{
        mutate: () => save.mutate({ block: block.block, text }, { onSuccess: (saved) => setText(saved.text) }),
        error: save.error,
      }}
    >
      <label htmlFor={id}>{block.heading ?? "Text"}</label>
      <textarea
        id={id}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-hjalp`}
      />
      <p id={`${id}-hjalp`} className="hint">
        Siffror skrivs som bundna värden, till exempel {"{drift.summa.avvikelse.mnkr}"}; en handskriven siffra flaggas.
        {block.own ? "" : " Texten är mallens utkast."}
      </p>
      <button type="submit" disabled={save.isPending || text === block.text}>
        Spara text
      </button>
      {save.isSuccess && text === block.text ? (
        <span role="status" className="ok">
          {" "}
          Sparad.
        </span>
      ) : null}
      {save.data?.warning ? (
        <p role="status" className="notice">
          {save.data.warning}
        </p>
      ) : null}
    </MutationForm>
  );
}

function Comments({ reportId, chapter: c }: { reportId: string; chapter: InstanceChapter }) {
  const add = useAddComment(reportId);
  const [text, setText] = useState("");
  const id = `kommentar-${c.id}`;
  return (
    <div className="rapport-comments">
      <h4>Kommentarer</h4>
      {c.comments.length === 0 ? <p>Inga kommentarer.</p> : null}
      <ul>
        {c.comments.map((m) => (
          <li key={m.id}>
            <span className="rapport-comment-meta">
              {m.author}, {formatDateTime(m.createdAt)}:
            </span>{" "}
            {m.text}
          </li>
        ))}
      </ul>
      <MutationForm
        className="rapport-text-form"
        mutation={{
          mutate: () => add.mutate({ chapter: c.id, text }, { onSuccess: () => setText("") }),
          error: add.error,
        }}
      >
        <label htmlFor={id}>Ny kommentar till {c.title}</label>
        <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={add.isPending || !text.trim()}>
          Kommentera
        </button>
        {add.data?.warning ? (
          <p role="status" className="notice">
            {add.data.warning}
          </p>
        ) : null}
      </MutationForm>
    </div>
  );
}
