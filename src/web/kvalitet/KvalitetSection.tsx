import { NavLink, Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../ui/Page.tsx";
import InternkontrollRoutes from "./internkontroll/InternkontrollRoutes.tsx";
import "./kvalitet.css";
import "./klagomal/klagomal.css";
import { useSession } from "../session.tsx";
import { EventListsPage } from "./EventListsPage.tsx";
import { EventPage } from "./EventPage.tsx";
import { EventsPage } from "./EventsPage.tsx";
import { ImportPage } from "./ImportPage.tsx";
import KlagomalRoutes from "./klagomal/KlagomalRoutes.tsx";
import KvalitetsplanRoutes from "./kvalitetsplan/KvalitetsplanRoutes.tsx";
import LexSarahRoutes from "./lex-sarah/LexSarahRoutes.tsx";
import { OverviewPage } from "./overview/OverviewPage.tsx";
import { TrendsPage } from "./overview/TrendsPage.tsx";
import { ReportPage } from "./ReportPage.tsx";
import { StatisticsPage } from "./StatisticsPage.tsx";
import TillsynRoutes from "./tillsyn/TillsynRoutes.tsx";

/** Kvalitet: report a händelse (anyone), the händelser (read:kvalitet) and the statistics (counts for all). */
export default function KvalitetSection() {
  const { can } = useSession();
  return (
    <>
      <nav aria-label="Kvalitet" className="toolbar">
        <NavLink to="/kvalitet/oversikt">Översikt</NavLink>
        <NavLink to="/kvalitet/trender">Trender</NavLink>
        <NavLink to="/kvalitet" end>
          Rapportera händelse
        </NavLink>
        {can("read:kvalitet") && <NavLink to="/kvalitet/handelser">Händelser</NavLink>}
        {can("write:kvalitet") && <NavLink to="/kvalitet/import">Importera händelser</NavLink>}
        {(can("admin") || can("read:kvalitet")) && <NavLink to="/kvalitet/listor">Typer och orsaker</NavLink>}
        {can("read:kvalitet") && <NavLink to="/kvalitet/lex-sarah">Lex Sarah</NavLink>}
        <NavLink to="/kvalitet/statistik">Statistik</NavLink>
        <NavLink to="/kvalitet/klagomal">Synpunkter och klagomål</NavLink>
        {can("read:kvalitet") && <NavLink to="/kvalitet/tillsyn">IVO-tillsyn</NavLink>}
        <NavLink to="/kvalitet/kvalitetsplan">Kvalitetsplan</NavLink>
        <NavLink to="/kvalitet/internkontroll">Internkontroll</NavLink>
      </nav>
      <Routes>
        <Route index element={<ReportPage />} />
        <Route path="oversikt" element={<OverviewPage />} />
        <Route path="trender" element={<TrendsPage />} />
        <Route path="handelser" element={<EventsPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="listor" element={<EventListsPage />} />
        <Route path="handelser/:id" element={<EventPage />} />
        <Route path="statistik" element={<StatisticsPage />} />
        <Route path="klagomal/*" element={<KlagomalRoutes />} />
        <Route path="tillsyn/*" element={<TillsynRoutes />} />
        <Route path="kvalitetsplan/*" element={<KvalitetsplanRoutes />} />
        <Route path="internkontroll/*" element={<InternkontrollRoutes />} />
        <Route path="lex-sarah/*" element={<LexSarahRoutes />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
