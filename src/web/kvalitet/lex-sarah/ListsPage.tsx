import { useQueryClient } from "@tanstack/react-query";
import * as lexSarah from "../../../kvalitet/lex-sarah/api.ts";
import { listKindLabels, listKinds } from "../../../kvalitet/lex-sarah/vocabulary.ts";
import { call, invalidate } from "../../api.ts";
import { useSession } from "../../session.tsx";
import { ListEditor } from "../../ui/ListEditor.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useLexSarahLists } from "./queries.ts";

const listKey = { kategori: "categories", orsak: "causes", atgard: "measures", utredningspunkt: "items" } as const;

/**
 * The kommun's lex Sarah lists (categories, causes, measures, investigation items). Everyone with the
 * register sees them; the kommun's admin adds, renames and deactivates entries. A deactivated entry is no
 * longer offered but stays on the cases that have it; entries are never deleted.
 */
export function ListsPage() {
  const { orgNode, can } = useSession();
  const queryClient = useQueryClient();
  const result = useLexSarahLists();
  const data = result.data;
  const canEdit = data ? can("admin", data.kommunId) : false;
  const reread = () => invalidate(queryClient, lexSarah.lists);
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
          <ListEditor
            key={list}
            id={`ls-${list}`}
            title={listKindLabels[list]}
            entries={data[listKey[list]]}
            editable={canEdit}
            newEntryLabel={`Ny post i ${listKindLabels[list].toLowerCase()}`}
            update={(entry, { name, active }) =>
              call(lexSarah.updateListEntry, { params: { id: entry.id }, body: { name, active } })
            }
            create={({ code, name }) =>
              call(lexSarah.createListEntry, { body: { orgNodeId: orgNode.id, list, code, name } })
            }
            onChanged={reread}
          />
        ))
      )}
    </Page>
  );
}
