import { describe, expect, it } from "vitest";
import { ALL, filteredPath } from "./address-filters.ts";

describe("a register's address with filters", () => {
  it("carries the filters given and leaves out empty ones", () => {
    expect(
      filteredPath("/kvalitet/handelser", {
        status: ALL,
        periodStart: "2023-01-01",
        periodEnd: "2023-12-31",
        type: "",
      }),
    ).toBe("/kvalitet/handelser?status=alla&periodStart=2023-01-01&periodEnd=2023-12-31");
    expect(filteredPath("/kvalitet/lex-sarah", { periodStart: undefined })).toBe("/kvalitet/lex-sarah");
  });
});
