import { describe, expect, it } from "vitest";
import { decodeBase64 } from "./base64.ts";

describe("decodeBase64", () => {
  it("decodes standard base64 with and without padding", () => {
    expect(decodeBase64("QUJD").toString()).toBe("ABC");
    expect(decodeBase64("QUJDRA==").toString()).toBe("ABCD");
    expect(decodeBase64("").length).toBe(0);
  });

  it.each([
    ["a stray character", "QU!D"],
    ["a space", "QUJ DRA=="],
    ["a line break", "QUJD\nRA=="],
    ["padding in the middle", "QU=DRA=="],
    ["a letter Node would read as its low byte", "QUJ\u0144"],
    ["base64url", "QU-_"],
    ["a missing padding character", "QUJDRA="],
  ])("refuses %s", (_, content) => {
    expect(() => decodeBase64(content)).toThrow("Filinnehållet ska vara base64-kodat.");
  });
});
