import { NavLink, Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../ui/Page.tsx";
import "./kvalitet.css";
import { useSession } from "../session.tsx";
import { EventPage } from "./EventPage.tsx";
import { EventsPage } from "./EventsPage.tsx";
import { ReportPage } from "./ReportPage.tsx";
import { StatisticsPage } from "./StatisticsPage.tsx";

/** Kvalitet: report a händelse (anyone), the händelser (read:kvalitet) and the statistics (counts for all). */
export default function KvalitetSection() {
  const { can } = useSession();
  return (
    <>
      <nav aria-label="Kvalitet" className="toolbar">
        <NavLink to="/kvalitet" end>
          Rapportera händelse
        </NavLink>
        {can("read:kvalitet") && <NavLink to="/kvalitet/handelser">Händelser</NavLink>}
        <NavLink to="/kvalitet/statistik">Statistik</NavLink>
      </nav>
      <Routes>
        <Route index element={<ReportPage />} />
        <Route path="handelser" element={<EventsPage />} />
        <Route path="handelser/:id" element={<EventPage />} />
        <Route path="statistik" element={<StatisticsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
