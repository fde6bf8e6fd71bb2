// The report as a tagged PDF (structure tree and bookmarks from the headings): html.ts's page printed by the
// platform's Chromium printer, with the report's title as a running header and page numbers in the footer.
import { escapeHtml as esc } from "../platform/documents/escape-html.ts";
import { printPdf } from "../platform/documents/print-pdf.ts";
import { renderHtml } from "./html.ts";
import type { AssembledReport } from "./model.ts";

// Chromium draws the templates in the page margins at its own small default size; the font is set here.
const band = (content: string, align: "left" | "right") =>
  `<div style="width:100%;font-family:Arial,sans-serif;font-size:8pt;color:#555;padding:0 20mm 0 22mm;text-align:${align}">${content}</div>`;

export function renderPdf(report: AssembledReport): Promise<Buffer> {
  return printPdf(renderHtml(report), {
    tagged: true,
    headerTemplate: band(esc(`${report.municipality.name} · ${report.title} · ${report.namnd.name}`), "left"),
    footerTemplate: band('Sida <span class="pageNumber"></span> av <span class="totalPages"></span>', "right"),
    margin: { top: "22mm", right: "20mm", bottom: "22mm", left: "22mm" },
  });
}
