import { NavLink, Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../ui/Page.tsx";
import { AccessLogPage } from "./AccessLogPage.tsx";
import { AuditLogPage } from "./AuditLogPage.tsx";
import { OrganisationPage } from "./OrganisationPage.tsx";
import { RemindersLogPage } from "./RemindersLogPage.tsx";
import { SsoRulesPage } from "./SsoRulesPage.tsx";
import { UsersPage } from "./UsersPage.tsx";

export default function AdminSection() {
  return (
    <>
      <nav aria-label="Admin" className="toolbar">
        <NavLink to="/admin" end>
          Granskningslogg
        </NavLink>
        <NavLink to="/admin/lasloggen">Läsning av personuppgifter</NavLink>
        <NavLink to="/admin/anvandare">Användare och roller</NavLink>
        <NavLink to="/admin/organisation">Organisation</NavLink>
        <NavLink to="/admin/inloggning">Inloggning (SSO)</NavLink>
        <NavLink to="/admin/paminnelser">Påminnelser</NavLink>
      </nav>
      <Routes>
        <Route index element={<AuditLogPage />} />
        <Route path="lasloggen" element={<AccessLogPage />} />
        <Route path="anvandare" element={<UsersPage />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="inloggning" element={<SsoRulesPage />} />
        <Route path="paminnelser" element={<RemindersLogPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
