import { useState } from "react";
import { investmentCategories, investmentCategoryLabels } from "../../ekonomi/reports.ts";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useCreateInvestment, useDeleteInvestment } from "./mutations.ts";
import { deviationClass, KronorField, parseKronor, signedTkr, tkr, useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useInvestments } from "./queries.ts";
import type { Investments, Namnder } from "./types.ts";

export function InvestmentsPage() {
  return <WithNamnd>{(namnd) => <InvestmentsView namnd={namnd} />}</WithNamnd>;
}

type Amounts = Investments["total"];

function AmountCells({ a }: { a: Amounts }) {
  return (
    <>
      <td className="num">{tkr(a.budgetInkomsterKr)}</td>
      <td className="num">{tkr(a.budgetUtgifterKr)}</td>
      <td className="num">{signedTkr(a.budgetNettoKr)}</td>
      <td className="num">{tkr(a.bokslutInkomsterKr)}</td>
      <td className="num">{tkr(a.bokslutUtgifterKr)}</td>
      <td className="num">{signedTkr(a.bokslutNettoKr)}</td>
      <td className={`num ${deviationClass(a.avvikelseKr)}`}>{signedTkr(a.avvikelseKr)}</td>
    </>
  );
}

function InvestmentsView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const report = useInvestments(namnd.id, year);
  const remove = useDeleteInvestment();
  const r = report.data;
  return (
    <Page title={`Investeringar ${year}`}>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <YearSelect years={namnd.years} year={year} onChange={setYear} ahead={1} />
      </form>
      {report.isLoading && <Loading />}
      <ErrorMessage error={report.error ?? remove.error} />
      {r && (
        <table className="data">
          <caption>Investeringar {year} (tkr): budget och bokslut</caption>
          <ColumnHeads
            columns={[
              "Investering",
              ...numeric([
                "Budget inkomster",
                "Budget utgifter",
                "Budget netto",
                "Bokslut inkomster",
                "Bokslut utgifter",
                "Bokslut netto",
                "Avvikelse",
              ]),
              namnd.canWrite && "Åtgärd",
            ]}
          />
          {r.categories.map((c) => (
            <tbody key={c.category}>
              {c.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.name}
                    {l.projectCode ? <span className="muted"> ({l.projectCode})</span> : null}
                  </th>
                  <AmountCells a={l} />
                  {namnd.canWrite && (
                    <td>
                      <button type="button" onClick={() => remove.mutate(l.id)} aria-label={`Ta bort ${l.name}`}>
                        Ta bort
                      </button>
                    </td>
                  )}
                </tr>
              ))}
              <tr className="ekonomi-subtotal">
                <th scope="row">Summa {c.label.toLocaleLowerCase("sv-SE")}</th>
                <AmountCells a={c} />
                {namnd.canWrite && <td />}
              </tr>
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row">Summa investeringar</th>
              <AmountCells a={r.total} />
              {namnd.canWrite && <td />}
            </tr>
          </tfoot>
        </table>
      )}
      <p className="muted">
        Netto = inkomster − utgifter; avvikelse = bokslut netto − budget netto. Delsummor och summa räknas fram.
      </p>
      {namnd.canWrite && <NewInvestment namndId={namnd.id} year={year} />}
    </Page>
  );
}

/** An amount field's kronor; empty or not whole kronor saves no amount. */
const kronorOrNull = (text: string) => (text.trim() === "" ? null : parseKronor(text));

function NewInvestment({ namndId, year }: { namndId: string; year: number }) {
  const [category, setCategory] = useState<(typeof investmentCategories)[number]>("lopande");
  const [name, setName] = useState("");
  const [projectCode, setProjectCode] = useState("");
  const [amounts, setAmounts] = useState({
    budgetInkomsterKr: "",
    budgetUtgifterKr: "",
    bokslutInkomsterKr: "",
    bokslutUtgifterKr: "",
  });
  const add = useCreateInvestment();
  const labels: Record<keyof typeof amounts, string> = {
    budgetInkomsterKr: "Budget inkomster (kr)",
    budgetUtgifterKr: "Budget utgifter (kr)",
    bokslutInkomsterKr: "Bokslut inkomster (kr)",
    bokslutUtgifterKr: "Bokslut utgifter (kr)",
  };
  return (
    <form
      className="card ekonomi-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          {
            params: { namndId, year },
            body: {
              category,
              name,
              projectCode: projectCode || null,
              budgetInkomsterKr: kronorOrNull(amounts.budgetInkomsterKr),
              budgetUtgifterKr: kronorOrNull(amounts.budgetUtgifterKr),
              bokslutInkomsterKr: kronorOrNull(amounts.bokslutInkomsterKr),
              bokslutUtgifterKr: kronorOrNull(amounts.bokslutUtgifterKr),
            },
          },
          { onSuccess: () => setName("") },
        );
      }}
    >
      <h2>Ny investering</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="inv-category">Slag</label>
          <select id="inv-category" value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
            {investmentCategories.map((c) => (
              <option key={c} value={c}>
                {investmentCategoryLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <TextField id="inv-name" label="Benämning" value={name} onChange={setName} required />
        <TextField id="inv-project" label="Projektnummer (valfritt)" value={projectCode} onChange={setProjectCode} />
        {(Object.keys(labels) as Array<keyof typeof amounts>).map((key) => (
          <KronorField
            key={key}
            id={`inv-${key}`}
            label={labels[key]}
            value={amounts[key]}
            onChange={(v) => setAmounts((a) => ({ ...a, [key]: v }))}
          />
        ))}
      </div>
      <p className="muted">Inkomster och utgifter anges som positiva belopp.</p>
      <p>
        <button type="submit" className="primary" disabled={add.isPending}>
          Spara investering
        </button>
      </p>
      <ErrorMessage error={add.error} />
    </form>
  );
}
