import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { channelLabels } from "../../../kvalitet/klagomal/vocabulary.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { answerText, kindText, senderText } from "./labels.ts";
import { useComplaintPeriod } from "./queries.ts";

const iso = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(d);

/** The last two whole months before this one: the usual span between two sammanträden. */
function defaultPeriod() {
  const now = new Date();
  const from = new Date(now.getFullYear(), now.getMonth() - 2, 1, 12);
  const to = new Date(now.getFullYear(), now.getMonth(), 0, 12);
  return { from: iso(from), to: iso(to) };
}

/** The nämnd's standing item "synpunkter och klagomål": everything received in the period (read is logged). */
export function PeriodPage() {
  const { orgNode, can } = useSession();
  const [period, setPeriod] = useState(defaultPeriod);
  const result = useComplaintPeriod(period.from, period.to);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPeriod({ from: String(data.get("from") ?? ""), to: String(data.get("to") ?? "") });
  };

  if (!can("read:kvalitet")) {
    return (
      <Page title="Synpunkter och klagomål för nämnden">
        <p className="notice">Du saknar behörighet att läsa synpunkterna för {orgNode?.name}.</p>
      </Page>
    );
  }
  const data = result.data;
  return (
    <Page title={`Synpunkter och klagomål för nämnden – ${orgNode?.name ?? ""}`}>
      <form className="toolbar" onSubmit={submit} aria-label="Välj period">
        <div>
          <label htmlFor="kl-p-from">Mottagna från</label>
          <input id="kl-p-from" name="from" type="date" required defaultValue={period.from} />
        </div>
        <div>
          <label htmlFor="kl-p-to">till och med</label>
          <input id="kl-p-to" name="to" type="date" required defaultValue={period.to} />
        </div>
        <button type="submit">Visa</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? (
        <Loading />
      ) : (
        <ScrollFrame label="Periodlista, tabell">
          <table className="data">
            <caption>
              {formatNumber(data.complaints.length)} mottagna {formatDate(data.periodStart)}–
              {formatDate(data.periodEnd)} ({formatNumber(data.complaints.filter((c) => c.type === "klagomal").length)}{" "}
              klagomål)
            </caption>
            <ColumnHeads
              columns={["Dnr", "Mottagen", "Typ och kategori", "Avsändare", "Kanal", "Enhet", "Sammanfattning", "Svar"]}
            />
            <tbody>
              {data.complaints.map((c) => (
                <tr key={c.id}>
                  <td className="kl-nowrap">{c.dnr ?? "–"}</td>
                  <td className="kl-nowrap">
                    <Link to={`/kvalitet/klagomal/${c.id}`}>{formatDate(c.receivedOn)}</Link>
                  </td>
                  <td>{kindText(c)}</td>
                  <td>{senderText(c)}</td>
                  <td>{channelLabels[c.channel]}</td>
                  <td>{c.unit.name}</td>
                  <td>{c.summary}</td>
                  <td>
                    {answerText(c)}
                    {c.answer ? <div className="muted">{c.answer}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </Page>
  );
}
