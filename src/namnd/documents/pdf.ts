// A Nämnd document as PDF: renderHtml's page printed by headless Chromium (playwright-core), the way the
// platform makes every PDF. One browser is launched on first use and reused; closePdfBrowser ends it when the
// server closes.
import { type Browser, chromium } from "playwright-core";
import { PdfUnavailableError } from "./errors.ts";
import { renderHtml } from "./html.ts";
import type { NamndDocument } from "./model.ts";

const executablePath = () => process.env.LOTS_CHROMIUM || "/usr/bin/chromium";

// The margins of html.ts's @page rule, given here too because the header with the page numbers is drawn in
// the top margin.
const MARGIN = { top: "25mm", right: "20mm", bottom: "25mm", left: "25mm" };
// Page "n (m)" at the top right, as on the kommun's memos (B2). Chromium fills the two spans in.
const HEADER = `<div style="width:100%;font-family:Arial,sans-serif;font-size:9pt;text-align:right;padding:0 20mm 0 25mm">
<span class="pageNumber"></span> (<span class="totalPages"></span>)</div>`;

let launched: Promise<Browser> | null = null;

function browser(): Promise<Browser> {
  if (!launched) {
    const launching = chromium
      .launch({ executablePath: executablePath(), args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] })
      .then((started) => {
        // A browser that crashed or was closed is launched again on the next print.
        started.on("disconnected", () => {
          if (launched === launching) launched = null;
        });
        return started;
      })
      .catch((error: unknown) => {
        if (launched === launching) launched = null;
        throw new PdfUnavailableError(error);
      });
    launched = launching;
  }
  return launched;
}

/** The document as the bytes of an A4 PDF, printed from renderHtml(doc) with scripts off and no network. */
export async function renderPdf(doc: NamndDocument): Promise<Buffer> {
  const context = await (await browser()).newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(renderHtml(doc), { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: HEADER,
      footerTemplate: "<span></span>",
      margin: MARGIN,
    });
  } finally {
    await context.close();
  }
}

/** Ends the shared browser if one was launched (the server calls this when it closes). */
export async function closePdfBrowser(): Promise<void> {
  const current = launched;
  launched = null;
  if (current) await current.then((b) => b.close()).catch(() => undefined);
}
