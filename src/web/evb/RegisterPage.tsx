import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { Field } from "./parts.tsx";
import { type RegisterFilters, useCatalogue, useRegister } from "./queries.ts";

const statuses = [
  ["oppna", "Öppna (ej verkställda eller avbrutna)"],
  ["rapporteringspliktiga", "Rapporteringspliktiga"],
  ["snart", "Passerar tre månader inom 30 dagar"],
  ["vantar", "Ej verkställda"],
  ["avbrott", "Avbrott"],
  ["verkstallda", "Verkställda"],
  ["avslutade", "Avslutade"],
  ["alla", "Alla"],
] as const;

const filterKeys = ["status", "law", "insatsId", "sex", "personId"] as const;

/**
 * The filters live in the address (?status=snart&law=LSS), so a start-page link or a shared link opens the
 * same view and Back returns to the previous one. No status means the open decisions; "alla" means every one.
 */
function useRegisterFilters(): [URLSearchParams, RegisterFilters, (form: FormData) => void] {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    filterKeys.flatMap((k) => {
      const value = params.get(k) ?? (k === "status" ? "oppna" : "");
      return value && value !== "alla" ? [[k, value]] : [];
    }),
  ) as RegisterFilters;
  const apply = (form: FormData) =>
    setParams(
      new URLSearchParams(
        filterKeys.flatMap((k) => {
          const value = String(form.get(k) ?? "").trim();
          return value && !(k === "status" && value === "oppna") ? [[k, value]] : [];
        }),
      ),
    );
  return [params, filters, apply];
}

/** The register of favourable decisions for the chosen organisation, filtered. */
export function RegisterPage() {
  const { orgNode, can } = useSession();
  const catalogue = useCatalogue();
  const [params, filters, apply] = useRegisterFilters();
  const result = useRegister(filters);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The form's selects offer only values the register takes; an empty one filters nothing.
    apply(new FormData(event.currentTarget));
  };

  if (!can("read:personal")) {
    return (
      <Page title="Register över ej verkställda beslut">
        <p className="notice">Registret innehåller personuppgifter. Du saknar behörighet att läsa det här.</p>
      </Page>
    );
  }
  const rows = result.data?.decisions ?? [];
  return (
    <Page
      title="Register över ej verkställda beslut"
      actions={
        can("write:evb") ? (
          <Link className="evb-link-button primary" to="/evb/register/nytt">
            Registrera beslut
          </Link>
        ) : null
      }
    >
      {/* Keyed by the address (and the loaded catalogue), so Back and a followed link show their filters in the form. */}
      <form
        key={`${params}|${catalogue.data ? "insatser" : ""}`}
        className="toolbar"
        onSubmit={submit}
        aria-label="Filtrera registret"
      >
        <Field id="evb-f-status" label="Läge">
          <select id="evb-f-status" name="status" defaultValue={params.get("status") ?? "oppna"}>
            {statuses.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="evb-f-law" label="Lag">
          <select id="evb-f-law" name="law" defaultValue={filters.law ?? ""}>
            <option value="">Båda</option>
            <option value="SoL">SoL</option>
            <option value="LSS">LSS</option>
          </select>
        </Field>
        <Field id="evb-f-insats" label="Insats">
          <select id="evb-f-insats" name="insatsId" defaultValue={filters.insatsId ?? ""}>
            <option value="">Alla</option>
            {catalogue.data?.insatser.map((i) => (
              <option key={i.id} value={i.id}>
                {i.law} {i.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="evb-f-sex" label="Kön">
          <select id="evb-f-sex" name="sex" defaultValue={filters.sex ?? ""}>
            <option value="">Båda</option>
            <option value="K">Kvinnor</option>
            <option value="M">Män</option>
          </select>
        </Field>
        <Field id="evb-f-id" label="Id börjar med">
          <input id="evb-f-id" name="personId" placeholder="ÅÅÅÅMMDD" size={14} defaultValue={filters.personId ?? ""} />
        </Field>
        <button type="submit" className="primary">
          Filtrera
        </button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading ? (
        <Loading />
      ) : (
        <ScrollFrame label="Registret, rullbart i sidled">
          <table className="data">
            <caption>
              {rows.length} beslut i {orgNode?.name}, läget den {formatDate(result.data?.asOf)}. Sista dag i tid är
              dagen tre kalendermånader efter beslutet eller avbrottet.
            </caption>
            <ColumnHeads
              columns={[
                "Id",
                "Kön",
                "Enhet",
                "Insats",
                "Beslutsdatum",
                "Läge",
                "Sista dag i tid",
                { label: "Dagar i väntan", num: true },
                "Nästa rapport",
              ]}
            />
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/evb/register/${d.id}`}>{d.personId}</Link>
                    {d.protectedIdentity ? <span className="badge"> skyddad</span> : null}
                  </td>
                  <td>{d.sex}</td>
                  <td>{d.unit}</td>
                  <td>
                    {d.insats.name} <span className="muted">({d.insats.law})</span>
                    {d.partial ? <div className="muted">{d.partial}</div> : null}
                  </td>
                  <td>{formatDate(d.decisionDate)}</td>
                  <td>
                    {d.clock.statusLabel}
                    {d.clock.reportable ? <span className="badge bad"> rapporteringspliktigt</span> : null}
                    {d.clock.warning ? <span className="badge warn"> snart tre månader</span> : null}
                  </td>
                  <td>{formatDate(d.clock.deadline)}</td>
                  <td className="num">{formatNumber(d.clock.daysWaited)}</td>
                  <td>{d.clock.nextReportingQuarter ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </Page>
  );
}
