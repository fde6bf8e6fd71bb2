import { useQueryClient } from "@tanstack/react-query";
import * as tillsyn from "../../../kvalitet/tillsyn/api.ts";
import { call, invalidate } from "../../api.ts";
import { KommunListsPage, ListEditor } from "../../ui/ListEditor.tsx";
import { useInspectionTypes } from "./queries.ts";

/**
 * The kommun's kinds of IVO-tillsyn, which a registered tillsyn is one of. Everyone sees them; the kommun's
 * admin adds, renames and deactivates kinds; kinds are never deleted.
 */
export function TypesPage() {
  const queryClient = useQueryClient();
  return (
    <KommunListsPage title="Typer av tillsyn" records="tillsyner" result={useInspectionTypes()}>
      {(data, editable) => (
        <ListEditor
          id="ti-types"
          title="Slag av tillsyn"
          entries={data.types}
          editable={editable}
          newEntryLabel="Nytt slag av tillsyn"
          update={(type, { name, active }) =>
            call(tillsyn.updateInspectionType, { params: { id: type.id }, body: { name, active } })
          }
          create={({ code, name }) =>
            call(tillsyn.createInspectionType, { body: { orgNodeId: data.kommunId, code, name } })
          }
          onChanged={() => invalidate(queryClient, tillsyn.inspectionTypes)}
        />
      )}
    </KommunListsPage>
  );
}
