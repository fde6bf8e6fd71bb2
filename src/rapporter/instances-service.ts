// Reports as records, read: the nämnder's reports, one report with its chapters, texts, comments, preview
// and findings (a published one from its frozen copy, compared with today's data), and the report as a file.
import { kommunIdOf } from "../organisation/index.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { RenderedFile } from "../platform/documents/http.ts";
import { forbidden, notFound } from "../platform/errors.ts";
import { read, type ServiceNode } from "../platform/service.ts";
import { renderHtml } from "./html.ts";
import * as repo from "./instances-repository.ts";
import { periodOf } from "./period.ts";
import { type FigureChange, type FrozenReport, figureChanges } from "./publish.ts";
import { assembleTemplate, type ReportFormat, renderedFile } from "./report-service.ts";
import type { RapporterDB } from "./tables.ts";
import { loadTemplate } from "./template-service.ts";
import { authoredBlocks, type ChapterStatus, type ReportStatus, withTexts } from "./workflow.ts";

type Db = DbOf<RapporterDB>;

/**
 * Who approves and publishes a report, assigns its writers and copies it: write:ekonomi (the controller, and
 * admin). The controller coordinates the nämnd's reports in the förvaltning and holds its figures; Lots has
 * no förvaltningschef role.
 */
export const APPROVER = "write:ekonomi" as const;

export async function instanceOrThrow(db: Db, id: string) {
  const row = await repo.findInstance(db, id);
  if (!row) throw notFound("Rapporten");
  return row;
}

/** The report's template version with its writers' texts in place. */
export async function instanceTemplate(db: Db, row: repo.InstanceRow, kommunId: string) {
  const template = await loadTemplate(db, kommunId, row.template_code, row.template_version);
  const texts = new Map((await repo.textsOf(db, row.id)).map((t) => [t.block, t.text]));
  return { template: { ...template, content: withTexts(template.content, texts) }, texts };
}

/** A writer edits their own chapters; the approver every chapter. */
export const mayEdit = (actor: Actor, node: Pick<ServiceNode, "path">, writerId: string | null) =>
  (actor.id !== null && actor.id === writerId) || can(actor, APPROVER, node.path);

export async function listInstances(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) =>
    (await repo.instancesUnder(db, node.path)).map((r) => ({
      id: r.id,
      template: { code: r.template_code, name: r.template_name, version: r.template_version },
      namnd: { id: r.org_node_id, name: r.namnd_name },
      period: r.period,
      status: r.status,
    })),
  );
}

export async function getInstance(db: Db, actor: Actor, id: string) {
  const row = await instanceOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async ({ db, node }) => {
    const { template, texts } = await instanceTemplate(db, row, kommunIdOf(node.path));
    const current = await assembleTemplate(db, actor, node, template, periodOf(row.period));
    const publication = await repo.findPublication(db, row.id);
    const frozen = publication ? (publication.content as FrozenReport) : null;
    const shown = frozen ?? current;
    const changes: FigureChange[] = frozen ? figureChanges(frozen.report, current.report) : [];
    const chapters = await repo.chaptersOf(db, row.id);
    const comments = await repo.commentsOf(db, row.id);
    const blocks = authoredBlocks(template.content);
    const today = todayInSweden();
    return {
      id: row.id,
      template: { code: row.template_code, name: row.template_name, version: row.template_version },
      namnd: { id: node.id, name: node.name },
      period: row.period,
      title: shown.report.title,
      status: row.status as ReportStatus,
      approvedAt: row.approved_at?.toISOString() ?? null,
      mayApprove: can(actor, APPROVER, node.path),
      chapters: template.content.chapters.map((c) => {
        const stored = chapters.find((s) => s.chapter === c.id);
        const writerId = stored?.writer_id ?? null;
        return {
          id: c.id,
          title: c.title,
          writer: writerId ? { id: writerId, name: stored?.writer_name ?? "" } : null,
          deadline: stored?.deadline ?? null,
          overdue: Boolean(stored?.deadline && stored.status !== "klar" && stored.deadline < today),
          status: (stored?.status ?? "ej-paborjad") as ChapterStatus,
          mayEdit: mayEdit(actor, node, writerId),
          texts: blocks
            .filter((b) => b.chapter === c.id)
            .map((b) => ({
              block: b.block,
              heading: b.heading,
              text: texts.get(b.block) ?? b.text,
              own: texts.has(b.block),
            })),
          comments: comments
            .filter((m) => m.chapter === c.id)
            .map((m) => ({
              id: m.id,
              author: m.author_name ?? "Lots",
              text: m.text,
              createdAt: m.created_at.toISOString(),
            })),
        };
      }),
      findings: shown.findings,
      html: renderHtml(shown.report),
      publication: publication
        ? { publishedAt: publication.published_at.toISOString(), checksum: publication.checksum }
        : null,
      changes,
    };
  });
}

/** The report as a file: a published one from its frozen copy, never assembled again. */
export async function instanceFile(db: Db, actor: Actor, id: string, format: ReportFormat): Promise<RenderedFile> {
  const row = await instanceOrThrow(db, id);
  return read(db, actor, "read", row.org_node_id, async ({ db, node }) => {
    const publication = await repo.findPublication(db, row.id);
    if (publication) return renderedFile((publication.content as FrozenReport).report, format);
    const { template } = await instanceTemplate(db, row, kommunIdOf(node.path));
    return renderedFile((await assembleTemplate(db, actor, node, template, periodOf(row.period))).report, format);
  });
}

/** Who the approver can give a chapter to write: users with a role on the nämnd, above or under it. */
export async function writerCandidates(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    if (!can(actor, APPROVER, node.path)) throw forbidden();
    return (await repo.writersFor(db, node.path, todayInSweden())).map((u) => ({ id: u.id, name: u.display_name }));
  });
}
