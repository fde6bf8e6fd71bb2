import { Link } from "react-router-dom";
import { roleLabels, useSession } from "../session.tsx";
import { Page } from "../ui/Page.tsx";
import type { Namnder } from "./types.ts";

/**
 * What Ekonomi says when no committee's economy can be shown for the selected node. Someone who may read a
 * committee gets it to choose with one click; someone whose access ends at a unit (an enhetschef, a
 * handläggare) is told why: the economy is followed per nämnd and verksamhetsområde, not per unit, and their
 * access does not reach the committee's figures. Lots does not widen that access here.
 */
export function EconomyScope({ readable, namndName }: { readable: Namnder; namndName?: string }) {
  const { user, tree, setOrgNodeId } = useSession();
  if (readable.length > 0) {
    return (
      <Page title="Ekonomi">
        <section className="notice" aria-labelledby="ekonomi-scope">
          <h2 id="ekonomi-scope">Välj nämnd</h2>
          <p>
            {namndName ? `Du har inte behörighet att läsa ekonomin för ${namndName}. ` : ""}
            Ekonomin följs upp per nämnd. Du kan läsa ekonomin för:
          </p>
          <ul>
            {readable.map((n) => (
              <li key={n.id}>
                <button type="button" onClick={() => setOrgNodeId(n.id)}>
                  {n.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </Page>
    );
  }
  const scopes = user.assignments.map((a) => {
    const place = tree.find((n) => n.id === a.orgNodeId)?.name ?? "din enhet";
    return `${roleLabels[a.role] ?? a.role} för ${place}`;
  });
  return (
    <Page title="Ekonomi">
      <section className="notice" aria-labelledby="ekonomi-scope">
        <h2 id="ekonomi-scope">Ekonomin visas per nämnd, inte per enhet</h2>
        <p>
          Budget, prognos och utfall följs upp för nämnden och dess verksamhetsområden. Enhetens kostnader ingår i
          verksamhetsområdets belopp och redovisas inte för sig. Din behörighet ({scopes.join(", ")}) omfattar inte
          nämndens ekonomi{namndName ? ` (${namndName})` : ""}, så Lots visar den inte för dig.
        </p>
        <p>
          Fråga nämndens controller eller din verksamhetschef om budget och utfall för din verksamhet. Behöver du läsa
          ekonomin i Lots kan en administratör ge dig läsbehörighet för nämnden.
        </p>
        <p>
          <Link to="/">Till startsidan</Link> med det som gäller din enhet.
        </p>
      </section>
    </Page>
  );
}
