// Öppna data in the public area: the list of published datasets on the start page, and one dataset's page
// with a chart and a table per table, the publishing date and the links to the same data as JSON, CSV and
// (for the goal follow-up) Kolada's format.
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { datasetLabels } from "../../oppna-data/vocabulary.ts";
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { Chart, type ChartOption } from "../ui/Chart.tsx";
import { SelectField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, ScrollFrame } from "../ui/Page.tsx";
import { chartParts, type OpenRow, type OpenTable, sliceColumn } from "./open-data-chart.ts";
import { openDataLinks, useOpenData, useOpenDataset } from "./queries.ts";

/** The start page's section: every published dataset, newest period first within each nämnd. */
export function OpenDataList() {
  const list = useOpenData();
  return (
    <section aria-labelledby="oppna-data">
      <h2 id="oppna-data">Öppna data</h2>
      <p>
        Statistik och måluppföljning som nämnderna har beslutat att publicera, som tabeller och diagram och som
        maskinläsbara filer (JSON och CSV). Små antal visas inte.
      </p>
      <ErrorMessage error={list.error} />
      {list.isLoading ? <Loading /> : null}
      {list.data && list.data.datasets.length === 0 ? <p>Inga datamängder är publicerade än.</p> : null}
      <ul>
        {list.data?.datasets.map((d) => (
          <li key={d.id}>
            <Link to={`/offentligt/data/${d.id}`}>
              {datasetLabels[d.dataset]} {d.period}
            </Link>
            , {d.organisation.name}
            {list.data.kommun === null ? `, ${d.organisation.kommun}` : ""} (publicerad {formatDate(d.publishedAt)})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OpenDataPage() {
  const { id = "" } = useParams();
  const page = useOpenDataset(id);
  const d = page.data;
  return (
    <>
      <h1>{d ? `${datasetLabels[d.dataset]} ${d.period}` : "Öppna data"}</h1>
      <ErrorMessage error={page.error} />
      {page.isLoading ? <Loading /> : null}
      {d ? (
        <>
          <dl className="public-facts">
            <dt>Nämnd</dt>
            <dd>{d.organisation.name}</dd>
            <dt>Kommun</dt>
            <dd>{d.organisation.kommun}</dd>
            <dt>Period</dt>
            <dd>{d.period}</dd>
            <dt>Publicerad</dt>
            <dd>{formatDate(d.publishedAt)}</dd>
            <dt>Hela datamängden</dt>
            <dd>
              <a href={openDataLinks.json(d.id)}>JSON</a>
              {d.links.kolada ? (
                <>
                  {" · "}
                  <a href={openDataLinks.kolada(d.id)}>indikatorvärden i Koladas format</a>
                </>
              ) : null}
            </dd>
            <dt>Kontrollsumma (SHA-256)</dt>
            <dd>
              <code>{d.checksum}</code>
            </dd>
          </dl>
          <p>
            – betyder att värdet saknas, eller att antalet är mindre än {d.suppressBelow} och inte visas eftersom så små
            antal kan peka ut enskilda personer.
          </p>
          {d.tables.map((t) => (
            <OpenTableSection key={t.key} datasetId={d.id} table={t} />
          ))}
        </>
      ) : null}
    </>
  );
}

const cellText = (value: OpenRow[string] | undefined, type: OpenTable["columns"][number]["type"]) =>
  type === "number" ? formatNumber(typeof value === "number" ? value : null) : (value ?? "–");

function OpenTableSection({ datasetId, table }: { datasetId: string; table: OpenTable }) {
  const slice = sliceColumn(table);
  const choices = useMemo(
    () => (slice ? [...new Set(table.rows.map((r) => String(r[slice] ?? "")))] : []),
    [slice, table.rows],
  );
  const [chosen, setChosen] = useState("");
  const current = slice ? chosen || choices[0] || "" : "";
  const rows = slice ? table.rows.filter((r) => String(r[slice] ?? "") === current) : table.rows;
  const parts = chartParts(table, rows);
  const option: ChartOption | null = parts
    ? {
        tooltip: { trigger: "axis", valueFormatter: (v: unknown) => formatNumber(typeof v === "number" ? v : null) },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: parts.categories, axisLabel: { interval: 0, width: 120, overflow: "break" } },
        yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v) } },
        series: parts.series.map((s) => ({ ...s, type: "bar" })),
      }
    : null;
  const headingId = `tabell-${table.key}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{table.title}</h2>
      <p>
        <a href={openDataLinks.csv(datasetId, table.key)}>Ladda ner tabellen som CSV</a>
      </p>
      {slice ? (
        <SelectField
          id={`${headingId}-val`}
          label={table.columns.find((c) => c.key === slice)?.label ?? slice}
          value={current}
          onChange={setChosen}
        >
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      ) : null}
      {option && parts ? (
        <Chart
          option={option}
          label={`${table.title}${slice ? `: ${current}` : ""}, per ${parts.xLabel.toLowerCase()}`}
        />
      ) : null}
      <ScrollFrame label={table.title}>
        <table className="data">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.type === "number" ? "num" : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // A published table never changes while it is shown: the row's place is its identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={i}>
                {table.columns.map((c) => (
                  <td key={c.key} className={c.type === "number" ? "num" : undefined}>
                    {cellText(r[c.key], c.type)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </section>
  );
}
