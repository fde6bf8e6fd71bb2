// The public area under /offentligt, read without login: the nämnder with published agendas and protocols,
// a nämnd's list, and one published text (masked as reviewed, with its version and checksum).
import { useEffect } from "react";
import { Link, Route, Routes, useParams } from "react-router-dom";
import { publicationKindLabels } from "../../namnd/publishing/vocabulary.ts";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { PublicReportList, PublicReportPage } from "../rapporter/PublicReports.tsx";
import { ErrorMessage, Loading, NotFoundPage } from "../ui/Page.tsx";
import { OpenDataList, OpenDataPage } from "./OpenData.tsx";
import { PublicLayout } from "./PublicLayout.tsx";
import { PublicText } from "./PublicText.tsx";
import { usePublicNamnd, usePublicNamnder, usePublicPublication } from "./queries.ts";

export function PublicArea() {
  return (
    <PublicLayout>
      <Routes>
        <Route index element={<NamnderPage />} />
        <Route path="namnd/:id" element={<NamndPage />} />
        <Route path="publicering/:id" element={<PublicationPage />} />
        <Route path="rapport/:id" element={<PublicReportPage />} />
        <Route path="data/:id" element={<OpenDataPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </PublicLayout>
  );
}

function useTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

function NamnderPage() {
  useTitle("Offentliga handlingar");
  const list = usePublicNamnder();
  return (
    <>
      <h1>Offentliga handlingar</h1>
      <p>Nämndernas föredragningslistor och protokoll. Personuppgifter är maskerade före publiceringen.</p>
      <ErrorMessage error={list.error} />
      {list.isLoading ? <Loading /> : null}
      {list.data && list.data.namnder.length === 0 ? <p>Inget är publicerat än.</p> : null}
      <ul>
        {list.data?.namnder.map((n) => (
          <li key={n.id}>
            <Link to={`/offentligt/namnd/${n.id}`}>{n.name}</Link>
            {/* Several kommuner publish here: each nämnd says whose it is. */}
            {list.data.kommun === null ? `, ${n.kommun}` : ""} ({n.publications} publicerade)
          </li>
        ))}
      </ul>
      <PublicReportList />
      <OpenDataList />
    </>
  );
}

function NamndPage() {
  const { id = "" } = useParams();
  const page = usePublicNamnd(id);
  useTitle(page.data?.namnd.name ?? "Nämnd");
  return (
    <>
      <h1>{page.data?.namnd.name ?? "Nämnd"}</h1>
      <ErrorMessage error={page.error} />
      {page.isLoading ? <Loading /> : null}
      {page.data ? (
        page.data.publications.length === 0 ? (
          <p>Nämnden har inget publicerat.</p>
        ) : (
          <table>
            <caption>Publicerade föredragningslistor och protokoll</caption>
            <thead>
              <tr>
                <th scope="col">Sammanträde</th>
                <th scope="col">Handling</th>
                <th scope="col">Organ</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {page.data.publications.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/offentligt/publicering/${p.id}`}>{p.meetingDate}</Link>
                  </td>
                  <td>{publicationKindLabels[p.kind]}</td>
                  <td>{p.bodyName}</td>
                  <td>{p.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </>
  );
}

function PublicationPage() {
  const { id = "" } = useParams();
  const page = usePublicPublication(id);
  const p = page.data?.publication;
  useTitle(p?.title ?? "Publicerad handling");
  return (
    <>
      <h1>{p?.title ?? "Publicerad handling"}</h1>
      <ErrorMessage error={page.error} />
      {page.isLoading ? <Loading /> : null}
      {p && page.data ? (
        <>
          <p>
            <Link to={`/offentligt/namnd/${page.data.namnd.id}`}>{page.data.namnd.name}</Link>
          </p>
          {p.replacedBy ? (
            <p className="notice" role="note">
              Den här versionen är ersatt av{" "}
              <Link to={`/offentligt/publicering/${p.replacedBy.id}`}>version {p.replacedBy.version}</Link>.
            </p>
          ) : null}
          <dl className="public-facts">
            <dt>Version</dt>
            <dd>{p.version}</dd>
            <dt>Publicerad</dt>
            <dd>{formatDateTime(p.publishedAt)}</dd>
            {p.replaces ? (
              <>
                <dt>Ersätter</dt>
                <dd>
                  <Link to={`/offentligt/publicering/${p.replaces.id}`}>version {p.replaces.version}</Link>
                  {p.correctionNote ? `: ${p.correctionNote}` : ""}
                </dd>
              </>
            ) : null}
            <dt>Kontrollsumma (SHA-256)</dt>
            <dd>
              <code>{p.checksum}</code>
            </dd>
          </dl>
          <PublicText blocks={p.blocks} />
        </>
      ) : null}
    </>
  );
}
