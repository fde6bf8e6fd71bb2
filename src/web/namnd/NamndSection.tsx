import { NavLink, Route, Routes } from "react-router-dom";
import { PublicationsPage } from "../oppna-data/PublicationsPage.tsx";
import { readsSomeNamnd } from "../sections.tsx";
import { useSession } from "../session.tsx";
import { NotFoundPage, Page } from "../ui/Page.tsx";
import { AssignmentsPage } from "./assignments/AssignmentsPage.tsx";
import { AuditPage } from "./assignments/AuditPage.tsx";
import { MotionPage } from "./assignments/MotionPage.tsx";
import { CasePage } from "./CasePage.tsx";
import { DiariumPage } from "./DiariumPage.tsx";
import { DelegationPage } from "./delegation/DelegationPage.tsx";
import { ApplicationPage } from "./grants/ApplicationPage.tsx";
import { GrantsPage } from "./grants/GrantsPage.tsx";
import { IncomingPage } from "./incoming/IncomingPage.tsx";
import { RegisterIncomingPage } from "./incoming/RegisterIncomingPage.tsx";
import { RulingPage } from "./incoming/RulingPage.tsx";
import { MeetingPage } from "./meetings/MeetingPage.tsx";
import { MeetingsPage } from "./meetings/MeetingsPage.tsx";
import { MemoPage } from "./memos/MemoPage.tsx";
import { NewMemoPage } from "./memos/NewMemoPage.tsx";
import { NewCasePage } from "./NewCasePage.tsx";
import { PublishPage } from "./publishing/PublishPage.tsx";
import { StandingPage } from "./StandingPage.tsx";
import "./namnd.css";

/** Nämnd: the diarium (every reader of the nämnd), registering cases and the standing ones (nämndsekreterare). */
export default function NamndSection() {
  const { can, user, tree } = useSession();
  if (!readsSomeNamnd(user, tree)) return <NoNamnd />;
  return (
    <>
      <nav aria-label="Nämnd" className="toolbar">
        <NavLink to="/namnd" end>
          Diarium
        </NavLink>
        {can("write:namnd") && <NavLink to="/namnd/nytt">Registrera ärende</NavLink>}
        <NavLink to="/namnd/staende">Stående ärenden</NavLink>
        <NavLink to="/namnd/delegering">Delegering</NavLink>
        <NavLink to="/namnd/inkommande">Inkommande</NavLink>
        <NavLink to="/namnd/uppfoljning">Uppdrag och uppföljning</NavLink>
        <NavLink to="/namnd/sammantraden">Sammanträden</NavLink>
        <NavLink to="/namnd/foreningsbidrag">Föreningsbidrag</NavLink>
        <NavLink to="/namnd/oppna-data">Öppna data</NavLink>
      </nav>
      <Routes>
        <Route index element={<DiariumPage />} />
        <Route path="nytt" element={<NewCasePage />} />
        <Route path="staende" element={<StandingPage />} />
        <Route path="delegering" element={<DelegationPage />} />
        <Route path="inkommande" element={<IncomingPage />} />
        <Route path="inkommande/registrera" element={<RegisterIncomingPage />} />
        <Route path="inkommande/:id" element={<RulingPage />} />
        <Route path="uppfoljning" element={<AssignmentsPage />} />
        <Route path="uppfoljning/motioner/:id" element={<MotionPage />} />
        <Route path="uppfoljning/revision/:id" element={<AuditPage />} />
        <Route path="sammantraden" element={<MeetingsPage />} />
        <Route path="sammantraden/:id" element={<MeetingPage />} />
        <Route path="foreningsbidrag" element={<GrantsPage />} />
        <Route path="foreningsbidrag/ansokningar/:id" element={<ApplicationPage />} />
        <Route path="sammantraden/:id/publicering/:kind" element={<PublishPage />} />
        <Route path="oppna-data" element={<PublicationsPage />} />
        <Route path="arenden/:id" element={<CasePage />} />
        <Route path="arenden/:id/tjansteskrivelser/ny" element={<NewMemoPage />} />
        <Route path="tjansteskrivelser/:id" element={<MemoPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

/** A unit's staff hold no role in the nämnd: what they can read of it is what the public reads. */
function NoNamnd() {
  return (
    <Page title="Nämnd">
      <p className="notice">
        Nämndens diarium, sammanträden, delegeringsbeslut och uppdrag läses av dem som har en roll i nämnden
        (nämndsekreterare, förtroendevalda, controller). Dina roller gäller en enhet. Det nämnden har publicerat –
        föredragningslistor, protokoll, rapporter och öppna data – finns under{" "}
        <a href="/offentligt">Offentliga handlingar</a>.
      </p>
    </Page>
  );
}
