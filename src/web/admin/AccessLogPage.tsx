import { useState } from "react";
import * as access from "../../platform/access/api.ts";
import { accessOperations } from "../../platform/access/operations.ts";
import { formatCount, formatDateTime } from "../../platform/i18n/format.ts";
import { hrefOf } from "../api.ts";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { Pager } from "../ui/Pager.tsx";
import { useAccessLog } from "./queries.ts";

const PAGE_SIZE = 50;
const empty = { user: "", from: "", to: "", personId: "", recordId: "", operation: "" };
type Filters = typeof empty;

/** Who read which personal data, when and why; one person's entries export as CSV for a GDPR art. 15 request. */
export function AccessLogPage() {
  const [form, setForm] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  const [offset, setOffset] = useState(0);
  const result = useAccessLog({ ...filters, limit: PAGE_SIZE, offset });
  const field = (name: keyof Filters) => ({
    id: `access-${name}`,
    value: form[name],
    onChange: (value: string) => setForm({ ...form, [name]: value }),
  });
  const subject = filters.personId || filters.recordId;

  return (
    <Page title="Logg över läsning av personuppgifter">
      <p>
        Varje gång någon läser eller laddar ned uppgifter om enskilda (registret, beslut, IVO-listor, personal på en
        enhet) skrivs det här: vem, när, vilka poster och varför. Loggen kan inte ändras eller raderas i Lots.
      </p>
      <form
        className="toolbar"
        aria-label="Filtrera loggen"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilters(form);
        }}
      >
        <TextField {...field("user")} label="Användare (namn eller id)" />
        <TextField {...field("from")} label="Från" type="date" />
        <TextField {...field("to")} label="Till" type="date" />
        <TextField {...field("personId")} label="Person-id" placeholder="t.ex. 20120917-T384" />
        <TextField {...field("recordId")} label="Post-id" />
        <SelectField {...field("operation")} label="Åtgärd">
          <option value="">Alla</option>
          {Object.entries(accessOperations).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary">
          Filtrera
        </button>
      </form>
      {subject ? (
        <p>
          <a href={hrefOf(access.accessLogExport, { query: filters })} download>
            Ladda ned registerutdrag för {subject} (CSV)
          </a>
        </p>
      ) : (
        <p className="muted">Ange person-id eller post-id och filtrera för att ladda ned ett registerutdrag.</p>
      )}
      <ErrorMessage error={result.error} />
      {result.isLoading ? (
        <Loading />
      ) : (
        <>
          <table className="data">
            <caption>{formatCount(result.data?.total ?? 0, "läsning", "läsningar")}</caption>
            <ColumnHeads columns={["Tid", "Användare", "Åtgärd", "Organisation", "Poster"]} />
            <tbody>
              {result.data?.rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.createdAt)}</td>
                  <td>{row.actorName}</td>
                  <td>{row.purpose}</td>
                  <td>{row.orgNodeName ?? "–"}</td>
                  <td>
                    <ul>
                      {row.records.map((r) => (
                        <li key={`${r.entity}-${r.recordId}`}>
                          {r.personId ?? r.recordId}
                          {r.orgNodeName ? <span className="muted"> ({r.orgNodeName})</span> : null}
                        </li>
                      ))}
                    </ul>
                    {row.recordCount > row.records.length ? (
                      <span className="muted">och {row.recordCount - row.records.length} till</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={PAGE_SIZE} total={result.data?.total ?? 0} onChange={setOffset} />
        </>
      )}
    </Page>
  );
}
