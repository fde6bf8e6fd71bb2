// The assembled report as one self-contained HTML page: the browser preview and what pdf.ts prints. A cover
// in the kommun's colours, a table of contents, numbered chapters, tables with real header cells, charts
// as inline SVG with their alt text. Every text is escaped; the page loads nothing.
import { escapeHtml as esc } from "../platform/documents/escape-html.ts";
import { chartSvg } from "./chart-svg.ts";
import { unitHeading } from "./figures.ts";
import type {
  AssembledBlock,
  AssembledDirectives,
  AssembledGoals,
  AssembledIndicator,
  AssembledRegister,
  AssembledReport,
  AssembledTable,
  Segment,
} from "./model.ts";
import { plainText } from "./model.ts";

/** Text as a CSS string literal (the running header's content). */
// "<" is escaped too, so a name cannot close the style element.
const cssString = (text: string) => `"${text.replace(/[\\"]/g, "\\$&").replace(/</g, "\\3C ").replace(/\n/g, " ")}"`;
const marginBox = "font-family: Arial, sans-serif; font-size: 8pt; color: #555;";

// The running header and page numbers are the page's own margin boxes, so the cover can leave them out.
const style = (r: AssembledReport) => `
@page { size: A4; margin: 22mm 20mm 22mm 22mm;
  @top-left { content: ${cssString(`${r.municipality.name} · ${r.title} · ${r.namnd.name}`)}; ${marginBox} }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); ${marginBox} } }
/* The cover has no running header or page number. */
@page cover { margin: 0; @top-left { content: none; } @bottom-right { content: none; } }
* { box-sizing: border-box; }
html { --primary: ${r.municipality.primaryColour}; --accent: ${r.municipality.accentColour}; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a;
  margin: 0 auto; max-width: 180mm; padding: 1rem; font-variant-numeric: tabular-nums; }
@media print { body { padding: 0; max-width: none; } }
.cover { page: cover; height: 297mm; display: flex; flex-direction: column; justify-content: space-between;
  background: var(--primary); color: #fff; padding: 30mm 22mm; break-after: page; }
@media screen { .cover { height: auto; min-height: 60vh; margin: -1rem -1rem 2rem; } }
.cover .kommun { font-size: 14pt; font-weight: bold; letter-spacing: .04em; text-transform: uppercase; margin: 0; }
.cover h1 { font-size: 34pt; line-height: 1.1; margin: 0 0 6mm; color: #fff; }
.cover .namnd { font-size: 15pt; margin: 0; }
.cover .band { height: 6mm; background: var(--accent); margin-top: 10mm; }
.cover .meta { font-size: 9pt; opacity: .9; margin: 0; }
nav.toc { break-after: page; }
nav.toc h2 { color: var(--primary); font-size: 18pt; margin: 0 0 6mm; }
nav.toc ol { list-style: none; padding: 0; margin: 0; }
nav.toc li { border-bottom: 1px dotted #999; padding: 2mm 0; font-size: 11pt; }
nav.toc a { color: inherit; text-decoration: none; }
section.chapter { break-before: page; }
section.chapter:first-of-type { break-before: auto; }
h2.chapter-title { color: var(--primary); font-size: 18pt; border-bottom: 2px solid var(--accent); padding-bottom: 2mm;
  margin: 0 0 5mm; break-after: avoid; }
h3 { font-size: 12pt; color: var(--primary); margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 3mm; }
.tiles { display: flex; gap: 4mm; margin: 4mm 0 6mm; flex-wrap: wrap; }
.tile { flex: 1 1 45mm; border-top: 4px solid var(--accent); background: #f3f5f7; padding: 3mm 4mm; break-inside: avoid; }
.tile .value { font-size: 20pt; font-weight: bold; color: var(--primary); margin: 0; white-space: nowrap; }
.tile .label { font-size: 9pt; margin: 0; }
figure.table { margin: 4mm 0 6mm; break-inside: avoid; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; color: var(--primary); padding-bottom: 2mm; }
th, td { padding: 1.5mm 2mm; border-bottom: 1px solid #d0d4d9; }
thead th { background: var(--primary); color: #fff; text-align: right; font-weight: bold; vertical-align: bottom; }
thead th:first-child, tbody th, tfoot th { text-align: left; }
tbody th { font-weight: normal; }
td { text-align: right; white-space: nowrap; }
figure.register { break-inside: auto; }
.register thead th, .register td { text-align: left; white-space: pre-line; vertical-align: top; overflow-wrap: anywhere; hyphens: auto; font-size: 8.5pt; }
.register .short { white-space: nowrap; overflow-wrap: normal; }
tfoot th, tfoot td { font-weight: bold; border-top: 1.5px solid #1a1a1a; border-bottom: none; }
.activity { border-left: 3px solid var(--accent); padding-left: 3mm; margin: 0 0 4mm; break-inside: avoid; }
p.note { font-size: 8.5pt; color: #444; margin: 1mm 0 0; }
figure.chart { margin: 4mm 0 6mm; break-inside: avoid; }
figure.chart figcaption { font-weight: bold; color: var(--primary); margin-bottom: 2mm; }
figure.chart svg { max-width: 100%; height: auto; }
`;

const segmentsHtml = (segments: Segment[]) => esc(plainText(segments));

function tableHtml(t: AssembledTable): string {
  const body = t.rows.filter((r) => !r.total);
  const totals = t.rows.filter((r) => r.total);
  const row = (r: AssembledTable["rows"][number]) =>
    `<tr><th scope="row">${esc(r.label)}</th>${t.columns.map((c) => `<td>${esc(r.cells[c.key]?.text ?? "–")}</td>`).join("")}</tr>`;
  return `<figure class="table"><table>
<caption>${esc(t.caption)}</caption>
<thead><tr><th scope="col">${esc(unitHeading(t.unit))}</th>${t.columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join("")}</tr></thead>
<tbody>${body.map(row).join("")}</tbody>
${totals.length ? `<tfoot>${totals.map(row).join("")}</tfoot>` : ""}
</table></figure>`;
}

/** Columns of short codes and words ("5.1.12", "Ja") stay unbroken; the others wrap anywhere to fit the page. */
const SHORT = 14;

function registerHtml(b: AssembledRegister): string {
  if (!b.rows.length) return `<h3>${esc(b.title)}</h3><p>${esc(b.empty ?? "Inga uppgifter för året.")}</p>`;
  const short = b.columns.map((c, i) => [c, ...b.rows.map((r) => r[i] ?? "")].every((t) => t.length <= SHORT));
  const attr = (i: number) => (short[i] ? ' class="short"' : "");
  return `<figure class="table register"><table>
<caption>${esc(b.title)}</caption>
<thead><tr>${b.columns.map((c, i) => `<th scope="col"${attr(i)}>${esc(c)}</th>`).join("")}</tr></thead>
<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => `<td${attr(i)}>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody>
</table></figure>`;
}

function indicatorHtml(i: AssembledIndicator): string {
  const target = i.target ? `<th scope="col">Målvärde ${i.target.year}</th>` : "";
  const rows = i.rows.map(
    (r, n) =>
      `<tr><th scope="row">${esc(r.label)}</th>${r.cells.map((c) => `<td>${esc(c.text)}</td>`).join("")}${
        i.target ? `<td>${n === 0 ? esc(i.target.text) : ""}</td>` : ""
      }</tr>`,
  );
  return `<figure class="table"><table>
<caption>${esc(i.name)}${i.unit ? ` (${esc(i.unit)})` : ""}</caption>
<thead><tr><th scope="col">Utfall</th>${i.years.map((y) => `<th scope="col">${y}</th>`).join("")}${target}</tr></thead>
<tbody>${rows.join("")}</tbody>
</table>${i.target?.footnote ? `<p class="note">${esc(i.target.footnote)}</p>` : ""}<p class="note">${esc(i.status.label)}</p></figure>`;
}

function goalsHtml(b: AssembledGoals): string {
  if (!b.goals.length) return `<h3>${esc(b.title)}</h3><p>Nämnden har ingen målmodell med mål för året.</p>`;
  return b.goals
    .map(
      (g) => `<h3>${esc([g.code, g.title].filter(Boolean).join(" "))}</h3>
<p class="assessment"><strong>Nämndens bedömning:</strong> ${esc(g.assessment?.label ?? "Inte bedömt")}</p>
${g.assessment?.comment ? `<p>${esc(g.assessment.comment)}</p>` : ""}
${g.indicators.map(indicatorHtml).join("\n")}`,
    )
    .join("\n");
}

function directivesHtml(b: AssembledDirectives): string {
  if (!b.directives.length) return `<h3>${esc(b.title)}</h3><p>Inga direktiv gäller för året.</p>`;
  return b.directives
    .map(
      (d) => `<h3>${esc(d.title)}</h3>
<p class="note">${esc(`${d.issuedBy}, ${d.validFrom === d.validTo ? d.validFrom : `${d.validFrom}–${d.validTo}`}`)}</p>
<p>${esc(d.body)}</p>
${d.assignments.length ? `<ul>${d.assignments.map((a) => `<li>${esc(a)}</li>`).join("")}</ul>` : ""}
<p><strong>Förvaltningens omhändertagande:</strong> ${esc(d.handling ?? "Inte redovisat.")}</p>`,
    )
    .join("\n");
}

function blocksHtml(blocks: AssembledBlock[], r: AssembledReport): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as AssembledBlock;
    if (b.kind === "tile") {
      // Neighbouring tiles sit side by side.
      const tiles = [b];
      while (blocks[i + 1]?.kind === "tile") tiles.push(blocks[++i] as typeof b);
      out.push(
        `<div class="tiles">${tiles.map((t) => `<div class="tile"><p class="value">${segmentsHtml(t.segments)}</p><p class="label">${esc(t.label)}</p></div>`).join("")}</div>`,
      );
      continue;
    }
    switch (b.kind) {
      case "fixed":
      case "authored":
        out.push(
          `${b.kind === "authored" && b.heading ? `<h3>${esc(b.heading)}</h3>` : ""}<p>${segmentsHtml(b.segments)}</p>`,
        );
        break;
      case "list":
        out.push(
          `<h3>${esc(b.title)}</h3><ul>${b.items.map((item) => `<li>${segmentsHtml(item)}</li>`).join("")}</ul>`,
        );
        break;
      case "table":
        out.push(tableHtml(b));
        break;
      case "register":
        out.push(registerHtml(b));
        break;
      case "goals":
        out.push(goalsHtml(b));
        break;
      case "directives":
        out.push(directivesHtml(b));
        break;
      case "activities":
        out.push(
          `<h3>${esc(b.title)}</h3>${b.activities
            .map(
              (a) =>
                `<div class="activity"><p><strong>${esc(a.title)}</strong></p><p class="note">${esc(`${a.unit} · ${a.status}`)}</p>${
                  a.expectedEffect ? `<p><em>Förväntade effekter:</em> ${esc(a.expectedEffect)}</p>` : ""
                }</div>`,
            )
            .join("")}`,
        );
        break;
      case "chart":
        out.push(
          `<figure class="chart" role="img" aria-label="${esc(b.alt)}"><figcaption>${esc(b.title)}</figcaption>${chartSvg(b, r.municipality.primaryColour)}</figure>`,
        );
        break;
    }
  }
  return out.join("\n");
}

export function renderHtml(r: AssembledReport): string {
  const chapters = r.chapters.map((c, i) => ({ ...c, number: i + 1, anchor: `kapitel-${c.id}` }));
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>${esc(`${r.title} – ${r.namnd.name}`)}</title>
<style>${style(r)}</style>
</head>
<body>
<header class="cover">
  <p class="kommun">${esc(r.municipality.name)}</p>
  <div>
    <h1>${esc(r.title)}</h1>
    <p class="namnd">${esc(r.namnd.name)}</p>
    <div class="band"></div>
  </div>
  <p class="meta">${esc(`${r.template.name}, mallversion ${r.template.version}`)}</p>
</header>
<nav class="toc" aria-labelledby="innehall">
  <h2 id="innehall">Innehåll</h2>
  <ol>${chapters.map((c) => `<li><a href="#${c.anchor}">${c.number} ${esc(c.title)}</a></li>`).join("")}</ol>
</nav>
<main>
${chapters
  .map(
    (c) =>
      `<section class="chapter" id="${c.anchor}" aria-labelledby="${c.anchor}-rubrik"><h2 class="chapter-title" id="${c.anchor}-rubrik">${c.number} ${esc(c.title)}</h2>\n${blocksHtml(c.blocks, r)}</section>`,
  )
  .join("\n")}
</main>
</body>
</html>`;
}
