import { type FormEvent, useState } from "react";
import { formatCount, formatDateTime } from "../../platform/i18n/format.ts";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { Pager } from "../ui/Pager.tsx";
import { useAuditLog } from "./queries.ts";

const actionLabels: Record<string, string> = {
  create: "Skapad",
  update: "Ändrad",
  delete: "Borttagen",
  login: "Inloggning",
  logout: "Utloggning",
  login_failed: "Misslyckad inloggning",
  seed: "Demodata",
};

const PAGE_SIZE = 50;

/** Only the fields that changed, so a reviewer sees the edit rather than two whole rows. */
function changedFields(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => k !== "updated_at" && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, from: b[k], to: a[k] }));
}

export function AuditLogPage() {
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [offset, setOffset] = useState(0);
  const result = useAuditLog({ ...filters, limit: PAGE_SIZE, offset });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setOffset(0);
    setFilters(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]).filter(([, v]) => v)));
  };

  return (
    <Page title="Granskningslogg">
      <form className="toolbar" onSubmit={submit} aria-label="Filtrera granskningsloggen">
        <div>
          <label htmlFor="f-entity">Objekttyp</label>
          <input id="f-entity" name="entity" placeholder="t.ex. org_node" />
        </div>
        <div>
          <label htmlFor="f-action">Händelse</label>
          <select id="f-action" name="action" defaultValue="">
            <option value="">Alla</option>
            {Object.entries(actionLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-actor">Utförd av</label>
          <input id="f-actor" name="actor" />
        </div>
        <div>
          <label htmlFor="f-from">Från</label>
          <input id="f-from" name="from" type="date" />
        </div>
        <div>
          <label htmlFor="f-to">Till</label>
          <input id="f-to" name="to" type="date" />
        </div>
        <button type="submit" className="primary">
          Filtrera
        </button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading ? (
        <Loading />
      ) : (
        <>
          <table className="data">
            <caption>
              {formatCount(result.data?.total ?? 0, "händelse", "händelser")}. Loggen kan inte ändras eller raderas i
              Lots.
            </caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Utförd av</th>
                <th scope="col">Händelse</th>
                <th scope="col">Objekt</th>
                <th scope="col">Organisation</th>
                <th scope="col">Ändring</th>
              </tr>
            </thead>
            <tbody>
              {result.data?.rows.map((row) => {
                const changes = changedFields(row.before, row.after);
                return (
                  <tr key={row.id}>
                    <td>{formatDateTime(row.createdAt)}</td>
                    <td>{row.actorName}</td>
                    <td>{actionLabels[row.action] ?? row.action}</td>
                    <td>
                      {row.entity}
                      {row.entityId ? <span className="muted"> {row.entityId.slice(0, 8)}</span> : null}
                    </td>
                    <td>{row.orgNodeName ?? "–"}</td>
                    <td>
                      {changes.length > 0 ? (
                        <ul>
                          {changes.map((c) => (
                            <li key={c.field}>
                              {c.field}: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
                            </li>
                          ))}
                        </ul>
                      ) : row.after || row.before ? (
                        <details>
                          <summary>Visa data</summary>
                          <pre className="json">{JSON.stringify(row.after ?? row.before, null, 2)}</pre>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={PAGE_SIZE} total={result.data?.total ?? 0} onChange={setOffset} />
        </>
      )}
    </Page>
  );
}
