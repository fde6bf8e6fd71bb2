import { useState } from "react";
import { type ListKind, listKindLabels, listKinds } from "../../../kvalitet/lex-sarah/vocabulary.ts";
import { useSession } from "../../session.tsx";
import { MutationForm, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useCreateListEntry, useUpdateListEntry } from "./mutations.ts";
import { useLexSarahLists } from "./queries.ts";

type Entry = { id: string; code: string; name: string; active: boolean };

const listKey = { kategori: "categories", orsak: "causes", atgard: "measures", utredningspunkt: "items" } as const;

/** One entry: its name and whether it is offered; never deleted, so a case keeps what it was given. */
function EntryForm({ entry }: { entry: Entry }) {
  const update = useUpdateListEntry();
  const [name, setName] = useState(entry.name);
  const [active, setActive] = useState(entry.active);
  const id = `ls-entry-${entry.id}`;
  return (
    <MutationForm
      className="toolbar"
      aria-label={`Ändra ${entry.code}`}
      mutation={{
        mutate: () => update.mutate({ params: { id: entry.id }, body: { name, active } }),
        error: update.error,
      }}
    >
      <TextField id={`${id}-name`} label={`Namn (${entry.code})`} value={name} onChange={setName} required />
      <div>
        <input id={`${id}-active`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <label htmlFor={`${id}-active`}>Aktiv</label>
      </div>
      <button type="submit" disabled={update.isPending || (name === entry.name && active === entry.active)}>
        Spara
      </button>
      {update.isSuccess ? <span role="status">Sparad.</span> : null}
    </MutationForm>
  );
}

/** A new entry, placed last in its list. */
function NewEntryForm({ list, orgNodeId }: { list: ListKind; orgNodeId: string }) {
  const create = useCreateListEntry();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const id = `ls-new-${list}`;
  return (
    <MutationForm
      className="toolbar"
      aria-label={`Ny post i ${listKindLabels[list].toLowerCase()}`}
      mutation={{
        mutate: () =>
          create.mutate(
            { body: { orgNodeId, list, code, name } },
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
      <button type="submit" disabled={create.isPending}>
        Lägg till
      </button>
    </MutationForm>
  );
}

/**
 * The kommun's lex Sarah lists (categories, causes, measures, investigation items). Everyone with the
 * register sees them; the kommun's admin adds, renames and deactivates entries. A deactivated entry is no
 * longer offered but stays on the cases that have it; entries are never deleted.
 */
export function ListsPage() {
  const { orgNode, can } = useSession();
  const result = useLexSarahLists();
  const data = result.data;
  const canEdit = data ? can("admin", data.kommunId) : false;
  return (
    <Page title="Lex Sarah-listor">
      <p>
        Listorna är kommunens. {canEdit ? "" : "Kommunens administratör ändrar dem. "}En inaktiverad post erbjuds inte
        längre men finns kvar på de rapporter som har den; poster tas aldrig bort.
      </p>
      <ErrorMessage error={result.error} />
      {result.isLoading || !data || !orgNode ? (
        <Loading />
      ) : (
        listKinds.map((list) => (
          <section key={list} className="card" aria-labelledby={`ls-${list}`}>
            <h2 id={`ls-${list}`}>{listKindLabels[list]}</h2>
            {canEdit ? (
              <>
                {data[listKey[list]].map((entry) => (
                  <EntryForm key={`${entry.id}-${entry.name}-${entry.active}`} entry={entry} />
                ))}
                <NewEntryForm list={list} orgNodeId={orgNode.id} />
              </>
            ) : (
              <ul>
                {data[listKey[list]].map((entry) => (
                  <li key={entry.id}>
                    {entry.name} <code>{entry.code}</code>
                    {entry.active ? "" : " (inaktiv)"}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </Page>
  );
}
