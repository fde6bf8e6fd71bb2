import { NavLink, Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../ui/Page.tsx";
import { ActivityBoardPage } from "./ActivityBoardPage.tsx";
import { DirectivesPage } from "./DirectivesPage.tsx";
import { GoalPage } from "./GoalPage.tsx";
import { GoalTreePage } from "./GoalTreePage.tsx";
import { IndicatorPage } from "./IndicatorPage.tsx";
import { KoladaPage } from "./KoladaPage.tsx";
import { UppdragPage } from "./UppdragPage.tsx";
import { ValueGridPage } from "./ValueGridPage.tsx";
import "./styrning.css";

export default function StyrningSection() {
  return (
    <>
      <nav aria-label="Styrning" className="toolbar styrning-subnav">
        <NavLink to="/styrning" end>
          Målträd
        </NavLink>
        <NavLink to="/styrning/varden">Registrera värden</NavLink>
        <NavLink to="/styrning/uppdrag">Uppdrag</NavLink>
        <NavLink to="/styrning/aktiviteter">Aktiviteter</NavLink>
        <NavLink to="/styrning/direktiv">Direktiv</NavLink>
        <NavLink to="/styrning/kolada">Kolada</NavLink>
      </nav>
      <Routes>
        <Route index element={<GoalTreePage />} />
        <Route path="mal/:id" element={<GoalPage />} />
        <Route path="indikatorer/:id" element={<IndicatorPage />} />
        <Route path="varden" element={<ValueGridPage />} />
        <Route path="uppdrag" element={<UppdragPage />} />
        <Route path="aktiviteter" element={<ActivityBoardPage />} />
        <Route path="direktiv" element={<DirectivesPage />} />
        <Route path="kolada" element={<KoladaPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
