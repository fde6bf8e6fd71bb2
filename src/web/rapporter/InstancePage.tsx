// One report: its status and the approver's steps, the preview beside the pre-publish findings (each
// linking to its chapter), the notice when data changed since publication, downloads, and the chapters with
// writer, deadline, status, the writer's texts and comments.
import { Link, useNavigate, useParams } from "react-router-dom";
import { formatDate, formatDateTime } from "../../platform/i18n/format.ts";
import * as instances from "../../rapporter/instances-api.ts";
import { nextPeriod, periodOf } from "../../rapporter/period.ts";
import { chapterStatusLabels, reportStatusLabels } from "../../rapporter/workflow.ts";
import { hrefOf } from "../api.ts";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { ChapterCard } from "./ChapterCard.tsx";
import { useCopyToNextPeriod, useMoveStatus, usePublish } from "./mutations.ts";
import { type Instance, useInstance } from "./queries.ts";

const formats = [
  ["pdf", "PDF"],
  ["docx", "Word"],
  ["xlsx", "Excel"],
  ["html", "HTML"],
] as const;

const chapterAnchor = (chapterId: string) => `kapitel-${chapterId}`;

export function InstancePage() {
  const { id = "" } = useParams();
  const result = useInstance(id);
  const r = result.data;
  return (
    <Page title={r ? `${r.title} – ${r.namnd.name}` : "Rapport"}>
      <p>
        <Link to="/rapporter">Alla rapporter</Link>
      </p>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {r ? <Report report={r} /> : null}
    </Page>
  );
}

function Report({ report: r }: { report: Instance }) {
  const blocking = r.findings.filter((f) => f.severity === "blocking");
  const chapterId = (title: string) => r.chapters.find((c) => c.title === title)?.id;
  return (
    <>
      <dl className="rapport-facts">
        <dt>Status</dt>
        <dd>{reportStatusLabels[r.status]}</dd>
        <dt>Mall</dt>
        <dd>
          {r.template.name}, version {r.template.version}
        </dd>
        {r.approvedAt ? (
          <>
            <dt>Godkänd</dt>
            <dd>{formatDateTime(r.approvedAt)}</dd>
          </>
        ) : null}
        {r.publication ? (
          <>
            <dt>Publicerad</dt>
            <dd>{formatDateTime(r.publication.publishedAt)}</dd>
            <dt>Kontrollsumma (SHA-256)</dt>
            <dd>
              <code className="rapport-checksum">{r.publication.checksum}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {r.changes.length ? <Changes changes={r.changes} /> : null}
      {r.mayApprove ? <ApproverSteps report={r} blocking={blocking.length} /> : null}
      <nav aria-label="Ladda ned rapporten" className="toolbar">
        {formats.map(([format, label]) => (
          <a
            key={format}
            className="button"
            href={hrefOf(instances.instanceFile, { params: { id: r.id }, query: { format } })}
            download
          >
            Ladda ned {label}
          </a>
        ))}
      </nav>
      <div className="rapport-layout">
        <section className="rapport-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Förhandsvisning</h2>
          {/* The report's own HTML, sandboxed: no scripts, no access to the page. */}
          <iframe title={`Förhandsvisning av ${r.title}`} sandbox="" srcDoc={r.html} />
        </section>
        <section className="rapport-findings" aria-labelledby="findings-heading">
          <h2 id="findings-heading">Kontroller före publicering</h2>
          {r.findings.length === 0 ? (
            <p className="ok">Inga fel hittades.</p>
          ) : (
            <>
              <p>
                {blocking.length} blockerande, {r.findings.length - blocking.length} varningar.
              </p>
              <ul className="rapport-finding-list">
                {r.findings.map((f, i) => {
                  const target = chapterId(f.chapter);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id and keep their order
                    <li key={i} className={f.severity === "blocking" ? "finding-blocking" : "finding-warning"}>
                      <strong>{f.severity === "blocking" ? "Blockerande" : "Varning"}</strong>:{" "}
                      {target ? <a href={`#${chapterAnchor(target)}`}>{f.chapter}</a> : f.chapter}, {f.block}
                      {f.row ? `, ${f.row}` : ""}. {f.message}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      </div>
      <h2>Kapitel</h2>
      <table className="rapport-chapters">
        <thead>
          <tr>
            <th scope="col">Kapitel</th>
            <th scope="col">Skribent</th>
            <th scope="col">Klart senast</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {r.chapters.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`#${chapterAnchor(c.id)}`}>{c.title}</a>
              </td>
              <td>{c.writer?.name ?? "–"}</td>
              <td className={c.overdue ? "bad" : undefined}>
                {c.deadline ? formatDate(c.deadline) : "–"}
                {c.overdue ? " (försenat)" : ""}
              </td>
              <td>{chapterStatusLabels[c.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.chapters.map((c) => (
        <ChapterCard key={c.id} report={r} chapter={c} />
      ))}
    </>
  );
}

function Changes({ changes }: { changes: Instance["changes"] }) {
  return (
    <section className="notice" role="note" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Uppgifterna har ändrats sedan rapporten publicerades</h2>
      <p>Den publicerade rapporten visas som den publicerades. Dagens data skiljer sig här:</p>
      <ul>
        {changes.map((c) => (
          <li key={`${c.chapter}/${c.where}`}>
            {c.chapter}: {c.where}: {c.published} → {c.now}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ApproverSteps({ report: r, blocking }: { report: Instance; blocking: number }) {
  const move = useMoveStatus(r.id);
  const publish = usePublish(r.id);
  const copy = useCopyToNextPeriod(r.id);
  const navigate = useNavigate();
  const step = (status: "utkast" | "granskning" | "godkand", label: string) => (
    <button type="button" disabled={move.isPending} onClick={() => move.mutate({ status })}>
      {label}
    </button>
  );
  return (
    <section aria-label="Godkännande och publicering">
      <div className="toolbar">
        {r.status === "utkast" ? step("granskning", "Skicka till granskning") : null}
        {r.status === "granskning" ? (
          <>
            {step("godkand", "Godkänn")}
            {step("utkast", "Tillbaka till utkast")}
          </>
        ) : null}
        {r.status === "godkand" ? (
          <>
            <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
              Publicera
            </button>
            {step("utkast", "Öppna igen")}
          </>
        ) : null}
        <button
          type="button"
          disabled={copy.isPending}
          onClick={() => copy.mutate(undefined, { onSuccess: (c) => navigate(`/rapporter/${c.id}`) })}
        >
          Kopiera till {nextPeriod(periodOf(r.period)).label}
        </button>
      </div>
      {r.status === "godkand" && blocking > 0 ? (
        <p className="notice">Rapporten kan inte publiceras förrän de blockerande felen är rättade.</p>
      ) : null}
      <ErrorMessage error={move.error ?? publish.error ?? copy.error} />
    </section>
  );
}
