// The renderers' own failure, apart from print-pdf.ts so that modules sending files (http.ts) stay free
// of the browser automation they do not run.

/** Chromium is missing or would not start: the server answers 503 with this Swedish message. */
export class PdfUnavailableError extends Error {
  readonly messageSv =
    "PDF kan inte skapas just nu: servern saknar en fungerande Chromium (ställ in LOTS_CHROMIUM). Hämta Word-filen i stället.";
  constructor(cause: unknown) {
    super("Chromium could not be launched for PDF printing", { cause });
    this.name = "PdfUnavailableError";
  }
}
