import type { BlockStyle } from "../../namnd/publishing/vocabulary.ts";

type Block = { style: BlockStyle; text: string };
type Placed = Block & { at: number };

/** A published text: headings, paragraphs, and each run of list rows as one list. */
export function PublicText({ blocks }: { blocks: readonly Block[] }) {
  // A block's place in the text is its identity: a published text never changes while it is shown.
  const groups: (Placed | Placed[])[] = [];
  blocks.forEach((block, at) => {
    const b = { ...block, at };
    const last = groups[groups.length - 1];
    if (b.style === "li" && Array.isArray(last)) last.push(b);
    else groups.push(b.style === "li" ? [b] : b);
  });
  return (
    <div className="public-text">
      {groups.map((g) => {
        if (Array.isArray(g)) {
          return (
            <ul key={`ul${g[0]?.at}`}>
              {g.map((b) => (
                <li key={b.at}>{b.text}</li>
              ))}
            </ul>
          );
        }
        const key = g.at;
        if (g.style === "h2") return <h2 key={key}>{g.text}</h2>;
        if (g.style === "h3") return <h3 key={key}>{g.text}</h3>;
        return <p key={key}>{g.text}</p>;
      })}
    </div>
  );
}
