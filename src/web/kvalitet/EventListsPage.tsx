// The kommun's lists for händelser: the types (with their group) and the causes an enhetschef classifies by.
// Everyone who reports reads them; the kommun's admin adds, renames and deactivates entries. Entries are never
// deleted: a deactivated one is no longer offered but stays on the händelser that have it.
import { useQueryClient } from "@tanstack/react-query";
import * as kvalitet from "../../kvalitet/api.ts";
import { type TypeGroup, typeGroupLabels, typeGroups } from "../../kvalitet/vocabulary.ts";
import { call, invalidate } from "../api.ts";
import { KommunListsPage, ListEditor, type ListExtraField } from "../ui/ListEditor.tsx";
import { useLists } from "./queries.ts";

type Type = { id: string; code: string; name: string; active: boolean; group: TypeGroup };

const groupField: ListExtraField<Type> = {
  label: "Grupp",
  options: typeGroups.map((g) => [g, typeGroupLabels[g]] as const),
  of: (type) => type.group,
  initial: "social",
};
// The select offers only the groups.
const groupOf = (value: string | undefined) => (value ?? "ovrigt") as TypeGroup;

export function EventListsPage() {
  const queryClient = useQueryClient();
  const reread = () => invalidate(queryClient, kvalitet.lists);
  return (
    <KommunListsPage title="Händelsetyper och orsaker" records="händelser" result={useLists()}>
      {(data, editable) => (
        <>
          <ListEditor
            id="kl-type"
            title="Händelsetyper"
            entries={data.types}
            editable={editable}
            newEntryLabel="Ny händelsetyp"
            extra={groupField}
            update={(type, { name, active, extra }) =>
              call(kvalitet.updateType, { params: { id: type.id }, body: { name, active, group: groupOf(extra) } })
            }
            create={({ code, name, extra }) =>
              call(kvalitet.createType, { body: { orgNodeId: data.kommunId, code, name, group: groupOf(extra) } })
            }
            onChanged={reread}
          />
          <ListEditor
            id="kl-cause"
            title="Orsaker"
            entries={data.causes}
            editable={editable}
            newEntryLabel="Ny orsak"
            update={(cause, { name, active }) =>
              call(kvalitet.updateCause, { params: { id: cause.id }, body: { name, active } })
            }
            create={({ code, name }) => call(kvalitet.createCause, { body: { orgNodeId: data.kommunId, code, name } })}
            onChanged={reread}
          />
        </>
      )}
    </KommunListsPage>
  );
}
