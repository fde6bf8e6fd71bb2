// A Nämnd document as one self-contained, printable HTML page: the preview in the browser and what pdf.ts
// prints. Every text is escaped; the page carries its own styles and loads nothing.
import { escapeHtml } from "../../platform/documents/escape-html.ts";
import { handlerLines, letterheadFacts, type NamndDocument } from "./model.ts";

const STYLE = `
@page { size: A4; margin: 25mm 20mm 25mm 25mm; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111;
  margin: 0 auto; max-width: 170mm; padding: 1rem; }
@media print { body { padding: 0; max-width: none; } }
.letterhead { display: flex; justify-content: space-between; gap: 2rem; margin-bottom: 2rem; }
.letterhead p, .letterhead dl { margin: 0; }
.municipality { font-weight: bold; }
.handler { font-size: 9pt; margin-top: .5rem !important; }
.kind { font-weight: bold; letter-spacing: .03em; margin: 0 0 .25rem; }
.facts { display: grid; grid-template-columns: auto auto; column-gap: .75rem; }
.facts dt { font-weight: normal; color: #333; }
.facts dd { margin: 0; }
.reference { margin: 0 0 .5rem; }
h1 { font-size: 16pt; margin: 0 0 1.25rem; }
h2 { font-size: 12pt; margin: 1.25rem 0 .4rem; break-after: avoid; }
h3 { font-size: 11pt; margin: .8rem 0 .3rem; break-after: avoid; }
p { margin: 0 0 .6rem; white-space: pre-line; }
ol, ul { margin: 0 0 .6rem; padding-left: 1.5rem; }
li { margin-bottom: .3rem; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5rem 2rem; margin-top: 2.5rem; break-inside: avoid; }
.signatures p { margin: 0; }
.signature .name { margin-top: 2rem; }
footer { margin-top: 3rem; border-top: 1px solid #808080; padding-top: .4rem; font-size: 8pt; color: #333; }
footer p { margin: 0; }
`;

const paragraph = (text: string, className?: string) =>
  `<p${className ? ` class="${className}"` : ""}>${escapeHtml(text)}</p>`;

function letterhead(doc: NamndDocument): string {
  const head = doc.letterhead;
  if (!head) return `<header>${paragraph(doc.kind, "kind")}</header>`;
  const facts = letterheadFacts(head);
  return `<header class="letterhead">
<div>${paragraph(head.municipality, "municipality")}${head.department ? paragraph(head.department) : ""}${
    handlerLines(head).length ? `<p class="handler">${handlerLines(head).map(escapeHtml).join("<br>")}</p>` : ""
  }</div>
<div>${paragraph(doc.kind, "kind")}<dl class="facts">${facts
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join("")}</dl></div>
</header>`;
}

function blocks(doc: NamndDocument): string {
  return doc.blocks
    .map((block) => {
      const tag = block.numbered ? "ol" : "ul";
      const list = block.list?.length
        ? `<${tag}>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</${tag}>`
        : "";
      const h = block.level === 3 ? "h3" : "h2";
      const inner = `${block.heading ? `<${h}>${escapeHtml(block.heading)}</${h}>` : ""}${block.paragraphs
        .map((text) => paragraph(text))
        .join("")}${list}`;
      return `<section>${inner}</section>`;
    })
    .join("\n");
}

function signatures(doc: NamndDocument): string {
  if (!doc.signatures.length) return "";
  return `<div class="signatures">${doc.signatures
    .map((s) => `<div class="signature">${paragraph(s.name, "name")}${paragraph(s.title)}</div>`)
    .join("")}</div>`;
}

function footer(doc: NamndDocument): string {
  const lines = [...(doc.letterhead?.address ?? []), ...(doc.footer ? [doc.footer] : [])];
  return lines.length ? `<footer>${lines.map((line) => paragraph(line)).join("")}</footer>` : "";
}

/** The document as a complete HTML page (lang sv, its own styles, no scripts, nothing loaded). */
/** Text as a CSS string literal that cannot end the string or the style element. */
const cssString = (text: string) => `"${text.replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/** "forts. § n" in the top margin of every printed page but the first. */
const continuationStyle = (doc: NamndDocument) =>
  doc.continuation
    ? `@page { @top-left { content: ${cssString(doc.continuation)}; font: 9pt Arial, sans-serif; } }
@page :first { @top-left { content: none; } }`
    : "";

export function renderHtml(doc: NamndDocument): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${doc.kind} – ${doc.title}`)}</title>
<style>${STYLE}${continuationStyle(doc)}</style>
</head>
<body>
${letterhead(doc)}
<main>
${doc.reference ? paragraph(doc.reference, "reference") : ""}
<h1>${escapeHtml(doc.title)}</h1>
${blocks(doc)}
${signatures(doc)}
</main>
${footer(doc)}
</body>
</html>
`;
}
