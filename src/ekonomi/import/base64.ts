// An uploaded file arrives as base64 text. Node's decoder silently skips characters outside the alphabet
// (and reads some non-Latin letters as their low byte), so the text is checked before it is decoded.
import { DomainError } from "../../platform/errors.ts";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The file's bytes; refuses anything but standard base64 instead of decoding around stray characters.
 * The text may come as its ASCII bytes (how a large upload moves to the worker without a copy).
 */
export function decodeBase64(text: string | Uint8Array): Buffer {
  const content =
    typeof text === "string" ? text : Buffer.from(text.buffer, text.byteOffset, text.length).toString("latin1");
  if (content.length % 4 !== 0 || !BASE64.test(content)) {
    throw new DomainError("validation", "Filinnehållet ska vara base64-kodat.");
  }
  return Buffer.from(content, "base64");
}
