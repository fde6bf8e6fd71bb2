import type { FormEvent } from "react";
import { useParams } from "react-router-dom";
import { inspectionStatusLabels, yttrandeStatusLabels } from "../../../kvalitet/tillsyn/vocabulary.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { InspectionFields, inspectionValues } from "./InspectionFields.tsx";
import { useUpdateInspection } from "./mutations.ts";
import { useInspection } from "./queries.ts";

/** One tillsyn: the facts, and the form for those with write:kvalitet on its unit. */
export function InspectionPage() {
  const { id = "" } = useParams();
  const result = useInspection(id);
  const update = useUpdateInspection();
  const i = result.data;
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ params: { id }, body: inspectionValues(event.currentTarget) });
  };
  return (
    <Page title={i ? `IVO-tillsyn ${i.month} – ${i.unit.name}` : "IVO-tillsyn"}>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {i ? (
        <>
          <dl className="kvalitet-facts card" aria-label="Tillsynen">
            {(
              [
                ["Slag", i.type.name],
                ["Enhet", i.unit.name],
                ["Månad", i.month],
                ["IVO:s diarienummer", i.ivoDnr ?? "–"],
                ["Beslut", i.decisionOn ? formatDate(i.decisionOn) : "–"],
                ["Iakttagelser och beslut", i.findings ?? "–"],
                [
                  "Begärt yttrande",
                  i.yttrandeDueOn ? `${i.yttrandeLagrum}, senast ${formatDate(i.yttrandeDueOn)}` : "–",
                ],
                ["Yttrandets läge", yttrandeStatusLabels[i.yttrandeStatus]],
                ["Status", inspectionStatusLabels[i.status]],
              ] as const
            ).map(([term, value]) => (
              <div key={term} style={{ display: "contents" }}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {i.canWrite ? (
            <form className="kvalitet-form" onSubmit={save} aria-label="Ändra tillsynen" key={i.id}>
              <InspectionFields current={i} prefix="ti-e" />
              <button type="submit" className="primary" disabled={update.isPending}>
                Spara
              </button>
              {update.isSuccess ? (
                <p role="status" className="ok">
                  Sparat.
                </p>
              ) : null}
              {update.data?.warnings.map((w) => (
                <p key={w} className="notice">
                  {w}
                </p>
              ))}
              <ErrorMessage error={update.error} />
            </form>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
