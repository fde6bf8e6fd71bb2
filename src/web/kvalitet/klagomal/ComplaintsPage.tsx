import { type FormEvent, useState } from "react";
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
import { FilterSelect } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { Pager } from "../../ui/Pager.tsx";
import { answerText, kindText } from "./labels.ts";
import { type ComplaintFilters, useComplaints } from "./queries.ts";

const PAGE_SIZE = 50;
const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);

/** The synpunkter of the chosen unit, for readers with read:kvalitet there; the server logs every page read. */
export function ComplaintsPage() {
  const { orgNode, can } = useSession();
  const [filters, setFilters] = useState<ComplaintFilters>({ state: "oppna" });
  const result = useComplaints(filters, PAGE_SIZE);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? "") || undefined;
    // The selects offer only values the list takes; an empty one filters nothing.
    setFilters({
      type: value("type") as ComplaintType | undefined,
      channel: value("channel") as Channel | undefined,
      state: value("state") as ComplaintFilters["state"],
      year: value("year") ? Number(value("year")) : undefined,
      offset: 0,
    });
  };

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
      <form className="toolbar" onSubmit={submit} aria-label="Filtrera synpunkter">
        <FilterSelect
          id="kl-f-state"
          name="state"
          label="Läge"
          defaultValue="oppna"
          options={[
            ["oppna", "Öppna"],
            ["avslutade", "Avslutade"],
          ]}
        />
        <FilterSelect
          id="kl-f-type"
          name="type"
          label="Typ"
          options={complaintTypes.map((t) => [t, complaintTypeLabels[t]] as const)}
        />
        <FilterSelect
          id="kl-f-channel"
          name="channel"
          label="Kanal"
          options={channels.map((c) => [c, channelLabels[c]] as const)}
        />
        <FilterSelect id="kl-f-year" name="year" label="År (mottagen)" options={years.map((y) => [y, y] as const)} />
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
          <Pager
            offset={filters.offset ?? 0}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={(offset) => setFilters({ ...filters, offset })}
          />
        </ScrollFrame>
      )}
    </Page>
  );
}
