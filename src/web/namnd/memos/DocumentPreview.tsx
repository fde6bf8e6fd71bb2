// A Nämnd document shown on the page as it will print: the same NamndDocument the DOCX and PDF are made from.
import type { NamndDocument } from "../../../namnd/documents/model.ts";
import { handlerLines, letterheadFacts } from "../../../namnd/documents/model.ts";
import "./memos.css";

export function DocumentPreview({ doc, label }: { doc: NamndDocument; label: string }) {
  const head = doc.letterhead;
  return (
    <article className="memo-preview" aria-label={label}>
      <header className="memo-preview-head">
        <div>
          {head?.municipality ? <p className="memo-preview-strong">{head.municipality}</p> : null}
          {head?.department ? <p>{head.department}</p> : null}
          {head
            ? handlerLines(head).map((line) => (
                <p key={line} className="memo-preview-small">
                  {line}
                </p>
              ))
            : null}
        </div>
        <div>
          <p className="memo-preview-strong">{doc.kind}</p>
          {head ? (
            <dl>
              {letterheadFacts(head).map(([term, value]) => (
                <div key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      </header>
      {doc.reference ? <p>{doc.reference}</p> : null}
      <p className="memo-preview-title">{doc.title || "(rubrik saknas)"}</p>
      {doc.blocks.map((block, i) => {
        const List = block.numbered ? "ol" : "ul";
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the blocks have no identity beyond their order
          <section key={i} className={block.level === 3 ? "memo-preview-sub" : undefined}>
            {block.heading ? <p className="memo-preview-heading">{block.heading}</p> : null}
            {block.paragraphs.map((text, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are plain text in order
              <p key={j}>{text}</p>
            ))}
            {block.list?.length ? (
              <List>
                {block.list.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items are plain text in order
                  <li key={j}>{item}</li>
                ))}
              </List>
            ) : null}
          </section>
        );
      })}
      {doc.signatures.length ? (
        <div className="memo-preview-signatures">
          {doc.signatures.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two signatories may share a name
            <div key={i}>
              <p>{s.name}</p>
              <p>{s.title}</p>
            </div>
          ))}
        </div>
      ) : null}
      {doc.footer ? <p className="memo-preview-small memo-preview-footer">{doc.footer}</p> : null}
    </article>
  );
}
