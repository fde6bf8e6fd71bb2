import type { ReactNode } from "react";
import { NavLink } from "react-router-dom";
import * as auth from "../platform/auth/api.ts";
import { call } from "./api.ts";
import { visibleSections } from "./sections.tsx";
import { roleLabels, useSession } from "./session.tsx";
import { OrgPicker } from "./ui/OrgPicker.tsx";

export function Layout({ children }: { children: ReactNode }) {
  const { user, can, tree } = useSession();
  const logout = async () => {
    const { redirectTo } = await call(auth.logout);
    // A full reload drops every cached answer from the old session; after single sign-on the identity
    // provider's logout comes first, and it sends the browser back to Lots.
    window.location.assign(redirectTo);
  };
  const roles = [...new Set(user.assignments.map((a) => roleLabels[a.role] ?? a.role))].join(", ");
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Lots, till översikten">
          Lots
        </NavLink>
        <OrgPicker />
        <div className="user">
          <span>
            {user.displayName} <span className="muted">({roles})</span>
          </span>
          <NavLink to="/installningar">Mina inställningar</NavLink>
          <button type="button" onClick={logout}>
            Logga ut
          </button>
        </div>
      </header>
      <div className="body">
        <nav aria-label="Huvudmeny" className="sidenav">
          <ul>
            <li>
              <NavLink to="/" end>
                Översikt
              </NavLink>
            </li>
            {visibleSections(user, tree).map((s) => (
              <li key={s.path}>
                <NavLink to={`/${s.path}`}>{s.label}</NavLink>
              </li>
            ))}
          </ul>
          {!can("read") && <p className="muted">Du har ingen läsbehörighet här.</p>}
        </nav>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
