import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { usePublicNamnder } from "./queries.ts";
import "./public.css";

/**
 * The public area's frame: the municipality's name and a way back to the start, no login and no menu of the
 * signed-in app. It holds the nämnder's published agendas and protocols (and later published reports and
 * open data).
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const kommun = usePublicNamnder().data?.kommun;
  return (
    <div className="public">
      <a className="skip-link" href="#public-main">
        Till innehållet
      </a>
      <header className="public-header">
        <p className="public-kommun">{kommun ?? "Kommunen"}</p>
        <nav aria-label="Offentligt">
          <Link to="/offentligt">Offentliga handlingar</Link>
        </nav>
      </header>
      <main id="public-main" className="public-main">
        {children}
      </main>
    </div>
  );
}
