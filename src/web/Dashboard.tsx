import { Link } from "react-router-dom";
import type { start } from "../app/start-api.ts";
import type { OutputOf } from "../platform/http/endpoint.ts";
import { formatNumber } from "../platform/i18n/format.ts";
import type { StartItem, StartTone } from "../platform/start-item.ts";
import { sections, visibleSections } from "./sections.tsx";
import { kindLabels, useSession } from "./session.tsx";
import { useStart } from "./start/queries.ts";
import "./start/start.css";
import { ErrorMessage, Loading, Page } from "./ui/Page.tsx";

type Group = OutputOf<typeof start>["groups"][number];

/** The tone in words and a sign, so it never rests on colour alone. */
const toneText: Record<StartTone, { sign: string; text: string } | null> = {
  late: { sign: "!", text: "Försenat" },
  warning: { sign: "●", text: "Att göra" },
  info: null,
};

/** Zero counts are kept out of the to-do list; a withheld count (null) or an amount stays. */
const worthShowing = (item: StartItem) => item.count !== 0;

/** Cards with something to show first, each kind keeping its order. */
const idle = (group: Group) => (group.items.some(worthShowing) ? 0 : 1);
const withWorkFirst = (groups: Group[]) => groups.toSorted((a, b) => idle(a) - idle(b));

function Item({ item }: { item: StartItem }) {
  const tone = toneText[item.tone];
  const big = item.figure ?? (item.count === null ? "" : formatNumber(item.count));
  return (
    <li className={`start-item start-${item.tone}`} data-key={item.key}>
      <span className="start-figure" aria-hidden="true">
        {big}
      </span>
      <span className="start-text">
        {tone && (
          <span className="start-tone">
            <span aria-hidden="true">{tone.sign}</span> {tone.text}:
          </span>
        )}{" "}
        <Link to={item.href}>{item.label}</Link>
      </span>
    </li>
  );
}

function GroupCard({ group }: { group: Group }) {
  const section = sections.find((s) => s.path === group.capability);
  const items = group.items.filter(worthShowing);
  const headingId = `start-${group.capability}`;
  return (
    <li className="card start-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/${group.capability}`}>{section?.label ?? group.capability}</Link>
      </h2>
      {items.length === 0 ? (
        <p className="muted">Inget att göra just nu</p>
      ) : (
        <ul className="start-items">
          {items.map((item) => (
            <Item key={item.key} item={item} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The start page: the user's live numbers and to-dos for the chosen node, then the sections. */
export function Dashboard() {
  const { user, orgNode, namnd, tree } = useSession();
  const result = useStart();
  return (
    <Page title="Översikt">
      <p>
        Välkommen, {user.displayName}. Du tittar på{" "}
        <strong>{orgNode ? `${orgNode.name} (${kindLabels[orgNode.kind].toLowerCase()})` : "–"}</strong>
        {namnd && namnd.id !== orgNode?.id ? `, ${namnd.name}` : ""}
        {namnd?.diariumPrefix ? `, diarieprefix ${namnd.diariumPrefix}` : ""}.
      </p>
      <ErrorMessage error={result.error} />
      {result.isLoading ? (
        <Loading what="Hämtar dina siffror" />
      ) : (
        result.data && (
          <ul className="start-cards" aria-label="Att göra och siffror">
            {withWorkFirst(result.data.groups).map((g) => (
              <GroupCard key={g.capability} group={g} />
            ))}
          </ul>
        )
      )}
      <nav aria-labelledby="start-sections-title">
        <h2 id="start-sections-title" className="start-sections-title">
          Avsnitt
        </h2>
        <ul className="start-sections">
          {visibleSections(user, tree).map((s) => (
            <li key={s.path}>
              <Link to={`/${s.path}`}>{s.label}</Link>
              <span className="muted"> – {s.component ? s.summary : "kommer snart."}</span>
            </li>
          ))}
        </ul>
      </nav>
    </Page>
  );
}
