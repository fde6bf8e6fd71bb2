// A Nämnd document as PDF: renderHtml's page printed by the platform's Chromium printer.
import { printPdf } from "../../platform/documents/print-pdf.ts";
import { renderHtml } from "./html.ts";
import type { NamndDocument } from "./model.ts";

// The margins of html.ts's @page rule, given here too because the header with the page numbers is drawn in
// the top margin.
const MARGIN = { top: "25mm", right: "20mm", bottom: "25mm", left: "25mm" };
// Page "n (m)" at the top right, as on the kommun's memos (B2). Chromium fills the two spans in.
const HEADER = `<div style="width:100%;font-family:Arial,sans-serif;font-size:9pt;text-align:right;padding:0 20mm 0 25mm">
<span class="pageNumber"></span> (<span class="totalPages"></span>)</div>`;

/** The document as the bytes of an A4 PDF. */
export function renderPdf(doc: NamndDocument): Promise<Buffer> {
  return printPdf(renderHtml(doc), { headerTemplate: HEADER, margin: MARGIN });
}
