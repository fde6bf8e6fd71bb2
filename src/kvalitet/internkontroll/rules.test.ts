import { describe, expect, it } from "vitest";
import { checkAnswers, checkGranskning, checkIkRisk, checkPlanDecision, tallyAnswers } from "./rules.ts";

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe("internkontroll rules", () => {
  it("needs a reason for a risk left out of the plan only", () => {
    expect(fields(checkIkRisk({ toPlan: false, reason: null }))).toEqual(["reason"]);
    expect(checkIkRisk({ toPlan: false, reason: "Ingen kontanthantering." })).toEqual([]);
    expect(checkIkRisk({ toPlan: true, reason: null })).toEqual([]);
  });
  it("needs a result before saying whether there were deviations", () => {
    expect(fields(checkGranskning({ result: null, deviations: false }))).toEqual(["result"]);
    expect(checkGranskning({ result: "Inga avvikelser.", deviations: false })).toEqual([]);
    expect(checkGranskning({ result: null, deviations: null })).toEqual([]);
  });
  it("takes a plan adopted today or in the year before, not tomorrow or the year after", () => {
    const today = "2023-06-15";
    expect(checkPlanDecision({ year: 2023, adoptedOn: "2022-11-17" }, today)).toEqual([]);
    expect(checkPlanDecision({ year: 2023, adoptedOn: today }, today)).toEqual([]);
    expect(fields(checkPlanDecision({ year: 2023, adoptedOn: "2023-06-16" }, today))).toEqual(["adoptedOn"]);
    expect(fields(checkPlanDecision({ year: 2022, adoptedOn: "2023-01-02" }, today))).toEqual(["adoptedOn"]);
  });
  it("refuses unknown and repeated questions, naming the row", () => {
    const problems = checkAnswers(["a", "b"], [{ questionId: "a" }, { questionId: "x" }, { questionId: "a" }]);
    expect(fields(problems)).toEqual(["answers.1.questionId", "answers.2.questionId"]);
  });
  it("tallies answers per area in order, counting the unanswered", () => {
    const questions = [
      { id: "1", area: "Uppdrag och mål" },
      { id: "2", area: "Uppdrag och mål" },
      { id: "3", area: "Riskanalys" },
    ];
    const tally = tallyAnswers(
      questions,
      new Map([
        ["1", "omhandertaget"],
        ["3", "delvis"],
      ] as const),
    );
    expect(tally.areas).toEqual([
      { area: "Uppdrag och mål", omhandertaget: 1, delvis: 0, ej: 0, unanswered: 1, questions: 2 },
      { area: "Riskanalys", omhandertaget: 0, delvis: 1, ej: 0, unanswered: 0, questions: 1 },
    ]);
    expect(tally.total).toEqual({ omhandertaget: 1, delvis: 1, ej: 0, unanswered: 1, questions: 3 });
  });
});
