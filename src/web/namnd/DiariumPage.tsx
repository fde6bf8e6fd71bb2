import type { FormEvent } from "react";
import { Link, type SetURLSearchParams, useSearchParams } from "react-router-dom";
import { caseStatuses, caseStatusLabels } from "../../namnd/vocabulary.ts";
import { formatCount, formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { isForbidden } from "../api.ts";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { FilterSelect } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { Pager } from "../ui/Pager.tsx";
import { type CaseFilters, useCases, useHandlers, useLists } from "./queries.ts";

const PAGE_SIZE = 50;

/**
 * The search lives in the address (?q=…&year=2024&status=…&type=…&standing=ja&handlerId=…&sida=2), so a start-page link or a
 * shared link opens the same list and Back returns to the previous search or page.
 */
function useDiariumFilters(): [URLSearchParams, CaseFilters, SetURLSearchParams] {
  const [params, setParams] = useSearchParams();
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const standing = text("standing");
  const page = Number(text("sida") ?? 1);
  const filters: CaseFilters = {
    q: text("q"),
    year: text("year") ? Number(text("year")) : undefined,
    status: caseStatuses.find((s) => s === text("status")),
    type: text("type"),
    standing: standing === undefined ? undefined : standing === "ja" ? "true" : "false",
    handlerId: text("handlerId"),
    offset: Number.isInteger(page) && page > 1 ? (page - 1) * PAGE_SIZE : 0,
  };
  return [params, filters, setParams];
}

/** The nämnd's diarium: every case with number, title and dates; search by a number written any way, or by words. */
export function DiariumPage() {
  const lists = useLists();
  const handlers = useHandlers();
  const [params, filters, setParams] = useDiariumFilters();
  const result = useCases(filters, PAGE_SIZE);
  const years = [...new Set([new Date().getFullYear(), ...(lists.data?.series.map((s) => s.year) ?? [])])].sort(
    (a, b) => b - a,
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The selects offer only values the query takes; an empty one filters nothing. A new search starts on page 1.
    setParams(
      new URLSearchParams(
        ["q", "year", "status", "type", "standing", "handlerId"].flatMap((key) => {
          const value = String(form.get(key) ?? "").trim();
          return value ? [[key, value]] : [];
        }),
      ),
    );
  };

  const data = result.data;
  if (isForbidden(lists.error)) {
    return (
      <Page title="Diarium">
        <ErrorMessage error={lists.error} />
      </Page>
    );
  }
  return (
    <Page title={lists.data ? `Diarium – ${lists.data.namnd.name}` : "Diarium"}>
      <ErrorMessage error={lists.error} />
      {/* Keyed by the address (and the loaded lists), so Back and a followed link show their search in the form. */}
      <form
        key={`${params}|${lists.data ? "listor" : ""}`}
        className="toolbar"
        onSubmit={submit}
        aria-label="Sök i diariet"
      >
        <div>
          <label htmlFor="nd-q">Diarienummer eller sökord</label>
          <input
            id="nd-q"
            name="q"
            type="search"
            placeholder="t.ex. IF 2024-00016"
            size={28}
            defaultValue={filters.q ?? ""}
          />
        </div>
        <FilterSelect
          id="nd-year"
          name="year"
          label="År"
          defaultValue={filters.year ?? ""}
          options={years.map((y) => [y, y] as const)}
        />
        <FilterSelect
          id="nd-status"
          name="status"
          label="Status"
          defaultValue={filters.status ?? ""}
          options={caseStatuses.map((s) => [s, caseStatusLabels[s]] as const)}
        />
        <FilterSelect
          id="nd-type"
          name="type"
          label="Ärendetyp"
          defaultValue={filters.type ?? ""}
          options={lists.data?.types.map((t) => [t.code, t.name] as const) ?? []}
        />
        <FilterSelect
          id="nd-standing"
          name="standing"
          label="Stående"
          defaultValue={params.get("standing") ?? ""}
          options={[
            ["ja", "Bara stående"],
            ["nej", "Inte stående"],
          ]}
        />
        {/* The staff list is asked of writers only (it names the nämnd's staff). */}
        {handlers.data ? (
          <FilterSelect
            id="nd-handler"
            name="handlerId"
            label="Handläggare"
            defaultValue={filters.handlerId ?? ""}
            options={handlers.data.map((h) => [h.id, h.name] as const)}
          />
        ) : null}
        <button type="submit">Sök</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {data ? (
        <>
          {data.diarienummer ? (
            <p className="namnd-hint" role="status">
              Söker diarienummer {data.diarienummer}.
            </p>
          ) : null}
          <ScrollFrame label="Diariet, rullbart i sidled">
            <table className="data namnd-table">
              <caption>
                {formatCount(data.total, "ärende", "ärenden")}
                {data.total > PAGE_SIZE ? `, visar ${formatNumber(data.cases.length)}` : ""}
              </caption>
              <ColumnHeads
                columns={[
                  "Diarienummer",
                  "Rubrik",
                  "Typ",
                  "Registrerat",
                  "Inkom",
                  "Handläggare",
                  "Status",
                  { label: "Handlingar", num: true },
                ]}
              />
              <tbody>
                {data.cases.map((c) => (
                  <tr key={c.id}>
                    <td className="dnr">
                      <Link to={`/namnd/arenden/${c.id}`}>{c.diarienummer}</Link>
                    </td>
                    <td className="title">
                      {c.title}
                      {c.standing ? <span className="badge"> stående</span> : null}
                    </td>
                    <td>{c.type.name}</td>
                    <td className="date">{formatDate(c.registeredOn)}</td>
                    <td className="date">{c.receivedOn ? formatDate(c.receivedOn) : "–"}</td>
                    <td>{c.handler?.name ?? "–"}</td>
                    <td>{caseStatusLabels[c.status]}</td>
                    <td className="num">{formatNumber(c.documentCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          <Pager
            offset={filters.offset ?? 0}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={(offset) =>
              setParams((p) => {
                const next = new URLSearchParams(p);
                if (offset > 0) next.set("sida", String(offset / PAGE_SIZE + 1));
                else next.delete("sida");
                return next;
              })
            }
          />
        </>
      ) : null}
    </Page>
  );
}
