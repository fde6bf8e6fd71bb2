import { Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../ui/Page.tsx";
import { InspectionPage } from "./InspectionPage.tsx";
import { InspectionsPage } from "./InspectionsPage.tsx";

/** IVO-tillsyn under /kvalitet/tillsyn: the list (with a form for new ones) and one tillsyn. */
export default function TillsynRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionsPage />} />
      <Route path=":id" element={<InspectionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
