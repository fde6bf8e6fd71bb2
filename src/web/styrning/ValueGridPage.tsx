import { type ChangeEvent, useState } from "react";
import { formatCount, formatNumber, fractionDigits, parseSwedishNumber } from "../../platform/i18n/format.ts";
import { periodLabel } from "../../styrning/period.ts";
import type { Gender } from "../../styrning/vocabulary.ts";
import { ApiError } from "../api.ts";
import { useSession } from "../session.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { NewIndicatorForm } from "./Authoring.tsx";
import { LevelOptions, YearField } from "./fields.tsx";
import { useImportValuesXlsx, useLockPeriod, useSaveValues, useUnlockPeriod } from "./mutations.ts";
import { useValueGrid, valuesXlsxHref } from "./queries.ts";
import { useYear } from "./year.ts";

type Draft = { state: "value" | "not_published" | "not_measured" | "empty"; text: string };
type CellKey = string;
/** A cell: the indicator, period, sex and (for a row of the indicator's dimensions) the parts' codes. */
const cellKey = (indicatorId: string, period: string, gender: string, members: readonly string[]): CellKey =>
  `${indicatorId}|${period}|${gender}|${members.join("+")}`;

/** The row-numbered problems of a batch, named by the cell they came from. */
function BatchProblems({ error, labels }: { error: unknown; labels: string[] }) {
  if (!(error instanceof ApiError)) return <ErrorMessage error={error} />;
  const problems =
    (error.problem.details as { problems?: { row?: number; message: string }[] } | undefined)?.problems ?? [];
  return (
    <div className="error" role="alert">
      <p>{error.message}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.row}-${p.message}`}>
            {p.row ? `${labels[p.row - 1] ?? `Rad ${p.row}`}: ` : ""}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ValueGridPage() {
  const { orgNode, can } = useSession();
  const [year, setYear] = useYear();
  const [drafts, setDrafts] = useState<Record<CellKey, Draft>>({});
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const grid = useValueGrid(orgNode?.id, year);

  const changes = Object.entries(drafts).map(([k, d]) => {
    const [indicatorId, period, gender, parts] = k.split("|") as [string, string, Gender, string];
    const indicator = grid.data?.indicators.find((i) => i.id === indicatorId);
    const status = indicator?.valueType === "status";
    const row = indicator?.rows.find((r) => r.gender === gender && r.members.join("+") === parts);
    return {
      label: `${indicator?.name ?? ""} ${periodLabel(period)}${gender !== "T" || parts ? ` (${row?.label})` : ""}`,
      body: {
        indicatorId,
        period,
        gender,
        members: parts ? parts.split("+") : [],
        state: d.state,
        ...(d.state === "value" ? (status ? { statusCode: d.text } : { value: parseSwedishNumber(d.text) }) : {}),
      },
    };
  });

  const save = useSaveValues();
  const saveChanges = () =>
    save.mutate(
      { body: { values: changes.map((c) => c.body), ...(reason ? { reason } : {}) } },
      {
        onSuccess: (r) => {
          setDrafts({});
          setReason("");
          setNotice(
            `Sparat: ${formatCount(r.changed, "ändrat värde", "ändrade värden")}${r.corrections ? `, varav ${formatCount(r.corrections, "rättelse", "rättelser")} i låsta perioder` : ""}.`,
          );
        },
      },
    );
  const lock = useLockPeriod();
  const unlock = useUnlockPeriod();
  const upload = useImportValuesXlsx();
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file && orgNode)
      upload.mutate(
        { query: { orgNodeId: orgNode.id, reason: reason || undefined }, file },
        {
          onSuccess: (r) =>
            setNotice(
              `Excel-filen importerades: ${formatCount(r.accepted, "rad läst", "rader lästa")}, ${formatCount(r.changed, "värde ändrat", "värden ändrade")}, ${formatCount(r.corrections, "rättelse", "rättelser")}.`,
            ),
        },
      );
    e.target.value = "";
  };

  const data = grid.data;
  const writable = data?.indicators.some((i) => i.writable) ?? false;
  const yearLocked = data?.locks.find((l) => l.period === String(year));
  const setDraft = (k: CellKey, patch: Partial<Draft>, current: Draft) =>
    setDrafts((d) => ({ ...d, [k]: { ...current, ...patch } }));

  return (
    <Page title="Registrera indikatorvärden">
      <div className="toolbar">
        <YearField id="grid-year" year={year} onChange={setYear} min={2000} max={2100} />
        {orgNode && (
          <a className="styrning-button" href={valuesXlsxHref(orgNode.id, year - 3, year)}>
            Exportera Excel ({year - 3}–{year})
          </a>
        )}
        {writable && (
          <div>
            <label htmlFor="grid-upload">Importera Excel (allt eller inget)</label>
            <input id="grid-upload" type="file" accept=".xlsx" onChange={onFile} />
          </div>
        )}
        {writable &&
          (yearLocked ? (
            can("admin") && (
              <button type="button" onClick={() => unlock.mutate({ params: { id: yearLocked.id } })}>
                Lås upp {year}
              </button>
            )
          ) : (
            <button
              type="button"
              onClick={() => orgNode && lock.mutate({ body: { orgNodeId: orgNode.id, period: String(year) } })}
            >
              Lås {year}
            </button>
          ))}
      </div>
      {orgNode && can("write:styrning", orgNode.id) && <NewIndicatorForm year={year} />}
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={grid.error ?? lock.error ?? unlock.error} />
      {upload.error ? <ErrorMessage error={upload.error} /> : null}
      {data?.locks.length ? (
        <p className="notice">
          Låsta perioder:{" "}
          {data.locks.map((l) => `${periodLabel(l.period)} (${l.orgNodeName}, ${l.lockedByName})`).join(", ")}.
          Ändringar i låsta perioder är rättelser och kräver en orsak.
        </p>
      ) : null}
      {!data ? (
        <Loading />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setNotice(null);
            saveChanges();
          }}
        >
          {data.indicators.map((indicator) => (
            <table key={indicator.id} className="data styrning-grid">
              <caption>
                {indicator.name} <span className="muted">({indicator.orgNodeName})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kön eller del</th>
                  {indicator.periods.map((p) => (
                    <th key={p.period} scope="col">
                      {indicator.measurementWindow ? `${p.label} (${indicator.measurementWindow})` : p.label}
                      {p.locked ? " (låst)" : ""}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {indicator.rows.map((row) => (
                  <tr
                    key={`${row.gender}-${row.members.join("+")}`}
                    className={row.members.length ? "styrning-member" : undefined}
                  >
                    <th scope="row">{row.label}</th>
                    {indicator.periods.map((p, j) => {
                      const stored = row.cells[j];
                      const k = cellKey(indicator.id, p.period, row.gender, row.members);
                      const draft: Draft = drafts[k] ?? {
                        state: stored?.state ?? "empty",
                        text:
                          stored?.statusCode ??
                          (stored?.value !== null && stored?.value !== undefined
                            ? formatNumber(stored.value, fractionDigits(stored.value))
                            : ""),
                      };
                      const label = `${indicator.name}, ${p.label}, ${row.label}`;
                      return (
                        <td key={p.period} className={p.locked ? "styrning-locked" : undefined}>
                          <select
                            aria-label={`Uppgift för ${label}`}
                            value={draft.state}
                            disabled={!indicator.writable}
                            onChange={(e) => setDraft(k, { state: e.target.value as Draft["state"] }, draft)}
                          >
                            <option value="empty">–</option>
                            <option value="value">Värde</option>
                            <option value="not_published">Ej publ.</option>
                            <option value="not_measured">Mäts inte</option>
                          </select>{" "}
                          {indicator.valueType === "status" ? (
                            <select
                              aria-label={`Värde för ${label}`}
                              value={draft.text}
                              disabled={!indicator.writable}
                              onChange={(e) => setDraft(k, { text: e.target.value, state: "value" }, draft)}
                            >
                              <LevelOptions levels={indicator.statusLevels} />
                            </select>
                          ) : (
                            <input
                              aria-label={`Värde för ${label}`}
                              inputMode="decimal"
                              value={draft.state === "value" ? draft.text : ""}
                              disabled={!indicator.writable}
                              onChange={(e) =>
                                setDraft(k, { text: e.target.value, state: e.target.value ? "value" : "empty" }, draft)
                              }
                            />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          {data.indicators.length === 0 && <p>Inga indikatorer finns för {orgNode?.name}.</p>}
          {writable && (
            <div className="toolbar">
              <div>
                <label htmlFor="grid-reason">Orsak till rättelse (krävs för låsta perioder)</label>
                <input id="grid-reason" value={reason} onChange={(e) => setReason(e.target.value)} size={40} />
              </div>
              <button type="submit" className="primary" disabled={changes.length === 0 || save.isPending}>
                Spara {formatCount(changes.length, "ändring", "ändringar")}
              </button>
            </div>
          )}
          {save.error ? <BatchProblems error={save.error} labels={changes.map((c) => c.label)} /> : null}
        </form>
      )}
    </Page>
  );
}
