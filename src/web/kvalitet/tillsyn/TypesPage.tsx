import { useQueryClient } from "@tanstack/react-query";
import * as tillsyn from "../../../kvalitet/tillsyn/api.ts";
import { call, invalidate } from "../../api.ts";
import { useSession } from "../../session.tsx";
import { ListEditor } from "../../ui/ListEditor.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useInspectionTypes } from "./queries.ts";

/**
 * The kommun's kinds of IVO-tillsyn, which a registered tillsyn is one of. Everyone sees them; the kommun's
 * admin adds, renames and deactivates kinds. A deactivated kind is no longer offered but stays on the
 * tillsyner that have it; kinds are never deleted.
 */
export function TypesPage() {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const result = useInspectionTypes();
  const data = result.data;
  const canEdit = data ? can("admin", data.kommunId) : false;
  return (
    <Page title="Typer av tillsyn">
      <p>
        Listan är kommunens. {canEdit ? "" : "Kommunens administratör ändrar den. "}En inaktiverad typ erbjuds inte
        längre men finns kvar på de tillsyner som har den; typer tas aldrig bort.
      </p>
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? (
        <Loading />
      ) : (
        <ListEditor
          id="ti-types"
          title="Slag av tillsyn"
          entries={data.types}
          editable={canEdit}
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
    </Page>
  );
}
