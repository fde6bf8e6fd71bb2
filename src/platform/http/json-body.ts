// A JSON request body, read the same way on the event loop (small bodies) and in a worker thread (large
// uploads, e.g. a ledger file as base64): strict UTF-8, and no keys that could reach an object's prototype.
import { DomainError } from "../errors.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bodies above this are parsed off the event loop: JSON.parse of a 27 MB upload held the server ~0,3 s. */
export const OFF_THREAD_JSON_BYTES = 256 * 1024;

export function parseJsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new DomainError("validation", "Innehållet är inte giltig UTF-8.");
  }
  if (text.trim() === "") throw new DomainError("validation", "Innehållet är tomt men ska vara JSON.");
  try {
    return JSON.parse(text, (key, value) => {
      if (
        key === "__proto__" ||
        (key === "constructor" && value && typeof value === "object" && "prototype" in value)
      ) {
        throw new DomainError("validation", `Innehållet har en otillåten nyckel: "${key}".`);
      }
      return value;
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("validation", "Innehållet är inte giltig JSON.");
  }
}
