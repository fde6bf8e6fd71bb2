import type * as tillsyn from "../../../kvalitet/tillsyn/api.ts";
import { inspectionStatuses, inspectionStatusLabels } from "../../../kvalitet/tillsyn/vocabulary.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useInspectionTypes } from "./queries.ts";

type Inspection = OutputOf<typeof tillsyn.inspection>;

/** The form's values in the API's shape (empty means none). */
export function inspectionValues(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (key: string) => String(data.get(key) ?? "").trim() || null;
  return {
    type: text("type") ?? "",
    month: text("month") ?? "",
    ivoDnr: text("ivoDnr"),
    decisionOn: text("decisionOn"),
    findings: text("findings"),
    yttrandeLagrum: text("yttrandeLagrum"),
    yttrandeDueOn: text("yttrandeDueOn"),
    yttrandeRepliedOn: text("yttrandeRepliedOn"),
    // The select offers only the schema's statuses.
    status: (text("status") ?? "pagaende") as Inspection["status"],
    // Empty: the day already stored, or today when the tillsyn is closed now.
    closedOn: text("closedOn"),
  };
}

/**
 * A tillsyn's fields, filled with `current` when editing. The kinds offered are those of the unit's kommun
 * (`unitId`, or the edited tillsyn's unit). `prefix` keeps ids unique on the page.
 */
export function InspectionFields({
  current,
  unitId,
  prefix,
}: {
  current?: Inspection;
  unitId?: string;
  prefix: string;
}) {
  const types = useInspectionTypes(current?.unit.id ?? unitId);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <fieldset>
        <legend>Tillsynen</legend>
        <div className="form-grid">
          <div>
            <label htmlFor={id("type")}>Slag av tillsyn</label>
            <select id={id("type")} name="type" required defaultValue={current?.type.code ?? ""}>
              <option value="" disabled>
                Välj
              </option>
              {types.data?.types
                .filter((t) => t.active || t.code === current?.type.code)
                .map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor={id("month")}>Månad</label>
            <input id={id("month")} name="month" type="month" required defaultValue={current?.month} />
          </div>
          <div>
            <label htmlFor={id("dnr")}>IVO:s diarienummer</label>
            <input
              id={id("dnr")}
              name="ivoDnr"
              maxLength={60}
              placeholder="3.5.1-12345/2023-1"
              defaultValue={current?.ivoDnr ?? ""}
            />
          </div>
          <div>
            <label htmlFor={id("decision")}>Beslutsdatum</label>
            <input id={id("decision")} name="decisionOn" type="date" defaultValue={current?.decisionOn ?? ""} />
          </div>
          <div>
            <label htmlFor={id("status")}>Status</label>
            <select id={id("status")} name="status" defaultValue={current?.status ?? "pagaende"}>
              {inspectionStatuses.map((s) => (
                <option key={s} value={s}>
                  {inspectionStatusLabels[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={id("closed")}>Avslutad den (om avslutad)</label>
            <input id={id("closed")} name="closedOn" type="date" defaultValue={current?.closedOn ?? ""} />
          </div>
        </div>
        <label htmlFor={id("findings")}>Iakttagelser och beslut</label>
        <textarea id={id("findings")} name="findings" maxLength={4000} defaultValue={current?.findings ?? ""} />
      </fieldset>
      <fieldset>
        <legend>Begärt yttrande</legend>
        <div className="form-grid">
          <div>
            <label htmlFor={id("lagrum")}>Lagrum</label>
            <input
              id={id("lagrum")}
              name="yttrandeLagrum"
              maxLength={100}
              placeholder="LSS 26 c §"
              defaultValue={current?.yttrandeLagrum ?? ""}
            />
          </div>
          <div>
            <label htmlFor={id("due")}>Sista dag</label>
            <input id={id("due")} name="yttrandeDueOn" type="date" defaultValue={current?.yttrandeDueOn ?? ""} />
          </div>
          <div>
            <label htmlFor={id("replied")}>Yttrande inlämnat</label>
            <input
              id={id("replied")}
              name="yttrandeRepliedOn"
              type="date"
              defaultValue={current?.yttrandeRepliedOn ?? ""}
            />
          </div>
        </div>
      </fieldset>
    </>
  );
}
