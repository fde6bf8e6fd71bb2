import { NavLink, Route, Routes, useLocation } from "react-router-dom";
import { NotFoundPage } from "../ui/Page.tsx";
import "./ekonomi.css";
import { useSession } from "../session.tsx";
import { BudgetGridPage } from "./BudgetGridPage.tsx";
import { BudgetSplitPage } from "./BudgetSplitPage.tsx";
import { FollowUpPage } from "./FollowUpPage.tsx";
import { ImportPage } from "./ImportPage.tsx";
import { InvestmentsPage } from "./InvestmentsPage.tsx";
import { ReallocationsPage } from "./ReallocationsPage.tsx";
import { ResultFundPage } from "./ResultFundPage.tsx";
import { StructurePage } from "./StructurePage.tsx";
import { SummaryPage } from "./SummaryPage.tsx";

/** Ekonomi: follow-up, summary and forecast accuracy, budget split, investments, reallocation, result fund, import. */
export default function EkonomiSection() {
  const { can, namnd } = useSession();
  // The chosen year travels between the pages.
  const { search } = useLocation();
  const year = new URLSearchParams(search).get("ar");
  const to = (path: string) => `/ekonomi${path}${year ? `?ar=${year}` : ""}`;
  const writes = namnd ? can("write:ekonomi", namnd.id) : false;
  return (
    <div className="ekonomi">
      <nav aria-label="Ekonomi" className="toolbar ekonomi-nav">
        <NavLink to={to("")} end>
          Uppföljning
        </NavLink>
        <NavLink to={to("/sammanfattning")}>Sammanfattning och prognossäkerhet</NavLink>
        <NavLink to={to("/pa-en-minut")}>På en minut</NavLink>
        <NavLink to={to("/budget")}>Budget och prognos</NavLink>
        <NavLink to={to("/investeringar")}>Investeringar</NavLink>
        <NavLink to={to("/ombudgetering")}>Ombudgetering</NavLink>
        <NavLink to={to("/resultatfond")}>Resultatfond</NavLink>
        <NavLink to={to("/nivaer")}>Nivåer och koder</NavLink>
        {writes && <NavLink to={to("/import")}>Import</NavLink>}
      </nav>
      <Routes>
        <Route index element={<FollowUpPage />} />
        <Route path="sammanfattning" element={<SummaryPage />} />
        <Route path="pa-en-minut" element={<BudgetSplitPage />} />
        <Route path="budget" element={<BudgetGridPage />} />
        <Route path="investeringar" element={<InvestmentsPage />} />
        <Route path="ombudgetering" element={<ReallocationsPage />} />
        <Route path="resultatfond" element={<ResultFundPage />} />
        <Route path="nivaer" element={<StructurePage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
