import { describe, expect, it } from "vitest";
import { type CaseState, checkCase, linkPair } from "./rules.ts";

const today = "2024-01-31";
const open: CaseState = {
  title: "Initiativärende",
  registeredOn: "2023-12-13",
  receivedOn: "2023-12-13",
  status: "oppet",
  closedOn: null,
};
const fields = (c: Partial<CaseState>) => checkCase({ ...open, ...c }, today).map((p) => p.field);

describe("checkCase", () => {
  it("accepts an open case and a closed one with its date", () => {
    expect(checkCase(open, today)).toEqual([]);
    expect(checkCase({ ...open, status: "avslutat", closedOn: "2024-01-10" }, today)).toEqual([]);
    expect(checkCase({ ...open, status: "vilande", receivedOn: null }, today)).toEqual([]);
  });

  it("needs a closing date to close, and none while open", () => {
    expect(checkCase({ ...open, status: "avslutat" }, today)).toEqual([
      { field: "closedOn", message: "Ange datum då ärendet avslutades." },
    ]);
    expect(fields({ status: "oppet", closedOn: "2024-01-10" })).toEqual(["closedOn"]);
    expect(fields({ status: "avslutat", closedOn: "2023-12-01" })).toEqual(["closedOn"]);
    expect(fields({ status: "avslutat", closedOn: "2024-02-01" })).toEqual(["closedOn"]);
  });

  it("refuses a received date in the future or after registration, and an empty title", () => {
    expect(fields({ receivedOn: "2024-02-01", registeredOn: "2024-01-31" })).toEqual(["receivedOn"]);
    expect(checkCase({ ...open, receivedOn: "2023-12-14" }, today)[0]?.message).toBe(
      "Ärendet registrerades 2023-12-13; det kan inte ha kommit in senare.",
    );
    expect(fields({ title: "  " })).toEqual(["title"]);
  });
});

describe("linkPair", () => {
  it("orders the pair and refuses a self-link", () => {
    expect(linkPair("b", "a")).toEqual({ case_id: "a", linked_id: "b" });
    expect(linkPair("a", "b")).toEqual({ case_id: "a", linked_id: "b" });
    expect(linkPair("a", "a")).toBeNull();
  });
});
