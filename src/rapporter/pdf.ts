// The report as a tagged PDF (structure tree and bookmarks from the headings): html.ts's page printed by the
// platform's Chromium printer. The running header and "Sida n av m" are the page's CSS margin boxes (html.ts),
// which the cover leaves out; Chromium's own header templates would print on the cover too.
import { printPdf } from "../platform/documents/print-pdf.ts";
import { renderHtml } from "./html.ts";
import type { AssembledReport } from "./model.ts";

export function renderPdf(report: AssembledReport): Promise<Buffer> {
  return printPdf(renderHtml(report), {
    tagged: true,
    margin: { top: "22mm", right: "20mm", bottom: "22mm", left: "22mm" },
  });
}
