import { Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../ui/Page.tsx";
import { InstancePage } from "./InstancePage.tsx";
import { ReportsPage } from "./ReportsPage.tsx";
import "./rapporter.css";

/** Rapporter: the kommun's templates and the nämnder's reports, each from draft to publication. */
export default function RapporterSection() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path=":id" element={<InstancePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
