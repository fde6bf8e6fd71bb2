// Föreningsbidrag per year: the frame and criteria (data the nämndsekreterare keeps), the year's applications
// with their sums, the list for the committee memo (table and document), and the samples drawn for
// internkontroll.
import { randomBytes } from "node:crypto";
import { kommunOf } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DOCX_TYPE, PDF_TYPE, type RenderedFile } from "../../platform/documents/http.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { formatKr } from "../../platform/i18n/format.ts";
import { read, write } from "../../platform/service.ts";
import { type FieldProblem, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { renderDocx } from "../documents/docx.ts";
import { renderPdf } from "../documents/pdf.ts";
import type { NamndDB } from "../tables.ts";
import { grantsDocument, memoRows } from "./memo.ts";
import * as repo from "./repository.ts";
import {
  applicationPeriodProblems,
  grantedSum,
  missingReport,
  remainingOf,
  secondRoundProblem,
  shareOf,
} from "./rules.ts";
import { drawSample } from "./sample.ts";
import type { SampleInput, YearFields, YearInput } from "./schema.ts";

type Db = DbOf<NamndDB>;

export async function yearOrThrow(db: Db, id: string) {
  const row = await repo.findYear(db, id);
  if (!row) throw notFound("Bidragsåret");
  return row;
}

const wire = (a: repo.ApplicationRow) => ({ status: a.status, amountGranted: a.amount_granted });

function summaryOf(year: repo.YearRow, applications: readonly repo.ApplicationRow[]) {
  const granted = grantedSum(applications.map(wire));
  return {
    id: year.id,
    year: year.year,
    frameKronor: year.frame_kronor,
    reportDueOn: year.report_due_on,
    applicationsOpenOn: year.applications_open_on,
    applicationsCloseOn: year.applications_close_on,
    applicationCount: applications.length,
    appliedKronor: applications.reduce((sum, a) => sum + a.amount_applied, 0),
    grantedKronor: granted,
    remainingKronor: remainingOf(year.frame_kronor, granted),
  };
}

/** The applications of the nämnd's year before `year`, for the missing-återrapport flag. */
export async function previousYearApplications(db: Db, namndId: string, year: number) {
  const previous = await repo.findYearOf(db, namndId, year - 1);
  return previous ? repo.applicationsOf(db, [previous.id]) : [];
}

export async function listYears(db: Db, actor: Actor, orgNodeId: string) {
  const namnd = await namndOf(db, orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) => {
    const years = await repo.yearsOf(db, namnd.id);
    const applications = await repo.applicationsOf(
      db,
      years.map((y) => y.id),
    );
    return years.map((y) =>
      summaryOf(
        y,
        applications.filter((a) => a.year_id === y.id),
      ),
    );
  });
}

async function describeYear(db: Db, year: repo.YearRow) {
  const applications = await repo.applicationsOf(db, [year.id]);
  const previous = await previousYearApplications(db, year.org_node_id, year.year);
  const summary = summaryOf(year, applications);
  const problem = secondRoundProblem(
    applications.filter((a) => a.round === 1),
    summary.remainingKronor,
  );
  const samples = await repo.samplesOf(db, year.id);
  const items = await repo.sampleItemsOf(
    db,
    samples.map((s) => s.id),
  );
  const byId = new Map(applications.map((a) => [a.id, a]));
  const ordered = [...applications].sort((a, b) => a.round - b.round || a.number - b.number);
  return {
    ...summary,
    criteria: (await repo.criteriaOf(db, [year.id])).map((c) => ({ id: c.id, position: c.position, text: c.text })),
    applications: applications.map((a) => ({
      id: a.id,
      number: a.number,
      round: a.round,
      association: a.association,
      amountApplied: a.amount_applied,
      receivedOn: a.received_on,
      status: a.status,
      amountGranted: a.amount_granted,
      sharePercent: shareOf(a.amount_applied, a.amount_granted),
      missingReport: missingReport(a.association, previous),
    })),
    secondRound: { open: problem === null, reason: problem?.message ?? null },
    memo: memoRows(
      ordered.map((a) => ({
        association: a.association,
        round: a.round,
        amountApplied: a.amount_applied,
        amountGranted: a.amount_granted,
        reasons: a.reasons,
        status: a.status,
      })),
    ),
    samples: samples.map((s) => ({
      id: s.id,
      seed: s.seed,
      size: s.size,
      drawnBy: s.drawn_by_name,
      drawnAt: s.drawn_at.toISOString(),
      applications: items
        .filter((i) => i.sample_id === s.id)
        .map((i) => byId.get(i.application_id))
        .filter((a) => a !== undefined)
        .map((a) => ({ id: a.id, number: a.number, association: a.association })),
    })),
  };
}

export async function getYear(db: Db, actor: Actor, id: string) {
  const year = await yearOrThrow(db, id);
  return read(db, actor, "read", year.org_node_id, ({ db }) => describeYear(db, year));
}

/** Criteria positions 1..n as given; a criterion already used in an assessment may be reworded but not removed. */
async function saveCriteria(trx: Db, yearId: string, texts: readonly string[]): Promise<FieldProblem[]> {
  const existing = await repo.criteriaOf(trx, [yearId]);
  const removed = existing.filter((c) => c.position > texts.length);
  const used = await repo.assessedCriteria(
    trx,
    removed.map((c) => c.id),
  );
  if (used.length > 0) {
    return removed
      .filter((c) => used.includes(c.id))
      .map((c) => ({
        field: `criteria.${c.position - 1}`,
        message: `Kriterium ${c.position} (${c.text}) har använts i en bedömning och kan inte tas bort.`,
      }));
  }
  await repo.deleteCriteria(
    trx,
    removed.map((c) => c.id),
  );
  for (const c of existing.filter((c) => c.position <= texts.length)) {
    const text = texts[c.position - 1] as string;
    if (text !== c.text) await repo.updateCriterion(trx, c.id, text);
  }
  await repo.insertCriteria(
    trx,
    texts.slice(existing.length).map((text, i) => ({ year_id: yearId, position: existing.length + i + 1, text })),
  );
  return [];
}

/** The ansökningstid as its columns; left out, the year has none. */
const periodOf = (fields: YearFields) => ({
  applications_open_on: fields.applicationsOpenOn ?? null,
  applications_close_on: fields.applicationsCloseOn ?? null,
});

/** Opens a grant year with its frame, återrapport date, ansökningstid and criteria. */
export async function createYear(db: Db, actor: Actor, input: YearInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  const id = await write(db, actor, "write:namnd", namnd.id, async ({ trx, audit }) => {
    if (await repo.findYearOf(trx, namnd.id, input.year)) {
      throw new DomainError("conflict", `Föreningsbidrag för ${input.year} finns redan.`);
    }
    const period = periodOf(input);
    const problems = applicationPeriodProblems(period.applications_open_on, period.applications_close_on);
    if (problems.length > 0) throw validationError("Bidragsåret lades inte till", problems);
    const id = await repo.insertYear(trx, {
      org_node_id: namnd.id,
      year: input.year,
      frame_kronor: input.frameKronor,
      report_due_on: input.reportDueOn,
      ...period,
    });
    await saveCriteria(trx, id, input.criteria);
    await audit("namnd_grant_year", id, "create", { after: input });
    return id;
  });
  return getYear(db, actor, id);
}

/** Changes the frame, the återrapport date or the criteria; the frame never below what is already granted. */
export async function updateYear(db: Db, actor: Actor, id: string, fields: YearFields) {
  const found = await yearOrThrow(db, id);
  await write(db, actor, "write:namnd", found.org_node_id, async ({ trx, audit }) => {
    const year = await repo.lockYear(trx, id);
    const granted = grantedSum((await repo.applicationsOf(trx, [id])).map(wire));
    if (fields.frameKronor < granted) {
      throw validationError("Bidragsåret ändrades inte", [
        {
          field: "frameKronor",
          message: `Anslaget kan inte vara mindre än det som redan är beviljat (${formatKr(granted)}).`,
        },
      ]);
    }
    const before = {
      frameKronor: year.frame_kronor,
      reportDueOn: year.report_due_on,
      applicationsOpenOn: year.applications_open_on,
      applicationsCloseOn: year.applications_close_on,
    };
    const period = periodOf(fields);
    const periodProblems = applicationPeriodProblems(period.applications_open_on, period.applications_close_on);
    if (periodProblems.length > 0) throw validationError("Bidragsåret ändrades inte", periodProblems);
    const problems = await saveCriteria(trx, id, fields.criteria);
    if (problems.length > 0) throw validationError("Bidragsåret ändrades inte", problems);
    await repo.updateYear(trx, id, {
      frame_kronor: fields.frameKronor,
      report_due_on: fields.reportDueOn,
      ...period,
    });
    await audit("namnd_grant_year", id, "update", { before, after: fields });
  });
  return getYear(db, actor, id);
}

/**
 * Draws a sample of the year's applications for internkontroll and stores it with its seed, who drew it and
 * when. The population is the year's applications in number order, so the seed reproduces the draw.
 */
export async function drawYearSample(db: Db, actor: Actor, id: string, input: SampleInput) {
  const found = await yearOrThrow(db, id);
  await write(db, actor, "write:namnd", found.org_node_id, async ({ trx, audit }) => {
    await repo.lockYear(trx, id);
    const applications = await repo.applicationsOf(trx, [id]);
    if (applications.length === 0) {
      throw validationError("Inget stickprov drogs", [{ field: "size", message: "Året har inga ansökningar." }]);
    }
    const seed = input.seed ?? randomBytes(8).toString("hex");
    const drawn = drawSample(
      applications.map((a) => a.id),
      input.size,
      seed,
    );
    const sampleId = await repo.insertSample(trx, { year_id: id, seed, size: drawn.length, drawn_by: actor.id });
    await repo.insertSampleItems(
      trx,
      drawn.map((applicationId, i) => ({ sample_id: sampleId, position: i + 1, application_id: applicationId })),
    );
    await audit("namnd_grant_sample", sampleId, "create", { after: { seed, size: drawn.length, applications: drawn } });
  });
  return getYear(db, actor, id);
}

/** The committee memo's list as a document (Word or PDF). */
export async function memoFile(db: Db, actor: Actor, id: string, format: "docx" | "pdf"): Promise<RenderedFile> {
  const year = await getYear(db, actor, id);
  const row = await yearOrThrow(db, id);
  const namnd = await namndOf(db, row.org_node_id);
  const kommun = await kommunOf(db, namnd.path);
  const doc = grantsDocument(
    { year: year.year, frameKronor: year.frameKronor, rows: year.memo },
    namnd.name,
    kommun.name,
  );
  return {
    fileName: `Föreningsbidrag ${year.year} – fördelning.${format}`,
    contentType: format === "docx" ? DOCX_TYPE : PDF_TYPE,
    render: () => (format === "docx" ? renderDocx(doc) : renderPdf(doc)),
  };
}
