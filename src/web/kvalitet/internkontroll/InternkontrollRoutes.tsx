import { NavLink, Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../ui/Page.tsx";
import { InternkontrollPage } from "./InternkontrollPage.tsx";
import { IkReportPage } from "./ReportPage.tsx";

/** Internkontroll: the nämnd's year, and the follow-up report to KS. */
export default function InternkontrollRoutes() {
  return (
    <>
      <nav aria-label="Internkontroll" className="toolbar">
        <NavLink to="/kvalitet/internkontroll" end>
          Årets internkontroll
        </NavLink>
        <NavLink to="/kvalitet/internkontroll/rapport">Uppföljningsrapport</NavLink>
      </nav>
      <Routes>
        <Route index element={<InternkontrollPage />} />
        <Route path="rapport" element={<IkReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
