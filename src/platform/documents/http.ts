// Sending a rendered document as a download: an attachment header safe for every client, and the 503 a
// PDF gets when the server has no working Chromium. The media types are re-exported for the endpoint tables
// (media-types.ts is the browser-safe home of them).
import type { FastifyReply } from "fastify";
import { PdfUnavailableError } from "./errors.ts";

export { DOCX_TYPE, PDF_TYPE } from "./media-types.ts";

/** The attachment header, with an ASCII fallback for clients that do not read the UTF-8 name. */
export function attachment(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "handling";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export type RenderedFile = { fileName: string; contentType: string; render: () => Promise<Buffer> };

/** Renders the file and sends it; a PDF without Chromium is a 503 with a Swedish message, not a 500. */
export async function sendRendered(reply: FastifyReply, file: RenderedFile): Promise<Buffer | FastifyReply> {
  let body: Buffer;
  try {
    body = await file.render();
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    reply.log.error(error);
    return reply.code(503).send({ code: "unavailable", message: error.messageSv });
  }
  reply
    .header("content-type", file.contentType)
    .header("content-disposition", attachment(file.fileName))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "no-store");
  return body;
}
