import { Link } from "react-router-dom";
import {
  type EventKind,
  type EventStatus,
  eventKindLabels,
  eventStatuses,
  eventStatusLabels,
  workCategoryLabels,
} from "../../kvalitet/vocabulary.ts";
import { formatCount, formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { FilterSelect, PeriodFilter, YearFilter } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { Pager } from "../ui/Pager.tsx";
import { useAddressFilters } from "./address-filters.ts";
import { useEvents, useLists } from "./queries.ts";
import type { EventFilters } from "./types.ts";

const PAGE_SIZE = 50;

const filterKeys = ["kind", "status", "type", "year", "periodStart", "periodEnd"] as const;

/**
 * The händelser of the chosen unit, for readers with read:kvalitet there; the server logs every page read.
 * The filters live in the address (the joint view links here with its period and every status).
 */
export function EventsPage() {
  const { orgNode, can } = useSession();
  const lists = useLists();
  const { values, offset, submit, page, formKey } = useAddressFilters(filterKeys, {
    kind: "avvikelse",
    status: "rapporterad",
  });
  // The selects offer only values the list takes; the server refuses anything else typed into the address.
  const filters: EventFilters = {
    kind: values.kind as EventKind | undefined,
    status: values.status as EventStatus | undefined,
    type: values.type,
    year: values.year ? Number(values.year) : undefined,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    offset,
  };
  const result = useEvents(filters, PAGE_SIZE);

  if (!can("read:kvalitet")) {
    return (
      <Page title="Händelser">
        <p className="notice">
          Händelserna innehåller känsliga uppgifter. Du saknar behörighet att läsa dem för {orgNode?.name}; statistiken
          kan du se.
        </p>
      </Page>
    );
  }
  const data = result.data;
  return (
    <Page title={`Händelser – ${orgNode?.name ?? ""}`}>
      {/* Keyed by the address, so Back and a followed link show their filters in the form. */}
      <form className="toolbar" onSubmit={submit} aria-label="Filtrera händelser" key={formKey}>
        <FilterSelect
          id="kv-f-kind"
          name="kind"
          label="Slag"
          defaultValue={filters.kind ?? "avvikelse"}
          all={false}
          options={(Object.keys(eventKindLabels) as EventKind[]).map((k) => [k, eventKindLabels[k]] as const)}
        />
        <FilterSelect
          id="kv-f-status"
          name="status"
          label="Status"
          defaultValue={filters.status ?? ""}
          options={eventStatuses.map((s) => [s, eventStatusLabels[s]] as const)}
        />
        <FilterSelect
          id="kv-f-type"
          name="type"
          label="Typ"
          defaultValue={filters.type ?? ""}
          options={lists.data?.types.map((t) => [t.code, t.name] as const) ?? []}
        />
        <YearFilter id="kv-f-year" label="År (inträffade)" defaultValue={filters.year} />
        <PeriodFilter
          idPrefix="kv-f"
          fromLabel="Inträffade från"
          periodStart={filters.periodStart}
          periodEnd={filters.periodEnd}
        />
        <button type="submit">Visa</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? (
        <Loading />
      ) : (
        <>
          <table className="data">
            <caption>
              {formatCount(data.total, "händelse", "händelser")}
              {data.total > PAGE_SIZE ? `, visar ${formatNumber(data.events.length)}` : ""}
            </caption>
            <ColumnHeads
              columns={[
                "Rapporterad",
                "Inträffade",
                "Enhet",
                "Status",
                "Typ",
                "Vad hände",
                { label: "Dagar", num: true },
              ]}
            />
            <tbody>
              {data.events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/kvalitet/handelser/${e.id}`}>{formatDate(e.reportedOn)}</Link>
                  </td>
                  <td>{formatDate(e.occurredOn)}</td>
                  <td>{e.unit.name}</td>
                  <td>
                    {eventStatusLabels[e.status]}
                    {e.escalated ? <span className="badge"> eskalerad</span> : null}
                  </td>
                  <td>{e.category ? workCategoryLabels[e.category] : e.types.join(", ") || "–"}</td>
                  <td>{e.summary}</td>
                  <td className="num">{formatNumber(e.ageDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={PAGE_SIZE} total={data.total} onChange={page} />
        </>
      )}
    </Page>
  );
}
