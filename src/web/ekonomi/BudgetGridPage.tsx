import { type KeyboardEvent, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { granularityOf, type PeriodType, periodTypes } from "../../ekonomi/periods.ts";
import { formatCount, formatNumber } from "../../platform/i18n/format.ts";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import {
  type Cell,
  cellKey,
  cellOf,
  changesOf,
  columnsOf,
  granularityLabels,
  type StoredCell,
  sumsOf,
} from "./budget-grid.ts";
import { useDeleteFigure, useDeleteFigures, useSaveFigures } from "./mutations.ts";
import { useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useFigures, useYearOverview } from "./queries.ts";
import type { Namnder, YearOverview } from "./types.ts";
import { useUnsavedWarning } from "./unsaved.ts";

const UNSAVED = "Du har ändringar i budget- och prognostabellen som inte är sparade. Vill du lämna dem?";

/** Kronor as sv-SE whole numbers ("−1 234 567"); the grid is in kronor, like the stored amounts. */
const kronor = (kr: number | null | undefined) => formatNumber(kr ?? null, 0);

export function BudgetGridPage() {
  return <WithNamnd>{(namnd) => <BudgetGridView namnd={namnd} />}</WithNamnd>;
}

type Kind = "budget" | "budget_revised" | "prognos";
const kindOf = (text: string | null): Kind => (text === "budget_revised" || text === "prognos" ? text : "budget");
const isPeriodType = (text: string | null): text is PeriodType => periodTypes.some((t) => t === text);

/** The grid's choices live in the address (?ar=2024&slag=prognos&prognos=…&indelning=manad), so a reload keeps them. */
function useChoice(overview: YearOverview | undefined) {
  const [params, setParams] = useSearchParams();
  const kind = kindOf(params.get("slag"));
  const forecasts = overview?.forecasts ?? [];
  const forecastId =
    kind === "prognos" ? (forecasts.find((f) => f.id === params.get("prognos"))?.id ?? forecasts[0]?.id ?? null) : null;
  const asked = params.get("indelning");
  const set = (next: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(next)) {
          if (v === null) p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: true },
    );
  return { kind, forecastId, asked: isPeriodType(asked) ? asked : null, set };
}

function BudgetGridView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const overview = useYearOverview(namnd.id, year);
  const figures = useFigures(namnd.id, year);
  const choice = useChoice(overview.data);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSaveFigures();
  const remove = useDeleteFigure();
  const clear = useDeleteFigures();

  const ofKind = useMemo(
    () =>
      (figures.data ?? []).filter(
        (f) =>
          f.kind === choice.kind && (f.forecastId ?? null) === (choice.kind === "prognos" ? choice.forecastId : null),
      ),
    [figures.data, choice.kind, choice.forecastId],
  );
  const storedType = granularityOf(ofKind.map((f) => ({ periodType: f.periodType as PeriodType, periodNo: 0 })));
  const granularity: PeriodType = choice.asked ?? (storedType && storedType !== "mixed" ? storedType : "year");
  const stored = useMemo(
    () =>
      new Map<string, StoredCell>(
        ofKind
          .filter((f) => f.periodType === granularity)
          .map((f) => [cellKey(f.levelId, f.periodNo), { id: f.id, amountKr: f.amountKr }]),
      ),
    [ofKind, granularity],
  );
  const otherGranularity = ofKind.some((f) => f.periodType !== granularity);
  const changes = changesOf(drafts, stored);
  const invalid = Object.entries(drafts).some(([k, text]) => cellOf(stored.get(k), text, kronor).invalid);
  useUnsavedWarning(changes.length > 0, UNSAVED);

  /** Changing what the grid shows drops typed values, after asking. */
  const choose = (apply: () => void) => {
    if (changes.length > 0 && !window.confirm(UNSAVED)) return;
    setDrafts({});
    setNotice(null);
    save.reset();
    apply();
  };

  const data = overview.data;
  const forecast = data?.forecasts.find((f) => f.id === choice.forecastId);
  const kindName =
    choice.kind === "budget" ? "Budget" : choice.kind === "budget_revised" ? "Budget efter ombudgetering" : "Prognos";
  const what = choice.kind === "prognos" && forecast ? `Prognos ${forecast.name.toLowerCase()}` : kindName;
  const writable = namnd.canWrite;
  const columns = columnsOf(granularity);

  const saveChanges = async () => {
    setNotice(null);
    const saves = changes.flatMap((c) =>
      c.kind === "save"
        ? [
            {
              levelId: c.levelId,
              kind: choice.kind,
              forecastId: choice.forecastId,
              periodType: granularity,
              periodNo: c.periodNo,
              amountKr: c.amountKr,
            },
          ]
        : [],
    );
    try {
      if (saves.length > 0) await save.mutateAsync({ params: { namndId: namnd.id, year }, body: { figures: saves } });
      for (const c of changes) if (c.kind === "delete") await remove.mutateAsync(c.id);
      setDrafts({});
      setNotice(`Sparat: ${formatCount(changes.length, "ändring", "ändringar")} i ${what.toLowerCase()} ${year}.`);
    } catch {
      // The mutation's error is shown below the table; the typed values stay for another try.
    }
  };

  const clearAll = () => {
    if (!window.confirm(`Ta bort alla belopp för ${what.toLowerCase()} ${year}, i alla indelningar?`)) return;
    const query = { kind: choice.kind, ...(choice.forecastId ? { forecastId: choice.forecastId } : {}) };
    clear.mutate(
      { params: { namndId: namnd.id, year }, query },
      {
        onSuccess: (r) => {
          setDrafts({});
          setNotice(`${formatCount(r.deleted, "belopp borttaget", "belopp borttagna")}.`);
        },
      },
    );
  };

  return (
    <Page title="Budget och prognos">
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <YearSelect years={namnd.years} year={year} onChange={(y) => choose(() => setYear(y))} ahead={1} />
        <div>
          <label htmlFor="grid-slag">Slag</label>
          <select
            id="grid-slag"
            value={choice.kind === "prognos" ? `prognos:${choice.forecastId ?? ""}` : choice.kind}
            onChange={(e) => {
              const [kind, id] = e.target.value.split(":");
              choose(() => choice.set({ slag: kind ?? "budget", prognos: id || null, indelning: null }));
            }}
          >
            <option value="budget">Budget (ursprunglig)</option>
            <option value="budget_revised">Budget efter ombudgetering</option>
            {data?.forecasts.map((f) => (
              <option key={f.id} value={`prognos:${f.id}`}>
                Prognos: {f.name} (per {f.asOf})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grid-indelning">Indelning</label>
          <select
            id="grid-indelning"
            value={granularity}
            onChange={(e) => choose(() => choice.set({ indelning: e.target.value }))}
          >
            {periodTypes
              .slice()
              .reverse()
              .map((t) => (
                <option key={t} value={t}>
                  {granularityLabels[t]}
                </option>
              ))}
          </select>
        </div>
      </form>
      <p className="muted">
        Belopp i hela kronor, netto som i uppföljningen: kostnader med minustecken (t.ex. −1 234 567), intäkter utan. En
        nivå har ett slag i en enda indelning; vill du byta indelning tar du först bort de befintliga beloppen.
        {data && data.forecasts.length === 0 && " Prognoser skapas under Nivåer och koder."}
      </p>
      {otherGranularity && (
        <p className="notice">
          Det finns belopp för {what.toLowerCase()} {year} i en annan indelning än{" "}
          {granularityLabels[granularity].toLowerCase()}; de visas inte här.
        </p>
      )}
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={overview.error ?? figures.error ?? clear.error} />
      {!data || !figures.data ? (
        <Loading />
      ) : data.levels.length === 0 ? (
        <p className="notice">Inga nivåer finns för {year}. Lägg upp dem under Nivåer och koder.</p>
      ) : choice.kind === "prognos" && !forecast ? (
        <p className="notice">Det finns ingen prognos för {year}. Skapa den under Nivåer och koder.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveChanges();
          }}
        >
          <Grid
            levels={data.levels}
            columns={columns}
            caption={`${what} ${year}, ${data.namnd.name} (kr)`}
            labelOf={(level, column) => `${what} ${year}, ${level}, ${column}`}
            cell={(levelId, periodNo) =>
              cellOf(stored.get(cellKey(levelId, periodNo)), drafts[cellKey(levelId, periodNo)], kronor)
            }
            onChange={writable ? (key, text) => setDrafts((d) => ({ ...d, [key]: text })) : undefined}
          />
          {writable && (
            <div className="toolbar">
              <button
                type="submit"
                className="primary"
                disabled={changes.length === 0 || invalid || save.isPending || remove.isPending}
              >
                Spara {formatCount(changes.length, "ändring", "ändringar")}
              </button>
              {changes.length > 0 && (
                <button type="button" onClick={() => choose(() => undefined)}>
                  Ångra ändringarna
                </button>
              )}
              {ofKind.length > 0 && (
                <button type="button" onClick={clearAll} disabled={clear.isPending}>
                  Ta bort alla belopp för {what.toLowerCase()} {year}
                </button>
              )}
            </div>
          )}
          {invalid && (
            <p className="bad" role="alert">
              Ange hela kronor, t.ex. 1 234 567 eller −1 234; rättade fält sparas först när alla är giltiga.
            </p>
          )}
          <ErrorMessage error={save.error ?? remove.error} />
        </form>
      )}
    </Page>
  );
}

/** Moves the focus within the grid: arrows between cells, Enter down (Shift+Enter up), as in a spreadsheet. */
function moveFocus(e: KeyboardEvent<HTMLInputElement>, row: number, col: number) {
  const input = e.currentTarget;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length;
  const step: Record<string, [number, number] | undefined> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    Enter: e.shiftKey ? [-1, 0] : [1, 0],
    ArrowLeft: atStart ? [0, -1] : undefined,
    ArrowRight: atEnd ? [0, 1] : undefined,
  };
  const delta = step[e.key];
  if (!delta) return;
  const target = input
    .closest("table")
    ?.querySelector<HTMLInputElement>(`input[data-row="${row + delta[0]}"][data-col="${col + delta[1]}"]`);
  e.preventDefault();
  if (target) {
    target.focus();
    target.select();
  }
}

function Grid({
  levels,
  columns,
  caption,
  labelOf,
  cell,
  onChange,
}: {
  levels: YearOverview["levels"];
  columns: ReturnType<typeof columnsOf>;
  caption: string;
  labelOf: (level: string, column: string) => string;
  cell: (levelId: string, periodNo: number) => Cell;
  /** Absent for readers: the grid then shows the amounts as text. */
  onChange?: (key: string, text: string) => void;
}) {
  const sums = sumsOf(
    levels.map((l) => l.id),
    columns,
    cell,
  );
  const withSum = columns.length > 1;
  return (
    <ScrollFrame label={`${caption}, tabell`}>
      <table className="data ekonomi-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nivå</th>
            {columns.map((c) => (
              <th key={c.periodNo} scope="col" className="num">
                {c.label}
              </th>
            ))}
            {withSum && (
              <th scope="col" className="num">
                Summa
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {levels.map((level, row) => (
            <tr key={level.id}>
              <th scope="row">{level.name}</th>
              {columns.map((c, col) => {
                const value = cell(level.id, c.periodNo);
                const key = cellKey(level.id, c.periodNo);
                return (
                  <td key={c.periodNo} className="num">
                    {onChange ? (
                      <input
                        aria-label={labelOf(level.name, c.label)}
                        inputMode="numeric"
                        size={12}
                        data-row={row}
                        data-col={col}
                        value={value.text}
                        aria-invalid={value.invalid}
                        onChange={(e) => onChange(key, e.target.value)}
                        onKeyDown={(e) => moveFocus(e, row, col)}
                      />
                    ) : (
                      kronor(value.amountKr)
                    )}
                  </td>
                );
              })}
              {withSum && (
                <td className="num" aria-label={`Summa ${level.name}`}>
                  {kronor(sums.rows.get(level.id))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="ekonomi-subtotal">
            <th scope="row">Summa</th>
            {columns.map((c) => (
              <td key={c.periodNo} className="num" aria-label={`Summa ${c.label}`}>
                {kronor(sums.cols.get(c.periodNo))}
              </td>
            ))}
            {withSum && (
              <td className="num" aria-label="Summa totalt">
                {kronor(sums.total)}
              </td>
            )}
          </tr>
        </tfoot>
      </table>
    </ScrollFrame>
  );
}
