import { Link } from "react-router-dom";
import {
  type Channel,
  type ComplaintType,
  channelLabels,
  channels,
  complaintTypeLabels,
  complaintTypes,
} from "../../../kvalitet/klagomal/vocabulary.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { FilterSelect, PeriodFilter, YearFilter } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { Pager } from "../../ui/Pager.tsx";
import { useAddressFilters } from "../address-filters.ts";
import { answerText, kindText } from "./labels.ts";
import { type ComplaintFilters, useComplaints } from "./queries.ts";

const PAGE_SIZE = 50;

const filterKeys = ["state", "type", "channel", "year", "periodStart", "periodEnd"] as const;

/**
 * The synpunkter of the chosen unit, for readers with read:kvalitet there; the server logs every page read.
 * The filters live in the address (the joint view links here with its period, open and answered alike).
 */
export function ComplaintsPage() {
  const { orgNode, can } = useSession();
  const { values, offset, submit, page, formKey } = useAddressFilters(filterKeys, { state: "oppna" });
  // The selects offer only values the list takes; the server refuses anything else typed into the address.
  const filters: ComplaintFilters = {
    state: values.state as ComplaintFilters["state"],
    type: values.type as ComplaintType | undefined,
    channel: values.channel as Channel | undefined,
    year: values.year ? Number(values.year) : undefined,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    offset,
  };
  const result = useComplaints(filters, PAGE_SIZE);

  if (!can("read:kvalitet")) {
    return (
      <Page title="Synpunkter och klagomål">
        <p className="notice">
          Synpunkterna kan innehålla personuppgifter. Du saknar behörighet att läsa dem för {orgNode?.name}; statistiken
          kan du se.
        </p>
      </Page>
    );
  }
  const data = result.data;
  return (
    <Page title={`Synpunkter och klagomål – ${orgNode?.name ?? ""}`}>
      {/* Keyed by the address, so Back and a followed link show their filters in the form. */}
      <form className="toolbar" onSubmit={submit} aria-label="Filtrera synpunkter" key={formKey}>
        <FilterSelect
          id="kl-f-state"
          name="state"
          label="Läge"
          defaultValue={filters.state ?? ""}
          options={[
            ["oppna", "Öppna"],
            ["avslutade", "Avslutade"],
          ]}
        />
        <FilterSelect
          id="kl-f-type"
          name="type"
          label="Typ"
          defaultValue={filters.type ?? ""}
          options={complaintTypes.map((t) => [t, complaintTypeLabels[t]] as const)}
        />
        <FilterSelect
          id="kl-f-channel"
          name="channel"
          label="Kanal"
          defaultValue={filters.channel ?? ""}
          options={channels.map((c) => [c, channelLabels[c]] as const)}
        />
        <YearFilter id="kl-f-year" label="År (mottagen)" defaultValue={filters.year} />
        <PeriodFilter
          idPrefix="kl-f"
          fromLabel="Mottagen från"
          periodStart={filters.periodStart}
          periodEnd={filters.periodEnd}
        />
        <button type="submit">Visa</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? (
        <Loading />
      ) : (
        <ScrollFrame label="Synpunkter och klagomål, tabell">
          <table className="data">
            <caption>
              {formatNumber(data.total)} synpunkter och klagomål
              {data.total > PAGE_SIZE ? `, visar ${formatNumber(data.complaints.length)}` : ""}
            </caption>
            <ColumnHeads columns={["Mottagen", "Enhet", "Typ och kategori", "Kanal", "Sammanfattning", "Svar"]} />
            <tbody>
              {data.complaints.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/kvalitet/klagomal/${c.id}`}>{formatDate(c.receivedOn)}</Link>
                  </td>
                  <td>{c.unit.name}</td>
                  <td>{kindText(c)}</td>
                  <td>{channelLabels[c.channel]}</td>
                  <td>{c.summary}</td>
                  <td>{answerText(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={PAGE_SIZE} total={data.total} onChange={page} />
        </ScrollFrame>
      )}
    </Page>
  );
}
