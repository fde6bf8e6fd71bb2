import { NavLink, Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../ui/Page.tsx";
import "./evb.css";
import { useSession } from "../session.tsx";
import { CataloguePage } from "./CataloguePage.tsx";
import { DashboardPage } from "./DashboardPage.tsx";
import { DecisionPage, NewDecisionPage } from "./DecisionPage.tsx";
import { ImportPage } from "./ImportPage.tsx";
import { QuarterReportPage } from "./QuarterReportPage.tsx";
import { RegisterPage } from "./RegisterPage.tsx";

/** Ej verkställda beslut: dashboard, register (personal data), quarter reports, import and catalogue. */
export default function EvbSection() {
  const { can } = useSession();
  return (
    <>
      <nav aria-label="Ej verkställda beslut" className="toolbar">
        <NavLink to="/evb" end>
          Läget
        </NavLink>
        {can("read:personal") && <NavLink to="/evb/register">Register</NavLink>}
        <NavLink to="/evb/rapport">Kvartalsrapport</NavLink>
        {can("write:evb") && <NavLink to="/evb/import">Import</NavLink>}
        <NavLink to="/evb/katalog">Insatskatalog</NavLink>
      </nav>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="register/nytt" element={<NewDecisionPage />} />
        <Route path="register/:id" element={<DecisionPage />} />
        <Route path="rapport" element={<QuarterReportPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="katalog" element={<CataloguePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
