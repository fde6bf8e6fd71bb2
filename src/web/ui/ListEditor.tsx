// One of a kommun's lists (händelse types and causes, the lex Sarah lists, the kinds of IVO-tillsyn) as a
// section: for its admin a form per entry (name, active, save) and a form for a new entry (code, name); for
// everyone else the entries as a list. Entries are never deleted: a deactivated one is no longer offered but
// stays on the records that have it. A list may carry one extra field (the händelse types' group), a select.
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "./fields.tsx";
import { ErrorMessage, Loading, Page } from "./Page.tsx";

export type ListEntry = { id: string; code: string; name: string; active: boolean };

/** The extra field of a list's entries: a select of `options` ([value, label]), the entry's value read by `of`. */
export type ListExtraField<E> = {
  label: string;
  options: readonly (readonly [string, string])[];
  of: (entry: E) => string;
  /** The value a new entry starts with. */
  initial: string;
};

export type EntryChange = { name: string; active: boolean; extra?: string };
export type NewEntry = { code: string; name: string; extra?: string };

type ListEditorProps<E extends ListEntry> = {
  /** Unique on the page: the heading's id and the prefix of every control's. */
  id: string;
  title: string;
  entries: readonly E[];
  /** The reader may edit (the kommun's admin); else the list is shown as it is. */
  editable: boolean;
  /** The accessible name of the new-entry form. */
  newEntryLabel: string;
  extra?: ListExtraField<E>;
  update: (entry: E, change: EntryChange) => Promise<unknown>;
  create: (entry: NewEntry) => Promise<unknown>;
  /** After a change: read the list anew. */
  onChanged: () => Promise<unknown>;
};

function ExtraSelect<E>({
  id,
  extra,
  value,
  onChange,
}: {
  id: string;
  extra: ListExtraField<E>;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <SelectField id={id} label={extra.label} value={value} onChange={onChange}>
      {extra.options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </SelectField>
  );
}

/** An entry form's tail: the Aktiv checkbox, Spara (once something changed) and word of the save. */
export function ActiveAndSave({
  id,
  active,
  onActive,
  canSave,
  update,
}: {
  id: string;
  active: boolean;
  onActive: (active: boolean) => void;
  canSave: boolean;
  update: { isSuccess: boolean };
}) {
  return (
    <>
      <div>
        <input id={`${id}-active`} type="checkbox" checked={active} onChange={(e) => onActive(e.target.checked)} />
        <label htmlFor={`${id}-active`}>Aktiv</label>
      </div>
      <button type="submit" disabled={!canSave}>
        Spara
      </button>
      {update.isSuccess ? <span role="status">Sparad.</span> : null}
    </>
  );
}

function EntryForm<E extends ListEntry>({ entry, props }: { entry: E; props: ListEditorProps<E> }) {
  const { extra } = props;
  const update = useMutation({
    mutationFn: (change: EntryChange) => props.update(entry, change),
    onSuccess: props.onChanged,
  });
  const [name, setName] = useState(entry.name);
  const [active, setActive] = useState(entry.active);
  const [extraValue, setExtraValue] = useState(extra ? extra.of(entry) : "");
  const id = `${props.id}-${entry.id}`;
  const changed = name !== entry.name || active !== entry.active || (extra ? extraValue !== extra.of(entry) : false);
  return (
    <MutationForm
      className="toolbar"
      aria-label={`Ändra ${entry.code}`}
      mutation={{
        mutate: () => update.mutate({ name, active, ...(extra ? { extra: extraValue } : {}) }),
        error: update.error,
      }}
    >
      <TextField id={`${id}-name`} label={`Namn (${entry.code})`} value={name} onChange={setName} required />
      {extra ? <ExtraSelect id={`${id}-extra`} extra={extra} value={extraValue} onChange={setExtraValue} /> : null}
      <ActiveAndSave
        id={id}
        active={active}
        onActive={setActive}
        canSave={!update.isPending && changed}
        update={update}
      />
    </MutationForm>
  );
}

function NewEntryForm<E extends ListEntry>({ props }: { props: ListEditorProps<E> }) {
  const { extra } = props;
  const create = useMutation({ mutationFn: props.create, onSuccess: props.onChanged });
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [extraValue, setExtraValue] = useState(extra?.initial ?? "");
  const id = `${props.id}-new`;
  const add = () =>
    create.mutate(
      { code, name, ...(extra ? { extra: extraValue } : {}) },
      {
        onSuccess: () => {
          setCode("");
          setName("");
        },
      },
    );
  return (
    <MutationForm className="toolbar" aria-label={props.newEntryLabel} mutation={{ mutate: add, error: create.error }}>
      <TextField id={`${id}-code`} label="Kod (a–z, 0–9, -)" value={code} onChange={setCode} required />
      <TextField id={`${id}-name`} label="Namn" value={name} onChange={setName} required />
      {extra ? <ExtraSelect id={`${id}-extra`} extra={extra} value={extraValue} onChange={setExtraValue} /> : null}
      <button type="submit" disabled={create.isPending}>
        Lägg till
      </button>
    </MutationForm>
  );
}

export function ListEditor<E extends ListEntry>(props: ListEditorProps<E>) {
  const { id, title, entries, editable, extra } = props;
  const extraLabel = (entry: E) => {
    if (!extra) return "";
    const value = extra.of(entry);
    return ` – ${extra.options.find(([v]) => v === value)?.[1] ?? value}`;
  };
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {editable ? (
        <>
          {entries.map((entry) => (
            // Keyed by id alone: after a save the form keeps its values (now the saved ones) and says so.
            <EntryForm key={entry.id} entry={entry} props={props} />
          ))}
          <NewEntryForm props={props} />
        </>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              {entry.name} <code>{entry.code}</code>
              {extraLabel(entry)}
              {entry.active ? "" : " (inaktiv)"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A page of a kommun's lists: whose they are and what deactivating means, then the lists (`children`) once read,
 * editable by an admin of the kommun.
 */
export function KommunListsPage<D extends { kommunId: string }>({
  title,
  records,
  result,
  children,
}: {
  title: string;
  /** What the entries are given to, plural definite: "händelser", "rapporter", "tillsyner". */
  records: string;
  result: { data?: D; error: unknown; isLoading: boolean };
  children: (data: D, editable: boolean) => ReactNode;
}) {
  const { can } = useSession();
  const data = result.data;
  const editable = data ? can("admin", data.kommunId) : false;
  return (
    <Page title={title}>
      <p>
        Listorna är kommunens. {editable ? "" : "Kommunens administratör ändrar dem. "}En inaktiverad post erbjuds inte
        längre men finns kvar på de {records} som har den; poster tas aldrig bort.
      </p>
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? <Loading /> : children(data, editable)}
    </Page>
  );
}
