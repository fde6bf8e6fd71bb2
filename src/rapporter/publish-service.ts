// Publishing a report: an approved report with no blocking finding is assembled once more and frozen with its
// checksum; from then on it is read from that copy. The public area lists and shows published reports
// without login: the report as published, no writers, comments or other personal data.
import { kommunIdOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { writeRecord } from "../platform/service.ts";
import { hiddenCounts } from "./checks.ts";
import { renderHtml } from "./html.ts";
import * as repo from "./instances-repository.ts";
import { APPROVER, instanceOrThrow, instanceTemplate } from "./instances-service.ts";
import { periodOf } from "./period.ts";
import { type FrozenReport, reportChecksum } from "./publish.ts";
import { assembleTemplate } from "./report-service.ts";
import type { RapporterDB } from "./tables.ts";

type Db = DbOf<RapporterDB>;

export async function publishInstance(db: Db, actor: Actor, id: string) {
  return writeRecord(
    db,
    actor,
    APPROVER,
    (db) => instanceOrThrow(db, id),
    async ({ trx, audit, record, node }) => {
      if (record.status !== "godkand") {
        throw new DomainError("conflict", "Bara en godkänd rapport kan publiceras.");
      }
      const { template } = await instanceTemplate(trx, record, kommunIdOf(node.path));
      const frozen: FrozenReport = await assembleTemplate(trx, actor, node, template, periodOf(record.period));
      // The checks decide on the real figures: a publisher who sees some as "–" cannot have them checked.
      const hidden = hiddenCounts(frozen.report);
      if (hidden.length) {
        const count = hidden.reduce((n, h) => n + h.count, 0);
        throw new DomainError(
          "forbidden",
          `Du kan inte publicera rapporten: ${count} antal i tabellerna ${hidden.map((h) => `"${h.caption}"`).join(", ")} döljs för dig, eftersom du saknar läsrätt till personuppgifter i ${node.name}. Kontrollerna före publicering görs på de verkliga siffrorna, så rapporten publiceras av någon som får läsa dem och godkänna rapporten (administratören).`,
        );
      }
      const blocking = frozen.findings.filter((f) => f.severity === "blocking");
      if (blocking.length) {
        throw new DomainError(
          "conflict",
          `Rapporten kan inte publiceras: ${blocking.length} blockerande fel. ${blocking.map((f) => `${f.chapter}: ${f.message}`).join(" ")}`,
          blocking,
        );
      }
      const publication = await repo.insertPublication(trx, {
        instance_id: record.id,
        content: frozen,
        checksum: reportChecksum(frozen.report),
        published_by: actor.id,
      });
      await audit("rapport_publication", publication.id, "create", {
        after: { ...publication, content: undefined },
      });
      const after = await repo.updateInstance(trx, record.id, { status: "publicerad" });
      const { template_code: _c, template_name: _n, ...before } = record;
      await audit("rapport_instance", record.id, "update", { before, after });
      return { id: record.id, checksum: publication.checksum, publishedAt: publication.published_at.toISOString() };
    },
  );
}

export async function publicReports(db: Db) {
  const rows = await repo.publishedReports(db);
  return {
    reports: rows.map((r) => ({
      id: r.id,
      title: `${r.template_name} ${periodOf(r.period).label}`,
      namnd: r.namnd_name,
      period: r.period,
      publishedAt: r.published_at.toISOString(),
    })),
  };
}

export async function publicReport(db: Db, id: string) {
  const publication = await repo.findPublication(db, id);
  if (!publication) throw notFound("Den publicerade rapporten");
  const { report } = publication.content as FrozenReport;
  return {
    kommun: report.municipality.name,
    title: report.title,
    namnd: report.namnd.name,
    period: report.periodCode ?? String(report.period),
    publishedAt: publication.published_at.toISOString(),
    checksum: publication.checksum,
    html: renderHtml(report),
  };
}
