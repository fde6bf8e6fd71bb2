import { useState } from "react";
import { useSession } from "../../session.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import "./kvalitetsplan.css";
import { AtgardTable, type Filter, FilterField } from "./AtgardSection.tsx";
import { useAtgarder } from "./queries.ts";

/** The åtgärder of every plan under the chosen node, open ones by default, with lateness marked. */
export function AtgarderPage() {
  const { orgNode, can } = useSession();
  const [filter, setFilter] = useState<Filter>("oppna");
  const result = useAtgarder(filter === "" ? undefined : filter);
  return (
    <Page title={`Åtgärder – ${orgNode?.name ?? ""}`}>
      <div className="toolbar">
        <FilterField value={filter} onChange={setFilter} />
      </div>
      <ErrorMessage error={result.error} />
      {result.isLoading || !result.data ? (
        <Loading />
      ) : (
        <AtgardTable atgarder={result.data.atgarder} canWrite={can("write:kvalitet")} showUnit />
      )}
    </Page>
  );
}
