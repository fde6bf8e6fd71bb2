// A chart as a picture for Word: chart-svg.ts's SVG, which Word 2016 and later draw crisp at any zoom, and a PNG of
// it for older Word, which cannot show SVG. resvg draws the PNG (a Rust library whose binary comes in the npm package)
// with the machine's fonts: Liberation Sans (Debian's fonts-liberation, which .ci/run installs) has Arial's metrics,
// so the PNG's labels sit where the SVG's do in Word.
import { createRequire } from "node:module";
import type * as ResvgJs from "@resvg/resvg-js";
import { chartSvg } from "./chart-svg.ts";
import type { AssembledChart } from "./model.ts";

/** A4's text width between docx's default one-inch margins, in pixels at 96 to the inch, as ImageRun sizes. */
export const WORD_TEXT_WIDTH = 600;
/** The PNG has twice the picture's pixels: sharp on paper and on a high-density screen. */
const PNG_SCALE = 2;

// Loaded when the first chart goes to Word, like ECharts: most commands and requests never draw one.
let loaded: typeof ResvgJs | undefined;
const resvg = () => {
  loaded ??= createRequire(import.meta.url)("@resvg/resvg-js") as typeof ResvgJs;
  return loaded;
};

export type ChartImage = { svg: Buffer; png: Buffer; width: number; height: number };

/**
 * The PDF's chart, scaled to Word's text width as the PDF scales it to its page (drawn narrower, its axis labels
 * would run together); width and height are the picture's size in Word, in pixels at 96 to the inch.
 */
export async function chartImage(chart: AssembledChart, colour: string): Promise<ChartImage> {
  const svg = chartSvg(chart, colour);
  // Off the event loop: the fonts are read for each drawing, a tenth of a second.
  const png = await resvg().renderAsync(svg, {
    fitTo: { mode: "width", value: PNG_SCALE * WORD_TEXT_WIDTH },
    background: "#ffffff",
    font: { loadSystemFonts: true, sansSerifFamily: "Liberation Sans", defaultFontFamily: "Liberation Sans" },
  });
  return {
    svg: Buffer.from(svg),
    png: png.asPng(),
    width: WORD_TEXT_WIDTH,
    height: Math.round(png.height / PNG_SCALE),
  };
}
