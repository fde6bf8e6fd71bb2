import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import {
  type InspectionStatus,
  inspectionStatuses,
  inspectionStatusLabels,
  yttrandeStatusLabels,
} from "../../../kvalitet/tillsyn/vocabulary.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { FilterSelect, YearFilter } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { useAddressFilters } from "../address-filters.ts";
import { InspectionFields, inspectionValues } from "./InspectionFields.tsx";
import { useCreateInspection } from "./mutations.ts";
import { useInspections } from "./queries.ts";

/** A new tillsyn on a unit the user may keep tillsyner for. */
function NewInspection() {
  const { tree, can } = useSession();
  const create = useCreateInspection();
  const units = tree.filter(
    (n) => (n.kind === "enhet" || n.kind === "verksamhetsomrade") && can("write:kvalitet", n.id),
  );
  // Followed so the kinds offered are the chosen unit's kommun's.
  const [unitId, setUnitId] = useState<string>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const orgNodeId = String(new FormData(form).get("orgNodeId") ?? "");
    create.mutate(
      { orgNodeId, ...inspectionValues(form) },
      {
        onSuccess: () => {
          form.reset();
          setUnitId(undefined);
        },
      },
    );
  };
  if (units.length === 0) return null;
  return (
    <details className="card">
      <summary>Registrera en tillsyn</summary>
      <form className="kvalitet-form" onSubmit={submit} aria-label="Registrera en tillsyn">
        <label htmlFor="ti-n-unit">Enhet</label>
        <select id="ti-n-unit" name="orgNodeId" required onChange={(e) => setUnitId(e.target.value)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <InspectionFields prefix="ti-n" unitId={unitId ?? units[0]?.id} />
        <button type="submit" className="primary" disabled={create.isPending}>
          Registrera
        </button>
        {create.data ? (
          <p role="status" className="ok">
            Registrerad: <Link to={`/kvalitet/tillsyn/${create.data.id}`}>{create.data.unit.name}</Link>.
          </p>
        ) : null}
        {create.data?.warnings.map((w) => (
          <p key={w} className="notice">
            {w}
          </p>
        ))}
        <ErrorMessage error={create.error} />
      </form>
    </details>
  );
}

const filterKeys = ["status", "year"] as const;

/**
 * IVO's tillsyner of the units under the chosen node, with any requested yttrande and its deadline, filtered
 * by today's status and the year; the filters live in the address like the other registers'.
 */
export function InspectionsPage() {
  const { orgNode, can } = useSession();
  const { values, submit, formKey } = useAddressFilters(filterKeys);
  const filters = {
    status: values.status as InspectionStatus | undefined,
    year: values.year ? Number(values.year) : undefined,
  };
  const result = useInspections(filters);
  if (!can("read:kvalitet")) {
    return (
      <Page title="IVO-tillsyn">
        <p className="notice">Du saknar behörighet att läsa tillsynerna för {orgNode?.name}.</p>
      </Page>
    );
  }
  const data = result.data;
  return (
    <Page title={`IVO-tillsyn – ${orgNode?.name ?? ""}`} actions={<Link to="/kvalitet/tillsyn/typer">Typer</Link>}>
      {/* Keyed by the address, so Back and a shared link show their filters in the form. */}
      <form className="toolbar" onSubmit={submit} aria-label="Filtrera tillsyner" key={formKey}>
        <FilterSelect
          id="ti-f-status"
          name="status"
          label="Status"
          defaultValue={filters.status ?? ""}
          options={inspectionStatuses.map((s) => [s, inspectionStatusLabels[s]] as const)}
        />
        <YearFilter id="ti-year" label="År" defaultValue={filters.year} />
        <button type="submit">Visa</button>
      </form>
      {can("write:kvalitet") ? <NewInspection /> : null}
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? (
        <Loading />
      ) : (
        <ScrollFrame label="IVO-tillsyner, tabell">
          <table className="data">
            <caption>{data.inspections.length} tillsyner</caption>
            <ColumnHeads columns={["Månad", "Enhet", "Slag", "IVO dnr", "Beslut", "Yttrande", "Status"]} />
            <tbody>
              {data.inspections.map((i) => (
                <tr key={i.id}>
                  <td className="kl-nowrap">
                    <Link to={`/kvalitet/tillsyn/${i.id}`}>{i.month}</Link>
                  </td>
                  <td>{i.unit.name}</td>
                  <td>{i.type.name}</td>
                  <td className="kl-nowrap">{i.ivoDnr ?? "–"}</td>
                  <td className="kl-nowrap">{i.decisionOn ? formatDate(i.decisionOn) : "–"}</td>
                  <td>
                    {i.yttrandeDueOn
                      ? `${i.yttrandeLagrum}, senast ${formatDate(i.yttrandeDueOn)}: ${yttrandeStatusLabels[i.yttrandeStatus].toLowerCase()}`
                      : "–"}
                  </td>
                  <td>{inspectionStatusLabels[i.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </Page>
  );
}
