import { outcomes } from "../../../kvalitet/lex-sarah/vocabulary.ts";
import { formatCount, formatNumber } from "../../../platform/i18n/format.ts";
import { ColumnHeads, numeric } from "../../ui/ColumnHeads.tsx";
import type { Statistics } from "../types.ts";

/** Lex Sarah in the statistics: counts only, for every reader (the cases themselves need read:kvalitet). */
export function LexSarahStatistics({ lexSarah: l }: { lexSarah: Statistics["lexSarah"] }) {
  const count = (rows: typeof l.byOutcome, outcome: string) => rows.find((r) => r.outcome === outcome)?.count ?? 0;
  return (
    <section className="card" aria-labelledby="kv-lex-sarah">
      <h2 id="kv-lex-sarah">Lex Sarah</h2>
      <p>
        {formatCount(l.reports, "rapport", "rapporter")} {l.year} ({l.year - 1}: {formatNumber(l.previousYearReports)}).
        Beslutade under {l.year}: {formatNumber(l.decided)}, varav A {formatNumber(count(l.byOutcome, "A"))}, B{" "}
        {formatNumber(count(l.byOutcome, "B"))} och C (anmälda till IVO) {formatNumber(count(l.byOutcome, "C"))}.
      </p>
      <table className="data">
        <caption>Lex Sarah per verksamhetsområde: rapporter under året, beslut under året per utfall</caption>
        <ColumnHeads columns={["Verksamhetsområde", ...numeric(["Rapporter", "Beslutade", ...outcomes])]} />
        <tbody>
          {l.byArea.map((a) => (
            <tr key={a.id ?? "ovrigt"}>
              <th scope="row">{a.name}</th>
              <td className="num">{formatNumber(a.reports)}</td>
              <td className="num">{formatNumber(a.decided)}</td>
              {outcomes.map((o) => (
                <td key={o} className="num">
                  {formatNumber(count(a.byOutcome, o))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
