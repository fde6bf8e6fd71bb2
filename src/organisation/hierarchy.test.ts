import { describe, expect, it } from "vitest";
import { allowedChild } from "./hierarchy.ts";

describe("allowedChild", () => {
  it("follows kommun → nämnd → förvaltning → verksamhetsområde → enhet", () => {
    expect(allowedChild("kommun", "namnd")).toBe(true);
    expect(allowedChild("namnd", "forvaltning")).toBe(true);
    expect(allowedChild("forvaltning", "verksamhetsomrade")).toBe(true);
    expect(allowedChild("verksamhetsomrade", "enhet")).toBe(true);
  });
  it("allows skipping levels and nesting units, never reversing", () => {
    expect(allowedChild("namnd", "enhet")).toBe(true);
    expect(allowedChild("enhet", "enhet")).toBe(true);
    expect(allowedChild("enhet", "verksamhetsomrade")).toBe(false);
    expect(allowedChild("forvaltning", "namnd")).toBe(false);
    expect(allowedChild("namnd", "kommun")).toBe(false);
  });
  it("places an utskott directly under a nämnd, with nothing below it", () => {
    expect(allowedChild("namnd", "utskott")).toBe(true);
    expect(allowedChild("kommun", "utskott")).toBe(false);
    expect(allowedChild("forvaltning", "utskott")).toBe(false);
    expect(allowedChild("utskott", "enhet")).toBe(false);
    expect(allowedChild("utskott", "utskott")).toBe(false);
  });
  it("lets a förvaltning serving several nämnder sit directly under the kommun", () => {
    expect(allowedChild("kommun", "forvaltning")).toBe(true);
  });
});
