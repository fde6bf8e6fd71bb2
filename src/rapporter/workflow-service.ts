// Reports as records, written: creating a report for a nämnd and year, giving chapters writers and
// deadlines, the writers' texts and chapter statuses (open until approval), comments, the approver's status
// moves, and copying a report to the next period. Every change is audited by the kit.
import { maskPersonnummer } from "../kvalitet/index.ts";
import { kommunIdOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, forbidden, notFound } from "../platform/errors.ts";
import { type WriteContext, write, writeRecord } from "../platform/service.ts";
import * as repo from "./instances-repository.ts";
import { APPROVER, instanceOrThrow, mayEdit } from "./instances-service.ts";
import { nextPeriod, periodOf, type ReportPeriod, shiftDeadline } from "./period.ts";
import { defaultPeriod } from "./report-service.ts";
import { findTemplate } from "./repository.ts";
import type { RapporterDB } from "./tables.ts";
import { loadTemplate } from "./template-service.ts";
import {
  assertApprovable,
  assertMove,
  assertOpen,
  authoredBlocks,
  type ChapterStatus,
  type ReportStatus,
} from "./workflow.ts";

type Db = DbOf<RapporterDB>;
type Context = WriteContext<RapporterDB>;

const fieldError = (field: string, message: string) => new DomainError("validation", message, [{ field, message }]);

/** A new report: the template's newest version, every chapter without writer, "ej påbörjad". */
async function createReport(
  { trx, audit }: Context,
  namnd: { id: string; path: string },
  code: string,
  period: ReportPeriod,
  from?: { period: ReportPeriod; chapters: repo.ChapterRow[]; texts: Map<string, string> },
) {
  const kommunId = kommunIdOf(namnd.path);
  const template = await loadTemplate(trx, kommunId, code);
  const stored = await findTemplate(trx, kommunId, code);
  if (!stored) throw notFound(`Mallen ${code}`);
  if (await repo.findInstanceFor(trx, stored.id, namnd.id, period.code)) {
    throw new DomainError("conflict", `Nämnden har redan en ${template.name.toLowerCase()} för ${period.label}.`);
  }
  const instance = await repo.insertInstance(trx, {
    org_node_id: namnd.id,
    template_id: stored.id,
    template_version: template.version,
    period: period.code,
    status: "utkast",
  });
  await audit("rapport_instance", instance.id, "create", { after: instance });
  const chapters = await repo.insertChapters(
    trx,
    template.content.chapters.map((c) => {
      const previous = from?.chapters.find((p) => p.chapter === c.id);
      return {
        instance_id: instance.id,
        chapter: c.id,
        writer_id: previous?.writer_id ?? null,
        deadline: previous?.deadline && from ? shiftDeadline(previous.deadline, from.period, period) : null,
        status: "ej-paborjad" as const,
      };
    }),
  );
  for (const c of chapters) await audit("rapport_chapter", c.id, "create", { after: c });
  // Texts carry over as drafts for the blocks the newest template version still has.
  const blocks = new Set(authoredBlocks(template.content).map((b) => b.block));
  const texts = await repo.insertTexts(
    trx,
    [...(from?.texts ?? [])]
      .filter(([block]) => blocks.has(block))
      .map(([block, text]) => ({ instance_id: instance.id, block, text })),
  );
  for (const t of texts) await audit("rapport_text", t.id, "create", { after: t });
  return { id: instance.id };
}

/** A new report; without a period, the template's default (since the nämnd's last meeting for a lex Sarah memo). */
export async function createInstance(db: Db, actor: Actor, input: { namndId: string; mall: string; period?: string }) {
  return write(db, actor, APPROVER, input.namndId, async (context) => {
    if (context.node.kind !== "namnd") throw fieldError("namndId", "Välj en nämnd.");
    const period = input.period
      ? periodOf(input.period)
      : await defaultPeriod(
          context.trx,
          actor,
          context.node.id,
          (await loadTemplate(context.trx, kommunIdOf(context.node.path), input.mall)).content,
        );
    return createReport(context, context.node, input.mall, period);
  });
}

/** The next period's report: the same writers, deadlines as much later as the period, this period's texts as drafts. */
export async function copyToNextPeriod(db: Db, actor: Actor, id: string) {
  return writeRecord(
    db,
    actor,
    APPROVER,
    (db) => instanceOrThrow(db, id),
    async (context) => {
      const { record, trx } = context;
      const texts = new Map((await repo.textsOf(trx, record.id)).map((t) => [t.block, t.text]));
      const period = periodOf(record.period);
      return createReport(context, context.node, record.template_code, nextPeriod(period), {
        period,
        chapters: await repo.chaptersOf(trx, record.id),
        texts,
      });
    },
  );
}

async function chapterOf(trx: Db, instanceId: string, chapter: string) {
  const found = (await repo.chaptersOf(trx, instanceId)).find((c) => c.chapter === chapter);
  if (!found) throw fieldError("chapter", `Rapporten har inget kapitel ${chapter}.`);
  const { writer_name: _name, ...row } = found;
  return row;
}

export async function assignChapter(
  db: Db,
  actor: Actor,
  id: string,
  input: { chapter: string; writerId: string | null; deadline: string | null },
) {
  return writeRecord(
    db,
    actor,
    APPROVER,
    (db) => instanceOrThrow(db, id),
    async ({ trx, audit, record, node }) => {
      assertOpen(record.status);
      const before = await chapterOf(trx, record.id, input.chapter);
      if (input.writerId) {
        const writers = await repo.writersFor(trx, node.path, todayInSweden());
        if (!writers.some((w) => w.id === input.writerId)) {
          throw fieldError("writerId", "Skribenten har ingen roll i nämnden.");
        }
      }
      const after = await repo.updateChapter(trx, before.id, { writer_id: input.writerId, deadline: input.deadline });
      await audit("rapport_chapter", after.id, "update", { before, after });
      return { id: record.id };
    },
  );
}

/** A writer's check: the report open and the chapter theirs (or the actor the approver). */
async function writersChapter(
  { trx, record, node }: Context & { record: repo.InstanceRow },
  actor: Actor,
  chapter: string,
) {
  assertOpen(record.status);
  const found = await chapterOf(trx, record.id, chapter);
  if (!mayEdit(actor, node, found.writer_id)) throw forbidden("Kapitlet skrivs av en annan skribent.");
  return found;
}

/**
 * Report texts and comments are published or circulated: a personnummer written into one is masked on save and
 * the writer told (the rule Kvalitet applies to its free text).
 */
function masked(text: string): { text: string; warning: string | null } {
  const result = maskPersonnummer(text);
  return {
    text: result.text,
    warning: result.count ? "Ett personnummer maskerades. Skriv aldrig personnummer i en rapport." : null,
  };
}

/** A writer's text for an authored block; the chapter becomes "pågår" when it was not begun. */
export async function saveText(db: Db, actor: Actor, id: string, input: { block: string; text: string }) {
  const { text, warning } = masked(input.text);
  return writeRecord(
    db,
    actor,
    "read",
    (db) => instanceOrThrow(db, id),
    async (context) => {
      const { trx, audit, record, node } = context;
      const template = await loadTemplate(trx, kommunIdOf(node.path), record.template_code, record.template_version);
      const block = authoredBlocks(template.content).find((b) => b.block === input.block);
      if (!block) throw fieldError("block", `Rapporten har ingen skriven text ${input.block}.`);
      const chapter = await writersChapter(context, actor, block.chapter);
      const existing = (await repo.textsOf(trx, record.id)).find((t) => t.block === input.block);
      if (existing) {
        const after = await repo.updateText(trx, existing.id, text);
        await audit("rapport_text", after.id, "update", { before: existing, after });
      } else {
        const [after] = await repo.insertTexts(trx, [{ instance_id: record.id, block: input.block, text }]);
        await audit("rapport_text", after?.id ?? null, "create", { after });
      }
      if (chapter.status === "ej-paborjad") {
        const after = await repo.updateChapter(trx, chapter.id, { status: "pagar" });
        await audit("rapport_chapter", after.id, "update", { before: chapter, after });
      }
      return { id: record.id, text, warning };
    },
  );
}

export async function setChapterStatus(
  db: Db,
  actor: Actor,
  id: string,
  input: { chapter: string; status: ChapterStatus },
) {
  return writeRecord(
    db,
    actor,
    "read",
    (db) => instanceOrThrow(db, id),
    async (context) => {
      const before = await writersChapter(context, actor, input.chapter);
      const after = await repo.updateChapter(context.trx, before.id, { status: input.status });
      await context.audit("rapport_chapter", after.id, "update", { before, after });
      return { id: context.record.id };
    },
  );
}

/** A dated comment on a chapter by anyone who reads the report. */
export async function addComment(db: Db, actor: Actor, id: string, input: { chapter: string; text: string }) {
  const { text, warning } = masked(input.text);
  return writeRecord(
    db,
    actor,
    "read",
    (db) => instanceOrThrow(db, id),
    async ({ trx, audit, record }) => {
      await chapterOf(trx, record.id, input.chapter);
      const after = await repo.insertComment(trx, {
        instance_id: record.id,
        chapter: input.chapter,
        author_id: actor.id,
        text,
      });
      await audit("rapport_comment", after.id, "create", { after });
      return { id: record.id, text, warning };
    },
  );
}

/** The approver's moves: to review and back, approval (every chapter klar; locks the texts), reopening. */
export async function moveStatus(db: Db, actor: Actor, id: string, status: Exclude<ReportStatus, "publicerad">) {
  return writeRecord(
    db,
    actor,
    APPROVER,
    (db) => instanceOrThrow(db, id),
    async ({ trx, audit, record, node }) => {
      assertMove(record.status, status);
      if (status === "godkand") {
        const template = await loadTemplate(trx, kommunIdOf(node.path), record.template_code, record.template_version);
        const chapters = await repo.chaptersOf(trx, record.id);
        assertApprovable(
          template.content.chapters.map((c) => ({
            title: c.title,
            status: chapters.find((s) => s.chapter === c.id)?.status ?? "ej-paborjad",
          })),
        );
      }
      const approved = status === "godkand";
      const after = await repo.updateInstance(trx, record.id, {
        status,
        approved_by: approved ? actor.id : null,
        approved_at: approved ? new Date() : null,
      });
      const { template_code: _c, template_name: _n, ...before } = record;
      await audit("rapport_instance", record.id, "update", { before, after });
      return { id: record.id };
    },
  );
}
