import { describe, expect, it } from "vitest";
import { VerifiedCookies } from "./verified-cookies.ts";

describe("verified session cookies", () => {
  it("verifies a cookie once, never keeps a refused one, and drops the oldest past its bound", () => {
    const verified: string[] = [];
    const cookies = new VerifiedCookies((raw) => {
      verified.push(raw);
      return raw.startsWith("ok:") ? `id-${raw.slice(3)}` : null;
    }, 2);
    expect(cookies.sessionId("ok:a")).toBe("id-a");
    expect(cookies.sessionId("ok:a")).toBe("id-a");
    expect(cookies.sessionId("forged")).toBeNull();
    expect(cookies.sessionId("forged")).toBeNull();
    expect(verified).toEqual(["ok:a", "forged", "forged"]);
    cookies.sessionId("ok:b");
    cookies.sessionId("ok:c");
    verified.length = 0;
    expect(cookies.sessionId("ok:c")).toBe("id-c");
    expect(cookies.sessionId("ok:a")).toBe("id-a");
    expect(verified).toEqual(["ok:a"]);
  });
});
