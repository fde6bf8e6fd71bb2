import { useQueryClient } from "@tanstack/react-query";
import * as lexSarah from "../../../kvalitet/lex-sarah/api.ts";
import { listKindLabels, listKinds } from "../../../kvalitet/lex-sarah/vocabulary.ts";
import { call, invalidate } from "../../api.ts";
import { KommunListsPage, ListEditor } from "../../ui/ListEditor.tsx";
import { useLexSarahLists } from "./queries.ts";

const listKey = { kategori: "categories", orsak: "causes", atgard: "measures", utredningspunkt: "items" } as const;

/**
 * The kommun's lex Sarah lists (categories, causes, measures, investigation items). Everyone with the
 * register sees them; the kommun's admin adds, renames and deactivates entries; entries are never deleted.
 */
export function ListsPage() {
  const queryClient = useQueryClient();
  return (
    <KommunListsPage title="Lex Sarah-listor" records="rapporter" result={useLexSarahLists()}>
      {(data, editable) =>
        listKinds.map((list) => (
          <ListEditor
            key={list}
            id={`ls-${list}`}
            title={listKindLabels[list]}
            entries={data[listKey[list]]}
            editable={editable}
            newEntryLabel={`Ny post i ${listKindLabels[list].toLowerCase()}`}
            update={(entry, { name, active }) =>
              call(lexSarah.updateListEntry, { params: { id: entry.id }, body: { name, active } })
            }
            create={({ code, name }) =>
              call(lexSarah.createListEntry, { body: { orgNodeId: data.kommunId, list, code, name } })
            }
            onChanged={() => invalidate(queryClient, lexSarah.lists)}
          />
        ))
      }
    </KommunListsPage>
  );
}
