import { describe, expect, it } from "vitest";
import { answerDueOn, answeredLate, answerStatus, type ComplaintState, checkComplaint } from "./rules.ts";

const dates = (s: Partial<ComplaintState> = {}) => ({
  receivedOn: "2023-03-01",
  acknowledgedOn: "2023-03-02",
  answeredOn: null,
  anonymous: false,
  ...s,
});
const state = (s: Partial<ComplaintState> = {}): ComplaintState => ({
  ...dates(),
  type: "klagomal",
  category: "bemotande",
  closedOn: null,
  ...s,
});

describe("the 10-day answer rule", () => {
  it("counts 10 calendar days from the acknowledgement, or from the receipt without one", () => {
    expect(answerDueOn(dates())).toBe("2023-03-12");
    expect(answerDueOn(dates({ acknowledgedOn: null }))).toBe("2023-03-11");
    // Across a month end and a leap day.
    expect(answerDueOn(dates({ receivedOn: "2024-02-20", acknowledgedOn: "2024-02-22" }))).toBe("2024-03-03");
  });

  it("answers on the 10th day in time and on the 11th late", () => {
    expect(answerStatus(dates({ answeredOn: "2023-03-12" }), "2023-04-01")).toBe("besvarad_i_tid");
    expect(answerStatus(dates({ answeredOn: "2023-03-13" }), "2023-04-01")).toBe("besvarad_sent");
    expect(answerStatus(dates({ answeredOn: "2023-03-02" }), "2023-04-01")).toBe("besvarad_i_tid");
  });

  it("is unanswered up to the 10th day and overdue from the 11th", () => {
    expect(answerStatus(dates(), "2023-03-12")).toBe("obesvarad");
    expect(answerStatus(dates(), "2023-03-13")).toBe("forsenad");
    expect(answerStatus(dates({ acknowledgedOn: null }), "2023-03-12")).toBe("forsenad");
  });

  it("does not count an answer given after the day asked about", () => {
    expect(answerStatus(dates({ answeredOn: "2023-03-10" }), "2023-03-09")).toBe("obesvarad");
    expect(answerStatus(dates({ answeredOn: "2023-03-20" }), "2023-03-15")).toBe("forsenad");
  });

  it("never holds an anonymous sender late, but counts an answer given anyway", () => {
    expect(answerStatus(dates({ anonymous: true }), "2023-12-31")).toBe("anonym");
    expect(answerStatus(dates({ anonymous: true, answeredOn: "2023-03-05" }), "2023-12-31")).toBe("besvarad_i_tid");
  });

  it("calls late what was answered late or is overdue, nothing else", () => {
    expect(answeredLate("besvarad_sent")).toBe(true);
    expect(answeredLate("forsenad")).toBe(true);
    expect(answeredLate("besvarad_i_tid")).toBe(false);
    expect(answeredLate("obesvarad")).toBe(false);
    expect(answeredLate("anonym")).toBe(false);
  });
});

describe("checking a synpunkt or klagomål", () => {
  const today = "2023-06-01";
  const fields = (s: Partial<ComplaintState>) => checkComplaint(state(s), today).map((p) => p.field);

  it("accepts a whole, consistent record", () => {
    expect(checkComplaint(state({ answeredOn: "2023-03-05", closedOn: "2023-03-06" }), today)).toEqual([]);
    expect(checkComplaint(state({ receivedOn: today, acknowledgedOn: today, answeredOn: today }), today)).toEqual([]);
  });

  it("refuses dates in the future, the day after today at the earliest", () => {
    expect(fields({ receivedOn: "2023-06-02", acknowledgedOn: null })).toEqual(["receivedOn"]);
    expect(fields({ acknowledgedOn: "2023-06-02" })).toEqual(["acknowledgedOn"]);
    expect(fields({ answeredOn: "2023-06-02" })).toEqual(["answeredOn"]);
    expect(checkComplaint(state({ receivedOn: "2023-06-02", acknowledgedOn: null }), today)[0]?.message).toBe(
      "Mottagningsdatumet 2023-06-02 ligger i framtiden.",
    );
  });

  it("refuses acknowledgement, answer and closing before the receipt, and an answer before the acknowledgement", () => {
    expect(fields({ acknowledgedOn: "2023-02-28" })).toEqual(["acknowledgedOn"]);
    expect(fields({ acknowledgedOn: null, answeredOn: "2023-02-28" })).toEqual(["answeredOn"]);
    expect(fields({ acknowledgedOn: "2023-03-05", answeredOn: "2023-03-04" })).toEqual(["answeredOn"]);
  });

  it("needs a category on klagomål and synpunkter, not on beröm and förslag", () => {
    expect(fields({ category: null })).toEqual(["category"]);
    expect(fields({ type: "synpunkt", category: null })).toEqual(["category"]);
    expect(fields({ type: "berom", category: null })).toEqual([]);
    expect(fields({ type: "forslag", category: null })).toEqual([]);
  });

  it("closes only what is answered (or anonymous), not before the answer", () => {
    expect(fields({ closedOn: "2023-03-10" })).toEqual(["closedOn"]);
    expect(fields({ closedOn: "2023-03-10", anonymous: true })).toEqual([]);
    expect(fields({ answeredOn: "2023-03-10", closedOn: "2023-03-09" })).toEqual(["closedOn"]);
    expect(fields({ answeredOn: "2023-03-10", closedOn: "2023-03-10" })).toEqual([]);
  });
});
