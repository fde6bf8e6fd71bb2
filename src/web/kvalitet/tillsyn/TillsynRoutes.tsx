import { Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../ui/Page.tsx";
import { InspectionPage } from "./InspectionPage.tsx";
import { InspectionsPage } from "./InspectionsPage.tsx";
import { TypesPage } from "./TypesPage.tsx";

/** IVO-tillsyn under /kvalitet/tillsyn: the list (with a form for new ones), one tillsyn and the kommun's kinds. */
export default function TillsynRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionsPage />} />
      <Route path="typer" element={<TypesPage />} />
      <Route path=":id" element={<InspectionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
