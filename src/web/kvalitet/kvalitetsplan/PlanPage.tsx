import { useState } from "react";
import { formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import "./kvalitetsplan.css";
import { AtgardSection } from "./AtgardSection.tsx";
import { EgenkontrollSection } from "./EgenkontrollSection.tsx";
import { planUnitKinds, usePlan } from "./queries.ts";
import { levelRanges, RiskMatrix } from "./RiskMatrix.tsx";
import { RiskSection } from "./RiskSection.tsx";

const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear + 2 - 2021 }, (_, i) => thisYear + 1 - i);

/** A unit's kvalitetsplan for a year: risk analysis with the matrix, egenkontroller and åtgärder. */
export function PlanPage() {
  const { orgNode } = useSession();
  const [year, setYear] = useState(thisYear);
  const result = usePlan(year);
  const plan = result.data;

  if (orgNode && !planUnitKinds.includes(orgNode.kind)) {
    return (
      <Page title="Kvalitetsplan">
        <p className="notice">
          Kvalitetsplaner görs per enhet, verksamhetsområde eller för förvaltningen. Välj en sådan i organisationen.
        </p>
      </Page>
    );
  }
  return (
    <Page title={`Kvalitetsplan ${year} – ${orgNode?.name ?? ""}`}>
      <div className="toolbar">
        <SelectField id="kp-year" label="År" value={year} onChange={(v) => setYear(Number(v))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorMessage error={result.error} />
      {result.isLoading || !plan ? (
        <Loading />
      ) : (
        <div className="kp-sections">
          <RiskSection plan={plan} />
          <section aria-labelledby="kp-matrix">
            <h2 id="kp-matrix">Riskmatris</h2>
            <p className="muted">
              Riskvärde = {plan.scale.likelihoodName.toLowerCase()} × {plan.scale.consequenceName.toLowerCase()}.
              Nivåer: {levelRanges(plan.scale.levels)}.{" "}
              {plan.levelCounts.map((c) => `${c.level} ${formatNumber(c.count)}`).join(", ")}.
            </p>
            <ScrollFrame label="Riskmatris">
              <RiskMatrix scale={plan.scale} matrix={plan.matrix} caption={`Riskmatris ${plan.year}`} />
            </ScrollFrame>
          </section>
          <EgenkontrollSection plan={plan} />
          <AtgardSection plan={plan} />
        </div>
      )}
    </Page>
  );
}
