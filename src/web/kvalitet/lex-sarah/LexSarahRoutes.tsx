import { Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../ui/Page.tsx";
import { CasePage } from "./CasePage.tsx";
import { CasesPage } from "./CasesPage.tsx";
import { ListsPage } from "./ListsPage.tsx";
import { MemoPage } from "./MemoPage.tsx";
import { NewCasePage } from "./NewCasePage.tsx";

/** Lex Sarah under /kvalitet/lex-sarah: the register, a new report, one case, the memo to the nämnd, the kommun's lists. */
export default function LexSarahRoutes() {
  return (
    <Routes>
      <Route index element={<CasesPage />} />
      <Route path="ny" element={<NewCasePage />} />
      <Route path="information" element={<MemoPage />} />
      <Route path="listor" element={<ListsPage />} />
      <Route path=":id" element={<CasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
