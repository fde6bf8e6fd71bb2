import { Link } from "react-router-dom";
import {
  type CaseStatus,
  caseStatuses,
  caseStatusLabels,
  type Outcome,
  outcomes,
} from "../../../kvalitet/lex-sarah/vocabulary.ts";
import { formatCount, formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { FilterSelect, PeriodFilter, YearFilter } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { Pager } from "../../ui/Pager.tsx";
import { useAddressFilters } from "../address-filters.ts";
import { useCases } from "./queries.ts";
import type { CaseFilters } from "./types.ts";

const PAGE_SIZE = 50;

const filterKeys = ["year", "periodStart", "periodEnd", "status", "outcome"] as const;

/**
 * The lex Sarah register of the chosen unit, for readers with read:kvalitet there; every page read is logged.
 * The filters live in the address (the joint view links here with its period).
 */
export function CasesPage() {
  const { orgNode, can } = useSession();
  const { values, offset, submit, page, formKey } = useAddressFilters(filterKeys);
  // The selects offer only values the query takes; the server refuses anything else typed into the address.
  const filters: CaseFilters = {
    year: values.year ? Number(values.year) : undefined,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    status: values.status as CaseStatus | undefined,
    outcome: values.outcome as Outcome | undefined,
    offset,
  };
  const result = useCases(filters, PAGE_SIZE);

  if (!orgNode || !can("read:kvalitet", orgNode.id)) {
    return (
      <Page title="Lex Sarah">
        <p className="notice">
          Lex Sarah-ärendena innehåller känsliga uppgifter. Du saknar behörighet att läsa dem för {orgNode?.name}.
          Antalen finns i statistiken.
        </p>
      </Page>
    );
  }
  const data = result.data;
  return (
    <Page
      title={`Lex Sarah – ${orgNode.name}`}
      actions={
        <>
          {can("write:kvalitet", orgNode.id) ? <Link to="/kvalitet/lex-sarah/ny">Registrera rapport</Link> : null}
          <Link to="/kvalitet/lex-sarah/information">Information till nämnden</Link>
          <Link to="/kvalitet/lex-sarah/listor">Listor</Link>
        </>
      }
    >
      {/* Keyed by the address, so Back and a followed link show their filters in the form. */}
      <form className="toolbar" onSubmit={submit} aria-label="Filtrera lex Sarah-ärenden" key={formKey}>
        <YearFilter id="ls-f-year" label="Rapportår" defaultValue={filters.year} from={2020} />
        <PeriodFilter
          idPrefix="ls-f"
          fromLabel="Rapporterad från"
          periodStart={filters.periodStart}
          periodEnd={filters.periodEnd}
        />
        <FilterSelect
          id="ls-f-status"
          name="status"
          label="Status"
          defaultValue={filters.status ?? ""}
          options={caseStatuses.map((s) => [s, caseStatusLabels[s]] as const)}
        />
        <FilterSelect
          id="ls-f-outcome"
          name="outcome"
          label="Beslut"
          defaultValue={filters.outcome ?? ""}
          options={outcomes.map((o) => [o, o] as const)}
        />
        <button type="submit">Visa</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? (
        <Loading />
      ) : (
        <>
          <ScrollFrame label="Lex Sarah-ärenden">
            <table className="data">
              <caption>
                {formatCount(data.total, "ärende", "ärenden")}
                {data.total > PAGE_SIZE ? `, visar ${formatNumber(data.cases.length)}` : ""}
              </caption>
              <ColumnHeads columns={["Nummer", "Rapporterad", "Enhet", "Gäller", "Kategori", "Status", "Beslut"]} />
              <tbody>
                {data.cases.map((c) => (
                  <tr key={c.id}>
                    <td style={{ whiteSpace: "nowrap" }}>
                      <Link to={`/kvalitet/lex-sarah/${c.id}`}>{c.number}</Link>
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>{formatDate(c.reportedOn)}</td>
                    <td>{c.unit.name}</td>
                    <td>{c.gist}</td>
                    <td>{c.category}</td>
                    <td>{caseStatusLabels[c.status]}</td>
                    <td>
                      {c.outcome ? `${c.outcome} ${formatDate(c.decidedOn)}` : "–"}
                      {c.ivoOverdue ? <span className="badge"> IVO-anmälan försenad</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          <Pager offset={offset} pageSize={PAGE_SIZE} total={data.total} onChange={page} />
        </>
      )}
    </Page>
  );
}
