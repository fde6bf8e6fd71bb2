// The Word file's chart: the PDF's SVG with a PNG for older Word, both in the package, the picture's description
// the chart in words, and the PNG's labels drawn (the machine has the fonts).
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { chartImage, WORD_TEXT_WIDTH } from "./chart-image.ts";
import { renderDocx } from "./docx.ts";
import type { AssembledChart } from "./model.ts";
import { assembled2021 } from "./testing.ts";

const report = assembled2021();
const chart = report.chapters.flatMap((c) => c.blocks).find((b): b is AssembledChart => b.kind === "chart");

const xmlEscaped = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The width and height in a PNG's IHDR chunk, after the signature checked. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("a chart in the Word file", () => {
  if (!chart) throw new Error("the 2021 årsberättelse has a chart");

  it("embeds the chart as SVG with a PNG fallback, described by the chart's alt text", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(report));
    const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
    const svgName = media.find((name) => name.endsWith(".svg"));
    const pngName = media.find((name) => name.endsWith(".png"));
    if (!svgName || !pngName) throw new Error(`expected an SVG and a PNG, got ${media.join(", ")}`);

    const svg = (await zip.file(svgName)?.async("string")) ?? "";
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain("Myndighet stöd och behandling");
    expect(svg).toContain("\u221216\u00a0541");

    const rels = (await zip.file("word/_rels/document.xml.rels")?.async("string")) ?? "";
    const relId = (file: string) =>
      rels.match(new RegExp(`Id="(\\w+)"[^>]*Target="media/${file.replace("word/media/", "")}"`))?.[1];
    const svgRel = relId(svgName);
    const pngRel = relId(pngName);
    expect(svgRel && pngRel).toBeTruthy();

    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    // The PNG is the picture's blip, the SVG the Office 2016 extension inside it.
    expect(xml).toMatch(new RegExp(`<a:blip r:embed="${pngRel}"[^]*?<asvg:svgBlip[^>]*r:embed="${svgRel}"`));
    expect(xml).toContain(`descr="${xmlEscaped(chart.alt)}"`);
    expect(chart.alt).toContain("Myndighet stöd och behandling: \u221216\u00a0541");
    // Its size in Word is the text's width, its height the chart's in proportion (EMU: 9 525 a pixel).
    const extent = xml.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/);
    const { width, height } = pngSize((await zip.file(pngName)?.async("nodebuffer")) ?? Buffer.alloc(0));
    expect(Number(extent?.[1])).toBe(WORD_TEXT_WIDTH * 9525);
    expect(Number(extent?.[2]) / Number(extent?.[1])).toBeCloseTo(height / width, 2);
    // Twice the pixels of its size in Word; seven bars make a picture taller than a line and shorter than a page.
    expect(width).toBe(2 * WORD_TEXT_WIDTH);
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThan(2000);
  });

  it("draws the labels' text into the PNG", async () => {
    const drawn = await chartImage(chart, "#00504b");
    const unlabelled = await chartImage({ ...chart, bars: chart.bars.map((b) => ({ ...b, label: "" })) }, "#00504b");
    expect(pngSize(drawn.png)).toEqual(pngSize(unlabelled.png));
    // Without a font resvg draws no text, and the two pictures would be the same.
    expect(drawn.png.equals(unlabelled.png)).toBe(false);
  });
});
