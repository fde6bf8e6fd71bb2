import { createHash } from "node:crypto";
import { logPersonalDataAccess } from "../platform/access/log.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { formatMegabytes } from "../platform/i18n/format.ts";
import { read, writeRecord } from "../platform/service.ts";
import { labelledProblems, validationError } from "../platform/validation.ts";
import { caseOrThrow, documentOf } from "./case-read-service.ts";
import { detectDocumentType } from "./file-type.ts";
import * as repo from "./repository.ts";
import { type DocumentPatch, documentPatch, type UploadQuery, uploadQuery } from "./schema.ts";
import type { NamndDB } from "./tables.ts";
import { type DocumentType, documentTypeLabels, documentTypes, MAX_DOCUMENT_BYTES } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

const accepted = documentTypes.map((t) => documentTypeLabels[t].label).join(", ");

/** The provision a marking cites, by code; an inactive one cannot be chosen anew. */
async function lagrumFor(db: Db, code: string, current: string | null) {
  const all = await repo.lagrumList(db);
  const found = all.find((l) => l.code === code);
  if (!found || (!found.active && found.id !== current)) {
    const valid = all.filter((l) => l.active).map((l) => `${l.code} (${l.reference})`);
    throw validationError(
      "Sekretessmarkeringen sparades inte",
      labelledProblems(documentPatch, [
        { field: "lagrum", message: `Okänt lagrum ${code}. Giltiga: ${valid.join(", ")}.` },
      ]),
    );
  }
  return found;
}

/** The file name with the extension of the type the bytes are. */
export function fileNameFor(name: string, type: DocumentType): string {
  const extension = documentTypeLabels[type].extension;
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const alternatives = type === "image/jpeg" ? ["jpg", "jpeg"] : [extension];
  const given = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  return given && alternatives.includes(given) ? name : `${base}.${extension}`;
}

/**
 * Adds a document to a case. The writer's access is checked on the case first; the file's type is then
 * judged by its bytes (the declared media type and name are not trusted) and its size bounded.
 */
export function uploadDocument(db: Db, actor: Actor, caseId: string, meta: UploadQuery, content: Buffer | null) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => caseOrThrow(db, caseId),
    async ({ trx, record, audit }) => {
      const refuse = (message: string) =>
        validationError("Handlingen sparades inte", [{ field: "fil", label: "Fil", message }]);
      if (!content || content.length === 0) throw refuse("Filen är tom eller saknas.");
      if (content.length > MAX_DOCUMENT_BYTES) {
        throw new DomainError(
          "payload_too_large",
          `Filen är för stor: en handling får vara högst ${formatMegabytes(MAX_DOCUMENT_BYTES)} MB, den här är ${formatMegabytes(content.length)} MB.`,
        );
      }
      const type = detectDocumentType(content);
      if (!type) throw refuse(`Filtypen stöds inte. Tillåtna: ${accepted}. Typen avgörs av filens innehåll.`);
      if (meta.documentDate && meta.documentDate > todayInSweden()) {
        throw validationError(
          "Handlingen sparades inte",
          labelledProblems(uploadQuery, [
            { field: "documentDate", message: "En handling kan inte vara daterad i framtiden." },
          ]),
        );
      }
      const lagrum = meta.lagrum ? await lagrumFor(trx, meta.lagrum, null) : null;
      const fileName = fileNameFor(meta.name, type);
      const values = {
        case_id: record.id,
        org_node_id: record.org_node_id,
        title: meta.title || fileName.replace(/\.[^.]+$/, ""),
        file_name: fileName,
        content_type: type,
        size_bytes: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        direction: meta.direction,
        document_date: meta.documentDate ?? null,
        registered_on: todayInSweden(),
        lagrum_id: lagrum?.id ?? null,
      };
      const id = await repo.insertDocument(trx, { ...values, content });
      await audit("namnd_document", id, "create", { after: { ...values, case: caseId } });
      const row = await repo.findDocument(trx, id);
      return documentOf(row as repo.DocumentRow, await repo.lagrumList(trx));
    },
  );
}

async function documentOrThrow(db: Db, id: string) {
  const row = await repo.findDocument(db, id);
  if (!row) throw notFound("Handlingen");
  return row;
}

/**
 * A document's bytes for a reader of its case's nämnd. One marked sekretess needs read:personal there, and
 * its every download is in the access log.
 */
export async function downloadDocument(db: Db, actor: Actor, caseId: string, documentId: string) {
  const record = await caseOrThrow(db, caseId);
  return read(db, actor, "read", record.org_node_id, async ({ db, node }) => {
    const document = await documentOrThrow(db, documentId);
    if (document.case_id !== caseId) throw notFound("Handlingen");
    if (document.lagrum_id !== null) {
      if (!can(actor, "read:personal", node.path)) {
        throw new DomainError(
          "forbidden",
          `Handlingen är sekretessmarkerad (${document.lagrum_reference}); du saknar behörighet att läsa den.`,
        );
      }
      await logPersonalDataAccess(db, actor, {
        operation: "namnd.dokument",
        orgNodeId: node.id,
        records: [{ entity: "namnd_document", id: document.id, orgNodeId: document.org_node_id }],
      });
    }
    return {
      contentType: document.content_type,
      fileName: document.file_name,
      body: Buffer.from(await repo.documentContent(db, document.id)),
    };
  });
}

/** Title, direction, date, or the sekretess marking (set with a lagrum, lifted with null). */
export function updateDocument(db: Db, actor: Actor, id: string, patch: DocumentPatch) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => documentOrThrow(db, id),
    async ({ trx, record, audit }) => {
      if (patch.documentDate && patch.documentDate > todayInSweden()) {
        throw validationError(
          "Handlingen sparades inte",
          labelledProblems(documentPatch, [
            { field: "documentDate", message: "En handling kan inte vara daterad i framtiden." },
          ]),
        );
      }
      const lagrumId =
        patch.lagrum === undefined
          ? record.lagrum_id
          : patch.lagrum === null
            ? null
            : (await lagrumFor(trx, patch.lagrum, record.lagrum_id)).id;
      await repo.updateDocument(trx, id, {
        title: patch.title ?? record.title,
        direction: patch.direction ?? record.direction,
        document_date: patch.documentDate === undefined ? record.document_date : patch.documentDate,
        lagrum_id: lagrumId,
      });
      const after = await documentOrThrow(trx, id);
      await audit("namnd_document", id, lagrumId !== record.lagrum_id ? "sekretess" : "update", {
        before: record,
        after,
      });
      return documentOf(after, await repo.lagrumList(trx));
    },
  );
}
