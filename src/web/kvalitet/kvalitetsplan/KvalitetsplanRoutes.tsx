import { NavLink, Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../ui/Page.tsx";
import { AtgarderPage } from "./AtgarderPage.tsx";
import { PlanPage } from "./PlanPage.tsx";
import { ProcessesPage } from "./ProcessesPage.tsx";
import { ScalesPage } from "./ScalesPage.tsx";

/** Kvalitetsplan: the unit's plan, the åtgärder under the chosen node, and the kommun's risk scales and processes. */
export default function KvalitetsplanRoutes() {
  return (
    <>
      <nav aria-label="Kvalitetsplan" className="toolbar">
        <NavLink to="/kvalitet/kvalitetsplan" end>
          Plan
        </NavLink>
        <NavLink to="/kvalitet/kvalitetsplan/atgarder">Åtgärder</NavLink>
        <NavLink to="/kvalitet/kvalitetsplan/riskskalor">Riskskalor</NavLink>
        <NavLink to="/kvalitet/kvalitetsplan/processer">Processer</NavLink>
      </nav>
      <Routes>
        <Route index element={<PlanPage />} />
        <Route path="atgarder" element={<AtgarderPage />} />
        <Route path="riskskalor" element={<ScalesPage />} />
        <Route path="processer" element={<ProcessesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
