import { type FormEvent, useState } from "react";
import {
  type DelegateKind,
  decisionLawLabels,
  decisionLaws,
  delegateKindLabels,
} from "../../../namnd/delegation/vocabulary.ts";
import { addDays, addMonths, todayInSweden } from "../../../platform/calendar.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import "./delegation.css";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { useRegisterDecision } from "./mutations.ts";
import { type Order, type Period, useAnmalan, useOrder } from "./queries.ts";

/**
 * Delegation: the anmälan of delegeringsbeslut for a period (its six sections), the delegeringsordning in
 * force with each point's delegates, and for the nämndsekreterare the form that registers a decision.
 */
export function DelegationPage() {
  const { can } = useSession();
  const order = useOrder();
  return (
    <Page title="Delegering">
      <ErrorMessage error={order.error} />
      <Anmalan />
      {can("write:namnd") && order.data ? <RegisterDecision order={order.data} /> : null}
      {order.isLoading ? <Loading /> : null}
      {order.data ? <Points order={order.data} /> : null}
    </Page>
  );
}

/** The previous calendar month: the usual period of an anmälan (the demo's is 2023-12-01–2024-01-31). */
function previousMonth(): Period {
  const firstOfThis = `${todayInSweden().slice(0, 7)}-01`;
  return { from: addMonths(firstOfThis, -1), to: addDays(firstOfThis, -1) };
}

function Anmalan() {
  const [period, setPeriod] = useState<Period>(previousMonth);
  const anmalan = useAnmalan(period);
  return (
    <section className="card" aria-labelledby="deleg-anmalan">
      <h2 id="deleg-anmalan">Anmälan av delegeringsbeslut</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="deleg-from">Från</label>
          <input
            id="deleg-from"
            type="date"
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="deleg-to">Till</label>
          <input
            id="deleg-to"
            type="date"
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </div>
      </div>
      <ErrorMessage error={anmalan.error} />
      {anmalan.data ? (
        <ol className="deleg-sections">
          {anmalan.data.sections.map((s) => (
            <li key={s.section}>
              <h3>
                {s.title} ({formatNumber(s.count)})
              </h3>
              {s.lines.length > 0 ? (
                <ul>
                  {s.lines.map((line, i) => (
                    // Lines may repeat (two agreements alike): their place in the list tells them apart.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="namnd-hint">Inga beslut under perioden.</p>
              )}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function Points({ order }: { order: Order }) {
  if (!order.order) return <p className="notice">Nämnden har ingen delegeringsordning antagen.</p>;
  return (
    <section aria-labelledby="deleg-ordning">
      <h2 id="deleg-ordning">
        Delegeringsordning antagen {order.order.adoptedOn} § {order.order.paragraph}
      </h2>
      <ScrollFrame label="Delegeringsordningens punkter">
        <table className="data">
          <caption>{formatNumber(order.points.length)} punkter</caption>
          <ColumnHeads
            columns={["Punkt", "Ärendegrupp", "Beslut", "Lagrum", "Delegat", "Begränsning", "Vidaredelegering"]}
          />
          <tbody>
            {order.points.map((p) => (
              <tr key={p.code}>
                <td>{p.code}</td>
                <td>{p.heading}</td>
                <td>{p.text}</td>
                <td>{p.lagrum ?? ""}</td>
                <td>
                  {p.delegates.map((d) => d.label).join(", ")}
                  {p.subdelegations.map((s) => (
                    <div key={`${s.function}-${s.validFrom}`} className="namnd-hint">
                      Vidaredelegerad till {s.function} från {s.validFrom}
                      {s.validUntil ? ` till ${s.validUntil}` : ""}
                    </div>
                  ))}
                </td>
                <td>{p.limits ?? ""}</td>
                <td>{p.subdelegationAllowed ? "Tillåten" : "Nej"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </section>
  );
}

function RegisterDecision({ order }: { order: Order }) {
  const { orgNode } = useSession();
  const register = useRegisterDecision();
  const [kind, setKind] = useState<DelegateKind>("funktion");
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const law = text("law");
    register.mutate({
      body: {
        orgNodeId: orgNode?.id ?? "",
        point: text("point"),
        diarienummer: text("diarienummer") || null,
        decidedOn: text("decidedOn"),
        decider: { kind, function: kind === "funktion" ? text("function") : null, name: text("name") },
        law: law ? (law as (typeof decisionLaws)[number]) : null,
        subject: text("subject"),
        provider: text("provider") || null,
      },
    });
  };
  return (
    <form className="namnd-form card" onSubmit={send} aria-label="Registrera delegeringsbeslut">
      <h2>Registrera delegeringsbeslut</h2>
      <p className="namnd-hint">Beslutet vägras om beslutsfattaren inte har delegation enligt punkten.</p>
      <div className="form-grid">
        <div>
          <label htmlFor="dd-point">Punkt</label>
          <select id="dd-point" name="point" required>
            {order.points.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} {p.text.length > 50 ? `${p.text.slice(0, 50)}…` : p.text}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dd-date">Beslutsdatum</label>
          <input id="dd-date" name="decidedOn" type="date" required />
        </div>
        <div>
          <label htmlFor="dd-dnr">Diarienummer</label>
          <input id="dd-dnr" name="diarienummer" type="text" maxLength={40} />
        </div>
        <div>
          <label htmlFor="dd-kind">Beslutsfattare</label>
          <select id="dd-kind" value={kind} onChange={(e) => setKind(e.target.value as DelegateKind)}>
            {(Object.keys(delegateKindLabels) as DelegateKind[]).map((k) => (
              <option key={k} value={k}>
                {delegateKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        {kind === "funktion" ? (
          <div>
            <label htmlFor="dd-function">Funktion</label>
            <select id="dd-function" name="function" required>
              {order.functions.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="dd-name">Namn</label>
          <input id="dd-name" name="name" type="text" required maxLength={200} />
        </div>
        <div>
          <label htmlFor="dd-law">Lag</label>
          <select id="dd-law" name="law" defaultValue="">
            <option value="">Ingen</option>
            {decisionLaws.map((l) => (
              <option key={l} value={l}>
                {decisionLawLabels[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dd-provider">Utförare</label>
          <input id="dd-provider" name="provider" type="text" maxLength={200} />
        </div>
      </div>
      <label htmlFor="dd-subject">Beslutet gäller</label>
      <input id="dd-subject" name="subject" type="text" required maxLength={500} size={60} />
      <div>
        <button type="submit" className="primary" disabled={register.isPending}>
          Registrera
        </button>
      </div>
      <ErrorMessage error={register.error} />
      {register.data ? (
        <div role="status">
          <p>
            Registrerat enligt punkt {register.data.point.code}
            {register.data.diarienummer ? `, ${register.data.diarienummer}` : ""}.
          </p>
          {register.data.upplysning ? <p>Upplysning: {register.data.upplysning}</p> : null}
        </div>
      ) : null}
    </form>
  );
}
