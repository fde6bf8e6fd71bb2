import { NavLink, Route, Routes } from "react-router-dom";
import { useSession } from "../../session.tsx";
import { NotFoundPage } from "../../ui/Page.tsx";
import { ComplaintPage } from "./ComplaintPage.tsx";
import { ComplaintStatisticsPage } from "./ComplaintStatisticsPage.tsx";
import { ComplaintsPage } from "./ComplaintsPage.tsx";
import { PeriodPage } from "./PeriodPage.tsx";
import { RegisterPage } from "./RegisterPage.tsx";

/** Synpunkter och klagomål under /kvalitet/klagomal: register (anyone), list and period (read:kvalitet), statistics. */
export default function KlagomalRoutes() {
  const { can } = useSession();
  return (
    <>
      <nav aria-label="Synpunkter och klagomål" className="toolbar">
        <NavLink to="/kvalitet/klagomal/ny">Registrera</NavLink>
        {can("read:kvalitet") && (
          <NavLink to="/kvalitet/klagomal" end>
            Alla
          </NavLink>
        )}
        {can("read:kvalitet") && <NavLink to="/kvalitet/klagomal/period">Till nämnden</NavLink>}
        <NavLink to="/kvalitet/klagomal/statistik">Statistik</NavLink>
      </nav>
      <Routes>
        <Route index element={can("read:kvalitet") ? <ComplaintsPage /> : <RegisterPage />} />
        <Route path="ny" element={<RegisterPage />} />
        <Route path="period" element={<PeriodPage />} />
        <Route path="statistik" element={<ComplaintStatisticsPage />} />
        <Route path=":id" element={<ComplaintPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
