import { useState } from "react";
import { type FundEntryKind, fundEntryKindLabels } from "../../ekonomi/reports.ts";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useAddFundEntry, useDeleteFundEntry } from "./mutations.ts";
import { deviationClass, KronorField, parseKronor, signedTkr, WithNamnd } from "./parts.tsx";
import { useResultFund } from "./queries.ts";
import type { Namnder } from "./types.ts";

export function ResultFundPage() {
  return <WithNamnd>{(namnd) => <ResultFundView namnd={namnd} />}</WithNamnd>;
}

function ResultFundView({ namnd }: { namnd: Namnder[number] }) {
  const fund = useResultFund(namnd.id);
  const remove = useDeleteFundEntry();
  const f = fund.data;
  return (
    <Page title="Resultatfond">
      {fund.isLoading && <Loading />}
      <ErrorMessage error={fund.error ?? remove.error} />
      {f && (
        <>
          <p>
            Fondens saldo: <strong>{signedTkr(f.balanceKr)} tkr</strong>
          </p>
          <table className="data">
            <caption>{f.namnd.name}, resultatfond år för år (tkr)</caption>
            <ColumnHeads
              columns={[
                "År",
                ...numeric(["Årets resultat", "Ingående", "Disposition", "Ianspråktaget", "Övrigt", "Utgående"]),
                "Beslut",
              ]}
            />
            <tbody>
              {f.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className={`num ${deviationClass(y.resultKr)}`}>
                    {y.resultKr === null ? "ej klart" : signedTkr(y.resultKr)}
                  </td>
                  <td className="num">{signedTkr(y.openingKr)}</td>
                  <td className="num">{y.disposalKr === null ? "–" : signedTkr(y.disposalKr)}</td>
                  <td className="num">{signedTkr(y.usageKr)}</td>
                  <td className="num">{signedTkr(y.otherKr)}</td>
                  <td className="num">{signedTkr(y.closingKr)}</td>
                  <td>
                    <ul className="ekonomi-codes">
                      {y.entries.map((e) => (
                        <li key={e.id}>
                          {fundEntryKindLabels[e.kind]} {signedTkr(e.amountKr)}: {e.decidedBy} {e.decidedOn},{" "}
                          {e.decisionRef}
                          {namnd.canWrite && !e.reallocationId && (
                            <button
                              type="button"
                              className="link"
                              onClick={() => remove.mutate(e.id)}
                              aria-label={`Ta bort ${fundEntryKindLabels[e.kind].toLowerCase()} ${y.year}`}
                            >
                              ta bort
                            </button>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            Utgående = ingående + disposition + ianspråktaget + övrigt. Årets resultat är avvikelsen mot budget när året
            är avslutat.
          </p>
        </>
      )}
      {namnd.canWrite && <NewEntry namndId={namnd.id} />}
    </Page>
  );
}

function NewEntry({ namndId }: { namndId: string }) {
  const [form, setForm] = useState({
    year: String(new Date().getFullYear() - 1),
    kind: "disposition",
    amount: "",
    decisionRef: "",
    decidedOn: "",
    decidedBy: "Kommunfullmäktige",
    note: "",
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const add = useAddFundEntry();
  return (
    <form
      className="card ekonomi-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amountKr = parseKronor(form.amount);
        // The button waits for whole kronor.
        if (amountKr === null) return;
        add.mutate({
          params: { namndId },
          body: {
            year: Number(form.year),
            // The select offers only the kinds entered by hand.
            kind: form.kind as Exclude<FundEntryKind, "ianspraktagande">,
            amountKr,
            decisionRef: form.decisionRef,
            decidedOn: form.decidedOn,
            decidedBy: form.decidedBy,
            note: form.note || null,
          },
        });
      }}
    >
      <h2>Ny fondpost</h2>
      <p className="muted">Ianspråktagande registreras genom en ombudgetering finansierad ur resultatfonden.</p>
      <div className="form-grid">
        <TextField id="fund-year" label="År" value={form.year} onChange={set("year")} inputMode="numeric" required />
        <div>
          <label htmlFor="fund-kind">Slag</label>
          <select id="fund-kind" value={form.kind} onChange={(e) => set("kind")(e.target.value)}>
            <option value="disposition">{fundEntryKindLabels.disposition}</option>
            <option value="ingaende">{fundEntryKindLabels.ingaende}</option>
            <option value="justering">{fundEntryKindLabels.justering}</option>
          </select>
        </div>
        <KronorField
          id="fund-amount"
          label="Belopp i kronor (överskott +, underskott −)"
          value={form.amount}
          onChange={set("amount")}
          required
        />
        <TextField
          id="fund-ref"
          label="Beslut (diarienummer/§)"
          value={form.decisionRef}
          onChange={set("decisionRef")}
          required
        />
        <TextField
          id="fund-date"
          label="Beslutsdatum"
          value={form.decidedOn}
          onChange={set("decidedOn")}
          type="date"
          required
        />
        <TextField id="fund-by" label="Beslutat av" value={form.decidedBy} onChange={set("decidedBy")} required />
      </div>
      <label htmlFor="fund-note">Anteckning</label>
      <textarea id="fund-note" value={form.note} onChange={(e) => set("note")(e.target.value)} rows={2} />
      <p>
        <button type="submit" className="primary" disabled={add.isPending || parseKronor(form.amount) === null}>
          Spara
        </button>
      </p>
      <ErrorMessage error={add.error} />
    </form>
  );
}
