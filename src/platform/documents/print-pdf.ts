// Every PDF Lots makes is our own HTML printed by headless Chromium (playwright-core). One browser is launched
// on first use and reused; closePdfBrowser ends it when the server closes.
import type { Browser } from "playwright-core";
import { PdfUnavailableError } from "./errors.ts";

const executablePath = () => process.env.LOTS_CHROMIUM || "/usr/bin/chromium";

let launched: Promise<Browser> | null = null;

function browser(): Promise<Browser> {
  if (!launched) {
    // playwright-core is loaded on the first print, not when the server or a command starts (a tenth of a start).
    const launching = import("playwright-core")
      .then(({ chromium }) =>
        chromium.launch({
          executablePath: executablePath(),
          args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        }),
      )
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

export type PrintOptions = {
  /** Chromium's header and footer templates (spans of class pageNumber/totalPages are filled in). */
  headerTemplate?: string;
  footerTemplate?: string;
  margin: { top: string; right: string; bottom: string; left: string };
  /** Tagged PDF (structure tree) and bookmarks from the headings, for readers with assistive technology. */
  tagged?: boolean;
};

/** The page as the bytes of an A4 PDF, printed with scripts off and no network. */
export async function printPdf(html: string, options: PrintOptions): Promise<Buffer> {
  const context = await (await browser()).newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const headerFooter = Boolean(options.headerTemplate || options.footerTemplate);
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: headerFooter,
      headerTemplate: options.headerTemplate ?? "<span></span>",
      footerTemplate: options.footerTemplate ?? "<span></span>",
      margin: options.margin,
      ...(options.tagged ? { tagged: true, outline: true } : {}),
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
