import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import "./overview.css";
import { Link } from "react-router-dom";
import { categoryLabels } from "../../../kvalitet/klagomal/vocabulary.ts";
import { atgardStatusLabelOn } from "../../../kvalitet/kvalitetsplan/vocabulary.ts";
import { yttrandeStatusLabels } from "../../../kvalitet/tillsyn/vocabulary.ts";
import { eventStatusLabels, typeGroupLabels } from "../../../kvalitet/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { formatCount, formatDate, formatNumber, formatPercent } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads, numeric } from "../../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { ALL, filteredPath } from "../address-filters.ts";
import { LevelBadge } from "../kvalitetsplan/RiskMatrix.tsx";
import { type Period, shortcutOf, shortcuts } from "./period.ts";
import { type Overview, useOverview } from "./queries.ts";
import { daysText, SmallCountNote, shownCount, shownText } from "./shown.tsx";

const outcomeNames = { A: "A – inget missförhållande", B: "B – missförhållande", C: "C – allvarligt, anmäls till IVO" };

/** The register filters for the view's period (the unit is the session's, the same in the register). */
const periodFilter = (o: Overview) => ({ periodStart: o.period.start, periodEnd: o.period.end });

/** A section of the view with its heading and a link to the register it summarises. */
function Section({
  id,
  title,
  to,
  toLabel,
  children,
}: {
  id: string;
  title: string;
  to?: string;
  toLabel?: string;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <div className="overview-head">
        <h2 id={id}>{title}</h2>
        {to && <Link to={to}>{toLabel}</Link>}
      </div>
      {children}
    </section>
  );
}

function CountTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: { name: string; count: Overview["handelser"]["total"] }[];
}) {
  return (
    <table className="data">
      <caption>{caption}</caption>
      <ColumnHeads columns={[heading, ...numeric(["Antal"])]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{shownText(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Handelser({ o, records }: { o: Overview; records: boolean }) {
  const h = o.handelser;
  const old = h.openOlderThan;
  return (
    <Section
      id="ov-handelser"
      title="Händelser (avvikelser)"
      to={records ? filteredPath("/kvalitet/handelser", { status: ALL, ...periodFilter(o) }) : "/kvalitet/statistik"}
      toLabel={records ? "Till händelserna" : "Till statistiken"}
    >
      <p>
        {shownCount(h.total, "avvikelse", "avvikelser")} inträffade under perioden. Öppna den {formatDate(o.asOf)} och
        äldre än {daysText(old.days)}: {shownText(old.count)}
        {old.oldestDays > 0 ? ` (den äldsta ${daysText(old.oldestDays)})` : ""}.
      </p>
      <div className="overview-pair">
        <CountTable
          caption="Per status i dag"
          heading="Status"
          rows={h.byStatus.map((s) => ({ name: eventStatusLabels[s.status], count: s.count }))}
        />
        <CountTable
          caption="Per typ (flerval, summerar inte till antalet)"
          heading="Typ"
          rows={h.byType.map((t) => ({ name: `${t.name} (${typeGroupLabels[t.group]})`, count: t.count }))}
        />
      </div>
      {old.list && old.list.length > 0 && (
        <details className="overview-list">
          <summary>Visa de äldsta öppna avvikelserna ({formatNumber(old.list.length)})</summary>
          <ScrollFrame label="Öppna händelser, tabell">
            <table className="data">
              <caption>
                De äldsta öppna avvikelserna äldre än {daysText(old.days)} (högst {old.list.length} visas)
              </caption>
              <ColumnHeads columns={["Rapporterad", "Enhet", "Status", "Vad hände", ...numeric(["Ålder (dagar)"])]} />
              <tbody>
                {old.list.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/kvalitet/handelser/${e.id}`}>{formatDate(e.reportedOn)}</Link>
                    </td>
                    <td>{e.unit.name}</td>
                    <td>{eventStatusLabels[e.status]}</td>
                    <td>{e.summary}</td>
                    <td className="num">{formatNumber(e.ageDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        </details>
      )}
    </Section>
  );
}

function LexSarah({ o, records }: { o: Overview; records: boolean }) {
  const l = o.lexSarah;
  return (
    <Section
      id="ov-lex-sarah"
      title="Lex Sarah"
      to={records ? filteredPath("/kvalitet/lex-sarah", periodFilter(o)) : "/kvalitet/statistik"}
      toLabel={records ? "Till lex Sarah-registret" : "Till statistiken"}
    >
      <p>
        {shownCount(l.reports, "rapport", "rapporter")} under perioden; {shownCount(l.decided, "ärende", "ärenden")}{" "}
        beslutades. Pågående utredningar den {formatDate(o.asOf)}: {shownText(l.open.count)}
        {l.open.oldestDays !== null ? ` (den äldsta ${daysText(l.open.oldestDays)})` : ""}. Anmälningar till IVO som
        väntar: {shownText(l.ivoPending.count)}, varav försenade {shownText(l.ivoPending.overdue)}.
      </p>
      <CountTable
        caption="Beslut under perioden per utfall"
        heading="Utfall"
        rows={l.byOutcome.map((b) => ({ name: outcomeNames[b.outcome], count: b.count }))}
      />
      {l.open.list && l.open.list.length > 0 && (
        <ScrollFrame label="Pågående utredningar, tabell">
          <table className="data">
            <caption>Pågående utredningar, äldst först</caption>
            <ColumnHeads columns={["Nummer", "Enhet", "Gäller", "Rapporterad", ...numeric(["Ålder (dagar)"])]} />
            <tbody>
              {l.open.list.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/kvalitet/lex-sarah/${c.id}`}>{c.number}</Link>
                  </td>
                  <td>{c.unit.name}</td>
                  <td>{c.gist}</td>
                  <td>{formatDate(c.reportedOn)}</td>
                  <td className="num">{formatNumber(c.ageDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
      {l.ivoPending.list && l.ivoPending.list.length > 0 && (
        <table className="data">
          <caption>Anmälningar till IVO som väntar</caption>
          <ColumnHeads columns={["Beslutat", "Ärenden", "Skickas senast", "Läge"]} />
          <tbody>
            {l.ivoPending.list.map((d) => (
              <tr key={d.id}>
                <td>{formatDate(d.decidedOn)}</td>
                <td>{d.cases.join(", ")}</td>
                <td>{formatDate(d.dueBy)}</td>
                <td className={d.overdue ? "bad" : undefined}>{d.overdue ? "Försenad" : "I tid"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Klagomal({ o }: { o: Overview }) {
  const k = o.klagomal;
  return (
    <Section
      id="ov-klagomal"
      title="Klagomål"
      to={filteredPath("/kvalitet/klagomal", { state: ALL, ...periodFilter(o) })}
      toLabel="Till synpunkter och klagomål"
    >
      <p>
        {shownText(k.received)} klagomål kom in till diariet under perioden. Besvarade inom 10 dagar:{" "}
        {shownText(k.answeredInTime)}
        {k.inTimeShare !== null ? ` (${formatPercent(k.inTimeShare * 100, 0)} av dem som skulle vara besvarade)` : ""}
        {"; "}sent eller försenade: {shownText(k.late)}; ännu inte förfallna: {shownText(k.notYetDue)}; anonyma:{" "}
        {shownText(k.anonymous)}. Därtill {shownText(k.otherSynpunkter)} andra synpunkter, och{" "}
        {shownText(k.kommentaren)} via Kommentaren, som räknas för sig.
      </p>
      <CountTable
        caption="Klagomål per kategori"
        heading="Kategori"
        rows={k.byCategory.map((c) => ({ name: categoryLabels[c.category], count: c.count }))}
      />
    </Section>
  );
}

function Risker({ o }: { o: Overview }) {
  const r = o.risks;
  return (
    <Section
      id="ov-risker"
      title={`Risker i kvalitetsplanen ${r.year}`}
      to="/kvalitet/kvalitetsplan"
      toLabel="Till kvalitetsplanen"
    >
      <p>
        {r.total === 0
          ? `Ingen kvalitetsplan under ${o.organisation.name} har risker för ${r.year}.`
          : `${formatCount(r.total, "risk", "risker")}: ${r.byLevel.map((l) => `${l.level.toLowerCase()} ${formatNumber(l.count)}`).join(", ")}.`}
      </p>
      {r.high.length > 0 && (
        <ScrollFrame label="Höga risker, tabell">
          <table className="data">
            <caption>De höga riskerna</caption>
            <ColumnHeads columns={["Nivå", "Enhet", "Nr", "Risk", ...numeric(["Riskvärde"])]} />
            <tbody>
              {r.high.map((h) => (
                <tr key={h.id}>
                  <td>
                    <LevelBadge level={{ name: h.level, colour: h.colour }} />
                  </td>
                  <td>{h.unit.name}</td>
                  <td>{h.nr}</td>
                  <td>{h.description}</td>
                  <td className="num">{formatNumber(h.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </Section>
  );
}

function Atgarder({ o }: { o: Overview }) {
  const a = o.atgarder;
  return (
    <Section id="ov-atgarder" title="Öppna åtgärder" to="/kvalitet/kvalitetsplan/atgarder" toLabel="Till åtgärderna">
      <p>
        {formatCount(a.open, "öppen åtgärd", "öppna åtgärder")} i kvalitetsplaner och internkontroll i dag, varav{" "}
        <strong>{formatCount(a.overdue, "försenad", "försenade")}</strong>.
      </p>
      {a.list.length > 0 && (
        <ScrollFrame label="Öppna åtgärder, tabell">
          <table className="data">
            <caption>Öppna åtgärder, de mest försenade först</caption>
            <ColumnHeads columns={["Slutdatum", "Enhet", "Åtgärd", "Gäller", "Ansvarig", "Status"]} />
            <tbody>
              {a.list.map((x) => (
                <tr key={x.id}>
                  <td className={x.overdue ? "bad" : undefined}>
                    {x.deadline ? formatDate(x.deadline) : "–"}
                    {x.overdue ? ` (${daysText(x.daysOverdue)} sen)` : ""}
                  </td>
                  <td>{x.unit.name}</td>
                  <td>{x.text}</td>
                  <td>{x.linkedTo}</td>
                  <td>{x.owner}</td>
                  <td>{atgardStatusLabelOn(x.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </Section>
  );
}

function Tillsyn({ o, records }: { o: Overview; records: boolean }) {
  const s = o.tillsyn;
  return (
    <Section
      id="ov-tillsyn"
      title="IVO-tillsyn"
      to={records ? "/kvalitet/tillsyn" : undefined}
      toLabel="Till tillsynerna"
    >
      <p>
        Pågående tillsyner: {formatNumber(s.open)}; yttranden som väntar: {formatNumber(s.yttrandenAwaited)}, varav
        försenade {formatNumber(s.yttrandenOverdue)}.
      </p>
      {s.list && s.list.length > 0 && (
        <ScrollFrame label="Pågående tillsyner, tabell">
          <table className="data">
            <caption>Pågående tillsyner och begärda yttranden</caption>
            <ColumnHeads columns={["Månad", "Enhet", "Slag", "IVO:s dnr", "Yttrande senast", "Läge"]} />
            <tbody>
              {s.list.map((i) => (
                <tr key={i.id}>
                  <td>{i.month}</td>
                  <td>{i.unit.name}</td>
                  <td>{i.type}</td>
                  <td>{i.ivoDnr ?? "–"}</td>
                  <td>{i.yttrandeDueOn ? formatDate(i.yttrandeDueOn) : "–"}</td>
                  <td className={i.yttrandeStatus === "forsenat" ? "bad" : undefined}>
                    {yttrandeStatusLabels[i.yttrandeStatus]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </Section>
  );
}

/**
 * The joint view of the chosen unit (or area or nämnd) for a period: what the kvalitetsberättelse and the
 * enhetschef need. Everyone who may read the unit gets counts; records only for readers with read:kvalitet.
 */
export function OverviewPage() {
  const { orgNode } = useSession();
  const today = todayInSweden();
  const list = useMemo(() => shortcuts(today), [today]);
  const [period, setPeriod] = useState<Period>(() => list[0]?.period ?? { start: today, end: today });
  const [openDays, setOpenDays] = useState(30);
  const result = useOverview(period, openDays);
  const o = result.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPeriod({ start: String(data.get("start") ?? ""), end: String(data.get("end") ?? "") });
    setOpenDays(Math.max(0, Number(data.get("openDays")) || 0));
  };
  const chosen = (key: string) => {
    const s = list.find((x) => x.key === key);
    if (s) setPeriod(s.period);
  };

  return (
    <Page title={`Kvalitetsöversikt – ${orgNode?.name ?? ""}`}>
      {/* The keys make the uncontrolled dates follow a shortcut. */}
      <form className="toolbar" aria-label="Välj period" onSubmit={submit} key={`${period.start}-${period.end}`}>
        <div>
          <label htmlFor="ov-shortcut">Period</label>
          <select id="ov-shortcut" value={shortcutOf(period, list)} onChange={(e) => chosen(e.target.value)}>
            <option value="">Egen period</option>
            {list.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ov-start">Från</label>
          <input id="ov-start" name="start" type="date" required defaultValue={period.start} />
        </div>
        <div>
          <label htmlFor="ov-end">Till och med</label>
          <input id="ov-end" name="end" type="date" required defaultValue={period.end} />
        </div>
        <div>
          <label htmlFor="ov-days">Öppna äldre än (dagar)</label>
          <input id="ov-days" name="openDays" type="number" min={0} max={3650} defaultValue={openDays} />
        </div>
        <button type="submit">Visa</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !o ? (
        <Loading />
      ) : (
        <>
          <p>
            {o.organisation.name}, {formatDate(o.period.start)}–{formatDate(o.period.end)}. Det som är öppet bedöms den{" "}
            {formatDate(o.asOf)}. <Link to="/kvalitet/trender">Se trenderna</Link>.
          </p>
          {!o.recordAccess && <SmallCountNote />}
          <ul className="tiles" aria-label="Nyckeltal">
            <li className="card tile">
              <h2>Avvikelser</h2>
              <p className="kvalitet-big">{shownText(o.handelser.total)}</p>
            </li>
            <li className="card tile">
              <h2>Lex Sarah-rapporter</h2>
              <p className="kvalitet-big">{shownText(o.lexSarah.reports)}</p>
            </li>
            <li className="card tile">
              <h2>Klagomål till diariet</h2>
              <p className="kvalitet-big">{shownText(o.klagomal.received)}</p>
            </li>
            <li className="card tile">
              <h2>Försenade åtgärder</h2>
              <p className="kvalitet-big">{formatNumber(o.atgarder.overdue)}</p>
              <p className="muted">av {formatCount(o.atgarder.open, "öppen", "öppna")}</p>
            </li>
          </ul>
          <Handelser o={o} records={o.recordAccess} />
          <LexSarah o={o} records={o.recordAccess} />
          <Klagomal o={o} />
          <Risker o={o} />
          <Atgarder o={o} />
          <Tillsyn o={o} records={o.recordAccess} />
        </>
      )}
    </Page>
  );
}
