import { type FormEvent, useState } from "react";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useLexSarahMemo } from "./queries.ts";
import type { Memo } from "./types.ts";

/** The two whole months before this one: the usual stretch between two meetings. */
function defaultPeriod() {
  const now = new Date();
  const start = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 2, 1));
  const end = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0));
  return { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) };
}

function MemoList({ title, lines }: { title: string; lines: Memo["listA"] }) {
  const numbers = lines.reduce((n, l) => n + l.numbers.length, 0);
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <p className="hint">
        {formatNumber(numbers)} {numbers === 1 ? "ärende" : "ärenden"} på {formatNumber(lines.length)}{" "}
        {lines.length === 1 ? "rad" : "rader"}
      </p>
      {lines.length === 0 ? (
        <p>Inga beslut.</p>
      ) : (
        <ul>
          {lines.map((l) => (
            <li key={l.numbers.join()}>{l.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The standing memo to the nämnd: reports per month and the decisions of the period, lists A and B. */
export function MemoPage() {
  const { tree, can, namnd } = useSession();
  const namnder = tree.filter((n) => n.kind === "namnd" && can("read:kvalitet", n.id));
  const [query, setQuery] = useState<{ orgNodeId: string; periodStart: string; periodEnd: string } | null>(null);
  const memo = useLexSarahMemo(query);
  const period = defaultPeriod();
  const defaultNamnd = namnder.find((n) => n.id === namnd?.id)?.id ?? namnder[0]?.id;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "");
    setQuery({ orgNodeId: text("orgNodeId"), periodStart: text("periodStart"), periodEnd: text("periodEnd") });
  };

  if (namnder.length === 0) {
    return (
      <Page title="Information om lex Sarah">
        <p className="notice">Du saknar behörighet att läsa lex Sarah-ärenden för någon nämnd.</p>
      </Page>
    );
  }
  const m = memo.data;
  return (
    <Page
      title="Information om lex Sarah"
      actions={
        m ? (
          <button type="button" onClick={() => window.print()}>
            Skriv ut
          </button>
        ) : null
      }
    >
      <form className="toolbar" onSubmit={submit} aria-label="Välj nämnd och period">
        <div>
          <label htmlFor="ls-memo-namnd">Nämnd</label>
          <select id="ls-memo-namnd" name="orgNodeId" defaultValue={defaultNamnd}>
            {namnder.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ls-memo-from">Från</label>
          <input id="ls-memo-from" name="periodStart" type="date" required defaultValue={period.periodStart} />
        </div>
        <div>
          <label htmlFor="ls-memo-to">Till</label>
          <input id="ls-memo-to" name="periodEnd" type="date" required defaultValue={period.periodEnd} />
        </div>
        <button type="submit">Visa</button>
      </form>
      <ErrorMessage error={memo.error} />
      {query && memo.isLoading ? <Loading /> : null}
      {m ? (
        <article className="card" aria-label="Informationen till nämnden">
          <h2>
            Information om lex Sarah samt redovisning av beslut {formatDate(m.periodStart)}–{formatDate(m.periodEnd)}
          </h2>
          <p>
            {m.namnd.name}. Socialt ansvarig samordnare (SAS) tar emot rapporter om missförhållanden och påtagliga
            risker för missförhållanden, utreder dem och beslutar på delegation. Nämnden föreslås godkänna
            informationen.
          </p>
          <table className="data">
            <caption>Inkomna rapporter per månad</caption>
            <ColumnHeads columns={["Månad", { label: "Rapporter", num: true }]} />
            <tbody>
              {m.reportsByMonth.map((r) => (
                <tr key={r.month}>
                  <td>{r.name}</td>
                  <td className="num">{formatNumber(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Beslutade ärenden under perioden</h3>
          <MemoList title="A. Inget missförhållande eller påtaglig risk för missförhållande" lines={m.listA} />
          <MemoList title="B. Missförhållande eller påtaglig risk för missförhållande" lines={m.listB} />
          {m.ivoCases > 0 ? (
            <p>Anmälda till IVO som allvarliga missförhållanden under perioden: {formatNumber(m.ivoCases)}.</p>
          ) : null}
        </article>
      ) : null}
    </Page>
  );
}
