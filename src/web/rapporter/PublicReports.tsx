// The public area's published reports (no login): the list, and one report as it was published with its
// checksum. Nothing but the report itself: no writers, comments or drafts.
import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { ErrorMessage, Loading } from "../ui/Page.tsx";
import { usePublicReport, usePublicReports } from "./queries.ts";
import "./rapporter.css";

/** The published reports, for the public area's start page. */
export function PublicReportList() {
  const list = usePublicReports();
  return (
    <section aria-labelledby="public-reports">
      <h2 id="public-reports">Publicerade rapporter</h2>
      <ErrorMessage error={list.error} />
      {list.data && list.data.reports.length === 0 ? <p>Inga rapporter är publicerade än.</p> : null}
      <ul>
        {list.data?.reports.map((r) => (
          <li key={r.id}>
            <Link to={`/offentligt/rapport/${r.id}`}>{r.title}</Link>, {r.namnd} (publicerad{" "}
            {formatDateTime(r.publishedAt)})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PublicReportPage() {
  const { id = "" } = useParams();
  const page = usePublicReport(id);
  const r = page.data;
  useEffect(() => {
    document.title = r?.title ?? "Publicerad rapport";
  }, [r?.title]);
  return (
    <div className="rapport-public">
      <h1>{r ? `${r.title} – ${r.namnd}` : "Publicerad rapport"}</h1>
      <ErrorMessage error={page.error} />
      {page.isLoading ? <Loading /> : null}
      {r ? (
        <>
          <dl className="public-facts">
            <dt>Publicerad</dt>
            <dd>{formatDateTime(r.publishedAt)}</dd>
            <dt>Kontrollsumma (SHA-256)</dt>
            <dd>
              <code>{r.checksum}</code>
            </dd>
          </dl>
          <iframe title={r.title} sandbox="" srcDoc={r.html} />
        </>
      ) : null}
    </div>
  );
}
