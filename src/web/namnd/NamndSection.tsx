import { NavLink, Route, Routes } from "react-router-dom";
import { useSession } from "../session.tsx";
import { NotFoundPage } from "../ui/Page.tsx";
import { CasePage } from "./CasePage.tsx";
import { DiariumPage } from "./DiariumPage.tsx";
import { DelegationPage } from "./delegation/DelegationPage.tsx";
import { NewCasePage } from "./NewCasePage.tsx";
import { StandingPage } from "./StandingPage.tsx";
import "./namnd.css";

/** Nämnd: the diarium (every reader of the nämnd), registering cases and the standing ones (nämndsekreterare). */
export default function NamndSection() {
  const { can } = useSession();
  return (
    <>
      <nav aria-label="Nämnd" className="toolbar">
        <NavLink to="/namnd" end>
          Diarium
        </NavLink>
        {can("write:namnd") && <NavLink to="/namnd/nytt">Registrera ärende</NavLink>}
        <NavLink to="/namnd/staende">Stående ärenden</NavLink>
        <NavLink to="/namnd/delegering">Delegering</NavLink>
      </nav>
      <Routes>
        <Route index element={<DiariumPage />} />
        <Route path="nytt" element={<NewCasePage />} />
        <Route path="staende" element={<StandingPage />} />
        <Route path="delegering" element={<DelegationPage />} />
        <Route path="arenden/:id" element={<CasePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
