// Publishing's fixed vocabularies (the database's CHECK lists hold the same values). Pure and browser-safe.

/** What of a meeting is published: the föredragningslista once kallat, the protokoll once justerat. */
export const publicationKinds = ["foredragningslista", "protokoll"] as const;
export type PublicationKind = (typeof publicationKinds)[number];
export const publicationKindLabels: Record<PublicationKind, string> = {
  foredragningslista: "Föredragningslista",
  protokoll: "Protokoll",
};

/** Why a span is masked: a personnummer found in the text, a private person's name known to the record, or the reviewer's own. */
export const maskKinds = ["personnummer", "namn", "ovrigt"] as const;
export type MaskKind = (typeof maskKinds)[number];
export const maskKindLabels: Record<MaskKind, string> = {
  personnummer: "Personnummer",
  namn: "Namn på privatperson",
  ovrigt: "Annan personuppgift",
};
/** What the public reads in place of a masked span. */
export const maskPlaceholders: Record<MaskKind, string> = {
  personnummer: "[personnummer]",
  namn: "[namn]",
  ovrigt: "[maskerat]",
};

/** The styles of a published text's blocks: an item's heading, a sub-heading, a paragraph, a list row. */
export const blockStyles = ["h2", "h3", "p", "li"] as const;
export type BlockStyle = (typeof blockStyles)[number];
