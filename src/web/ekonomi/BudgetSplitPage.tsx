import { useMemo, useState } from "react";
import { krToTkr } from "../../ekonomi/arithmetic.ts";
import { mkrText } from "../../ekonomi/text.ts";
import { formatNumber } from "../../platform/i18n/format.ts";
import { Chart, type ChartOption, palette } from "../ui/Chart.tsx";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { Checks, useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useBudgetSplit } from "./queries.ts";
import type { BudgetSplit, Namnder } from "./types.ts";

export function BudgetSplitPage() {
  return <WithNamnd>{(namnd) => <BudgetSplitView namnd={namnd} />}</WithNamnd>;
}

const mkr = (kr: number | null) => (kr === null ? "–" : mkrText(krToTkr(kr), 1));
/** Each positive part keeps its palette colour in both the chart and the table. */
const colourOf = (s: BudgetSplit, levelId: string) => {
  const index = s.parts.filter((p) => p.amountKr > 0).findIndex((p) => p.levelId === levelId);
  return index < 0 ? undefined : palette[index % palette.length];
};
const share = (tenths: number | null) => (tenths === null ? "–" : `${formatNumber(tenths / 10, 1)} %`);

function BudgetSplitView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const [basis, setBasis] = useState<"original" | "revised">("original");
  const result = useBudgetSplit(namnd.id, year, { basis });
  const s = result.data;
  const chart = useMemo<ChartOption | null>(
    () =>
      s
        ? {
            tooltip: { trigger: "item", formatter: "{b}: {d} %" },
            // The table beside the chart is the legend (same colours); labels on thin slices would collide.
            title: { text: mkr(s.totalKr), left: "center", top: "45%", textStyle: { fontSize: 22 } },
            series: [
              {
                type: "pie",
                radius: ["48%", "80%"],
                center: ["50%", "50%"],
                label: { show: false },
                labelLine: { show: false },
                data: s.parts
                  .filter((p) => p.amountKr > 0)
                  .map((p) => ({
                    name: p.name,
                    value: krToTkr(p.amountKr),
                    itemStyle: { color: colourOf(s, p.levelId) },
                  })),
              },
            ],
          }
        : null,
    [s],
  );
  return (
    <Page title={`Budget ${year} på en minut`}>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <YearSelect years={namnd.years} year={year} onChange={setYear} />
        <div>
          <label htmlFor="ekonomi-basis">Budget</label>
          <select id="ekonomi-basis" value={basis} onChange={(e) => setBasis(e.target.value as "original" | "revised")}>
            <option value="original">Ursprunglig budget</option>
            <option value="revised">Efter ombudgetering</option>
          </select>
        </div>
      </form>
      {result.isLoading && <Loading />}
      <ErrorMessage error={result.error} />
      {s && chart && (
        <div className="ekonomi-split">
          <section className="card" aria-labelledby="split-chart">
            <h2 id="split-chart">Så fördelas {mkr(s.totalKr)}</h2>
            <Chart
              option={chart}
              label={`Budgetens fördelning ${year}: ${s.parts.map((p) => `${p.name} ${mkr(p.amountKr)}`).join(", ")}.`}
              height={360}
            />
          </section>
          <div>
            <table className="data">
              <caption>Budget {year} per nivå (mkr)</caption>
              <ColumnHeads columns={["Nivå", ...numeric(["Budget", "Andel"])]} />
              <tbody>
                {s.parts.map((p) => (
                  <tr key={p.levelId}>
                    <th scope="row">
                      <span
                        className="ekonomi-swatch"
                        style={{ background: colourOf(s, p.levelId) }}
                        aria-hidden="true"
                      />
                      {p.name}
                    </th>
                    <td className="num">{mkr(p.amountKr)}</td>
                    <td className="num">{share(p.shareTenths)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Summa</th>
                  <td className="num">{mkr(s.totalKr)}</td>
                  <td className="num">{share(s.parts.reduce((sum, p) => sum + (p.shareTenths ?? 0), 0))}</td>
                </tr>
              </tfoot>
            </table>
            <p>
              Ram från kommunfullmäktige: <strong>{mkr(s.frameKr)}</strong>
            </p>
            <Checks issues={s.issues} what="fördelningen" />
          </div>
        </div>
      )}
    </Page>
  );
}
