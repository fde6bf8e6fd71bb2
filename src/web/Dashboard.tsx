import { Link } from "react-router-dom";
import { visibleSections } from "./sections.tsx";
import { kindLabels, useSession } from "./session.tsx";
import { Page } from "./ui/Page.tsx";

export function Dashboard() {
  const { user, orgNode, namnd } = useSession();
  return (
    <Page title="Översikt">
      <p>
        Välkommen, {user.displayName}. Du tittar på{" "}
        <strong>{orgNode ? `${orgNode.name} (${kindLabels[orgNode.kind].toLowerCase()})` : "–"}</strong>
        {namnd && namnd.id !== orgNode?.id ? `, ${namnd.name}` : ""}
        {namnd?.diariumPrefix ? `, diarieprefix ${namnd.diariumPrefix}` : ""}.
      </p>
      <ul className="tiles">
        {visibleSections(user).map((s) => (
          <li key={s.path} className="card tile">
            <h2>
              <Link to={`/${s.path}`}>{s.label}</Link>
            </h2>
            <p>{s.summary}</p>
            {!s.component && <p className="muted">Kommer snart.</p>}
          </li>
        ))}
      </ul>
    </Page>
  );
}
