// The checksum recorded with a publication: sha256 over the published text's blocks (style and text, in
// order), so anyone holding the text can tell it is the one reviewed. Also used on the source text, so a
// review is refused when the text changed after the reviewer saw it.
import { createHash } from "node:crypto";

export const textChecksum = (blocks: readonly { style: string; text: string }[]) =>
  createHash("sha256")
    .update(JSON.stringify(blocks.map((b) => [b.style, b.text])))
    .digest("hex");
