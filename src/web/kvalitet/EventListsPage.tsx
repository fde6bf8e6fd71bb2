// The kommun's lists for händelser: the types (with their group) and the causes an enhetschef classifies by.
// Everyone who reports reads them; the kommun's admin adds, renames and deactivates entries. Entries are never
// deleted: a deactivated one is no longer offered but stays on the händelser that have it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as kvalitet from "../../kvalitet/api.ts";
import { type TypeGroup, typeGroupLabels, typeGroups } from "../../kvalitet/vocabulary.ts";
import { call, invalidate } from "../api.ts";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useLists } from "./queries.ts";

type Entry = { id: string; code: string; name: string; active: boolean; group?: TypeGroup };
type Kind = "type" | "cause";

function useListChange<I>(change: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, kvalitet.lists) });
}

function GroupField({ id, value, onChange }: { id: string; value: TypeGroup; onChange: (g: TypeGroup) => void }) {
  return (
    <SelectField id={id} label="Grupp" value={value} onChange={(v) => onChange(v as TypeGroup)}>
      {typeGroups.map((g) => (
        <option key={g} value={g}>
          {typeGroupLabels[g]}
        </option>
      ))}
    </SelectField>
  );
}

/** One entry: its name (and a type's group) and whether it is offered. */
function EntryForm({ kind, entry }: { kind: Kind; entry: Entry }) {
  const update = useListChange((body: { name: string; active: boolean; group?: TypeGroup }) =>
    kind === "type"
      ? call(kvalitet.updateType, { params: { id: entry.id }, body })
      : call(kvalitet.updateCause, { params: { id: entry.id }, body: { name: body.name, active: body.active } }),
  );
  const [name, setName] = useState(entry.name);
  const [active, setActive] = useState(entry.active);
  const [group, setGroup] = useState<TypeGroup>(entry.group ?? "ovrigt");
  const id = `kl-${entry.id}`;
  const changed = name !== entry.name || active !== entry.active || (kind === "type" && group !== entry.group);
  return (
    <MutationForm
      className="toolbar"
      aria-label={`Ändra ${entry.code}`}
      mutation={{
        mutate: () => update.mutate({ name, active, ...(kind === "type" ? { group } : {}) }),
        error: update.error,
      }}
    >
      <TextField id={`${id}-name`} label={`Namn (${entry.code})`} value={name} onChange={setName} required />
      {kind === "type" ? <GroupField id={`${id}-group`} value={group} onChange={setGroup} /> : null}
      <div>
        <input id={`${id}-active`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <label htmlFor={`${id}-active`}>Aktiv</label>
      </div>
      <button type="submit" disabled={update.isPending || !changed}>
        Spara
      </button>
      {update.isSuccess ? <span role="status">Sparad.</span> : null}
    </MutationForm>
  );
}

/** A new entry in the kommun's list. */
function NewEntryForm({ kind, kommunId }: { kind: Kind; kommunId: string }) {
  const create = useListChange((input: { code: string; name: string; group: TypeGroup }) =>
    kind === "type"
      ? call(kvalitet.createType, { body: { orgNodeId: kommunId, ...input } })
      : call(kvalitet.createCause, { body: { orgNodeId: kommunId, code: input.code, name: input.name } }),
  );
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [group, setGroup] = useState<TypeGroup>("social");
  const id = `kl-new-${kind}`;
  return (
    <MutationForm
      className="toolbar"
      aria-label={kind === "type" ? "Ny händelsetyp" : "Ny orsak"}
      mutation={{
        mutate: () =>
          create.mutate(
            { code, name, group },
            {
              onSuccess: () => {
                setCode("");
                setName("");
              },
            },
          ),
        error: create.error,
      }}
    >
      <TextField id={`${id}-code`} label="Kod (a–z, 0–9, -)" value={code} onChange={setCode} required />
      <TextField id={`${id}-name`} label="Namn" value={name} onChange={setName} required />
      {kind === "type" ? <GroupField id={`${id}-group`} value={group} onChange={setGroup} /> : null}
      <button type="submit" disabled={create.isPending}>
        Lägg till
      </button>
    </MutationForm>
  );
}

export function EventListsPage() {
  const { can } = useSession();
  const lists = useLists();
  const data = lists.data;
  const canEdit = data ? can("admin", data.kommunId) : false;
  const sections: { kind: Kind; title: string; entries: Entry[] }[] = data
    ? [
        { kind: "type", title: "Händelsetyper", entries: data.types },
        { kind: "cause", title: "Orsaker", entries: data.causes },
      ]
    : [];
  return (
    <Page title="Händelsetyper och orsaker">
      <p>
        Listorna är kommunens. {canEdit ? "" : "Kommunens administratör ändrar dem. "}En inaktiverad post erbjuds inte
        längre men finns kvar på de händelser som har den; poster tas aldrig bort.
      </p>
      <ErrorMessage error={lists.error} />
      {lists.isLoading || !data ? <Loading /> : null}
      {sections.map(({ kind, title, entries }) => (
        <section key={kind} className="card" aria-labelledby={`kl-${kind}`}>
          <h2 id={`kl-${kind}`}>{title}</h2>
          {canEdit && data ? (
            <>
              {entries.map((entry) => (
                // Keyed by id alone: after a save the form keeps its values (now the saved ones) and says so.
                <EntryForm key={entry.id} kind={kind} entry={entry} />
              ))}
              <NewEntryForm kind={kind} kommunId={data.kommunId} />
            </>
          ) : (
            <ul>
              {entries.map((entry) => (
                <li key={entry.id}>
                  {entry.name} <code>{entry.code}</code>
                  {entry.group ? ` – ${typeGroupLabels[entry.group]}` : ""}
                  {entry.active ? "" : " (inaktiv)"}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Page>
  );
}
