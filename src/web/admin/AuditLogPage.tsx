import { type FormEvent, useState } from "react";
import { formatCount, formatDateTime } from "../../platform/i18n/format.ts";
import { FilterSelect } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { Pager } from "../ui/Pager.tsx";
import { useAuditEntities, useAuditLog } from "./queries.ts";

const actionLabels: Record<string, string> = {
  create: "Skapad",
  update: "Ändrad",
  delete: "Borttagen",
  login: "Inloggning",
  logout: "Utloggning",
  login_failed: "Misslyckad inloggning",
  login_refused: "Inloggning nekad (ingen roll)",
  seed: "Demodata",
  import: "Importerad",
  install: "Listor installerade",
  "create-standing": "Skapad (stående ärende)",
  close: "Avslutad",
  decide: "Beslutad",
  klar: "Markerad klar",
  sekretess: "Sekretess ändrad",
  backup: "Säkerhetskopia",
  restore: "Återställning",
};

const PAGE_SIZE = 50;
/** A bulk change (an import) lists hundreds of rows: the first few, the rest behind a disclosure. */
const SHOWN_CHANGES = 8;

type Change = { field: string; label: string; from: string; to: string };

function ChangeItems({ changes }: { changes: Change[] }) {
  return (
    <ul>
      {changes.map((c) => (
        <li key={c.field}>
          {c.label}: {c.from} → {c.to}
        </li>
      ))}
    </ul>
  );
}

function ChangeList({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return null;
  const rest = changes.slice(SHOWN_CHANGES);
  return (
    <>
      <ChangeItems changes={changes.slice(0, SHOWN_CHANGES)} />
      {rest.length > 0 ? (
        <details>
          <summary>{formatCount(rest.length, "ändring till", "ändringar till")}</summary>
          <ChangeItems changes={rest} />
        </details>
      ) : null}
    </>
  );
}

/** Date over time, each unbroken: a narrow column that still never splits a date at its hyphens. */
function TimeCell({ at }: { at: string }) {
  const [date, time] = formatDateTime(at).split(" ");
  return (
    <>
      <span style={{ whiteSpace: "nowrap" }}>{date}</span> <span style={{ whiteSpace: "nowrap" }}>{time}</span>
    </>
  );
}

export function AuditLogPage() {
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [offset, setOffset] = useState(0);
  const result = useAuditLog({ ...filters, limit: PAGE_SIZE, offset });
  const entities = useAuditEntities();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setOffset(0);
    setFilters(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]).filter(([, v]) => v)));
  };

  return (
    <Page title="Granskningslogg">
      <form className="toolbar" onSubmit={submit} aria-label="Filtrera granskningsloggen">
        <FilterSelect
          id="f-entity"
          name="entity"
          label="Objekttyp"
          options={entities.data?.entities.map((e) => [e.entity, e.label] as const) ?? []}
        />
        <FilterSelect id="f-action" name="action" label="Händelse" options={Object.entries(actionLabels)} />
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
          <ScrollFrame label="Granskningslogg">
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
                {result.data?.rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <TimeCell at={row.createdAt} />
                    </td>
                    <td>{row.actorName}</td>
                    <td>{actionLabels[row.action] ?? row.action}</td>
                    <td>
                      {row.entityLabel}
                      {row.title ? (
                        ` ${row.title}`
                      ) : row.entityId ? (
                        <span className="muted"> {row.entityId.slice(0, 8)}</span>
                      ) : null}
                    </td>
                    <td>{row.orgNodeName ?? "–"}</td>
                    <td>
                      <ChangeList changes={row.changes} />
                      {row.after || row.before ? (
                        <details>
                          <summary>Visa data</summary>
                          {/* Ids and long values may break anywhere, or the table would not fit at 1366 px. */}
                          <pre className="json" style={{ overflowWrap: "anywhere" }}>
                            {JSON.stringify(row.after ?? row.before, null, 2)}
                          </pre>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          <Pager offset={offset} pageSize={PAGE_SIZE} total={result.data?.total ?? 0} onChange={setOffset} />
        </>
      )}
    </Page>
  );
}
