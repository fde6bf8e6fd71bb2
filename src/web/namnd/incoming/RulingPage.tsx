import { Link, useParams } from "react-router-dom";
import { appellantLabels, issuerLabels, outcomeLabels, rulingKindLabels } from "../../../namnd/incoming/vocabulary.ts";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useRuling } from "./queries.ts";

/** One dom or beslut with every registered fact. */
export function RulingPage() {
  const { id } = useParams();
  const ruling = useRuling(id);
  const r = ruling.data;
  const facts: [string, string | null][] = r
    ? [
        ["Meddelad av", r.issuerName ? `${issuerLabels[r.issuer]} (${r.issuerName})` : issuerLabels[r.issuer]],
        ["Slag", rulingKindLabels[r.kind]],
        ["Målnummer", r.caseNumber],
        ["Myndighetens referens", r.authorityReference],
        ["Paragraf", r.paragraph === null ? null : `§ ${r.paragraph}`],
        ["Dom- eller beslutsdatum", r.decidedOn],
        ["Registrerad", r.registeredOn],
        [
          "Överklagat av",
          r.appellant
            ? `${appellantLabels[r.appellant]}${r.appellantOther ? ` (${r.appellantOther})` : r.appellantMasked ? " (visas inte)" : ""}`
            : null,
        ],
        ["Avser", r.subject],
        ["Lagrum", r.law],
        ["Utfall", r.outcome ? outcomeLabels[r.outcome] : null],
        ["Konsekvens", r.consequence],
        ["Nämnden vann", r.won === null ? null : r.won ? "Ja" : "Nej"],
        ["Nämndens diarienummer", r.diarienummer],
      ]
    : [];
  return (
    <Page title={r ? `${rulingKindLabels[r.kind]} – ${issuerLabels[r.issuer]}` : "Dom eller beslut"}>
      <p>
        <Link to="/namnd/inkommande">Tillbaka till inkommande</Link>
      </p>
      <ErrorMessage error={ruling.error} />
      {ruling.isLoading ? <Loading /> : null}
      {r ? (
        <>
          <p>{r.text}</p>
          <dl className="namnd-facts">
            {facts
              .filter(([, value]) => value !== null)
              .map(([label, value]) => (
                <div key={label} style={{ display: "contents" }}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
        </>
      ) : null}
    </Page>
  );
}
