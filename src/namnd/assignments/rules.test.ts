import { describe, expect, it } from "vitest";
import { replyMemo, timingOf } from "./reply-memo.ts";
import {
  answerProblems,
  assignmentOverdue,
  assignmentProblems,
  auditOverdue,
  auditProblems,
  type MotionState,
  stepProblems,
} from "./rules.ts";
import type { AuditFields } from "./schema.ts";

const today = "2024-02-10";
const anmald: MotionState = { status: "anmald", lastStepOn: "2023-11-07", referees: [] };
const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe("stepProblems", () => {
  it("takes only the next step", () => {
    expect(stepProblems(anmald, { status: "remitterad", occurredOn: "2023-11-21", referees: ["VO"] }, today)).toEqual(
      [],
    );
    expect(stepProblems(anmald, { status: "besvarad", occurredOn: "2023-11-21", referees: [] }, today)).toEqual([
      { field: "status", message: "Ärendet är anmäld; nästa steg är remitterad, inte besvarad." },
    ]);
    expect(fields(stepProblems(anmald, { status: "inkommen", occurredOn: "2023-11-21", referees: [] }, today))).toEqual(
      ["status"],
    );
    const done: MotionState = { ...anmald, status: "beslutad" };
    expect(stepProblems(done, { status: "beslutad", occurredOn: "2023-11-21", referees: [] }, today)[0]?.message).toBe(
      "Ärendet är redan beslutad.",
    );
  });

  it("refuses a date before the latest step or in the future", () => {
    const early = stepProblems(anmald, { status: "remitterad", occurredOn: "2023-11-06", referees: ["VO"] }, today);
    expect(early).toEqual([
      { field: "occurredOn", message: "Datumet kan inte ligga före föregående steg (2023-11-07)." },
    ]);
    expect(
      fields(stepProblems(anmald, { status: "remitterad", occurredOn: "2024-02-11", referees: ["VO"] }, today)),
    ).toEqual(["occurredOn"]);
  });

  it("asks a referral for its referees, each once, and keeps them off other steps", () => {
    expect(
      fields(stepProblems(anmald, { status: "remitterad", occurredOn: "2023-11-21", referees: [] }, today)),
    ).toEqual(["referees"]);
    expect(
      stepProblems(anmald, { status: "remitterad", occurredOn: "2023-11-21", referees: ["VO", "vo"] }, today)[0]
        ?.message,
    ).toBe("vo står två gånger.");
    const inkommen: MotionState = { ...anmald, status: "inkommen" };
    expect(
      fields(stepProblems(inkommen, { status: "anmald", occurredOn: "2023-11-21", referees: ["VO"] }, today)),
    ).toEqual(["referees"]);
  });

  it("answers only when every referee has", () => {
    const referred: MotionState = {
      status: "remitterad",
      lastStepOn: "2023-11-21",
      referees: [
        { referee: "VO", answeredOn: null },
        { referee: "IF", answeredOn: "2024-02-02" },
      ],
    };
    expect(stepProblems(referred, { status: "besvarad", occurredOn: "2024-02-05", referees: [] }, today)).toEqual([
      { field: "status", message: "Svar saknas från VO." },
    ]);
    const all = { ...referred, referees: referred.referees.map((r) => ({ ...r, answeredOn: "2024-02-02" })) };
    expect(stepProblems(all, { status: "besvarad", occurredOn: "2024-02-05", referees: [] }, today)).toEqual([]);
  });
});

describe("answerProblems", () => {
  const state = {
    status: "remitterad" as const,
    lastStepOn: "2023-11-21",
    referredOn: "2023-11-21",
    referees: [
      { referee: "Nämnden för Vård & Omsorg", answeredOn: null },
      { referee: "IF", answeredOn: "2024-02-02" },
    ],
  };
  it("takes a waiting referee's answer in any case, not before the referral nor in the future", () => {
    expect(answerProblems(state, { referee: "nämnden för vård & omsorg", answeredOn: "2024-02-05" }, today)).toEqual(
      [],
    );
    expect(
      fields(answerProblems(state, { referee: "Nämnden för Vård & Omsorg", answeredOn: "2023-11-20" }, today)),
    ).toEqual(["answeredOn"]);
    expect(
      fields(answerProblems(state, { referee: "Nämnden för Vård & Omsorg", answeredOn: "2024-02-11" }, today)),
    ).toEqual(["answeredOn"]);
  });
  it("refuses an unknown referee and a second answer", () => {
    expect(answerProblems(state, { referee: "KS", answeredOn: "2024-02-05" }, today)[0]?.message).toBe(
      "KS är inte remissinstans (remissinstanser: Nämnden för Vård & Omsorg, IF).",
    );
    expect(answerProblems(state, { referee: "IF", answeredOn: "2024-02-05" }, today)[0]?.message).toBe(
      "IF svarade redan 2024-02-02.",
    );
  });
});

describe("assignments", () => {
  const base = {
    decidedOn: "2022-12-15",
    dueOn: null,
    status: "pagaende" as const,
    closedOn: null,
    closingReference: null,
  };
  it("is fullgjort exactly with a closing date and §, not before it was given", () => {
    expect(assignmentProblems(base, today)).toEqual([]);
    expect(fields(assignmentProblems({ ...base, status: "fullgjort" }, today))).toEqual([
      "closedOn",
      "closingReference",
    ]);
    expect(
      assignmentProblems({ ...base, status: "fullgjort", closedOn: "2024-02-08", closingReference: "IF § 20" }, today),
    ).toEqual([]);
    expect(
      fields(
        assignmentProblems({ ...base, status: "fullgjort", closedOn: "2022-12-14", closingReference: "§ 1" }, today),
      ),
    ).toEqual(["closedOn"]);
    expect(fields(assignmentProblems({ ...base, closedOn: "2024-02-08" }, today))).toEqual(["status"]);
    expect(fields(assignmentProblems({ ...base, dueOn: "2022-12-14" }, today))).toEqual(["dueOn"]);
  });
  it("is overdue when pågående past its due date (not on it)", () => {
    expect(assignmentOverdue({ status: "pagaende", dueOn: "2024-02-09" }, today)).toBe(true);
    expect(assignmentOverdue({ status: "pagaende", dueOn: today }, today)).toBe(false);
    expect(assignmentOverdue({ status: "fullgjort", dueOn: "2024-02-09" }, today)).toBe(false);
    expect(assignmentOverdue({ status: "pagaende", dueOn: null }, today)).toBe(false);
  });
});

const audit: AuditFields = {
  title: "Granskning av kompetensförsörjning",
  auditor: "Kommunrevisionen (EY)",
  reportDate: "2023-12-18",
  registeredOn: "2023-12-21",
  replyDeadline: "2024-02-18",
  diarienummer: "IF-2023-00392",
  memoOn: "2024-01-16",
  repliedOn: null,
  questions: [{ text: "Q", assessments: [{ body: "IF", assessment: "ja" }] }],
  recommendations: [
    { recipient: "KS", toNamnd: false, text: "Styr.", actions: [] },
    {
      recipient: "IF",
      toNamnd: true,
      text: "Samverka.",
      actions: [
        {
          text: "Utreda.",
          responsible: "Verksamhetschef BmSS",
          timingNote: "eventuellt beslut våren 2024",
          status: "under_utredning",
        },
        { text: "Kartlägga.", responsible: null, status: "pagar" },
        { text: "Införa.", responsible: "HR-chef", startsOn: "2024-03-01", endsOn: "2024-06-30", status: "planerad" },
      ],
    },
  ],
};

describe("audits", () => {
  it("is overdue unanswered after the deadline, not on it", () => {
    expect(auditOverdue({ replyDeadline: "2024-02-18", repliedOn: null }, "2024-02-18")).toBe(false);
    expect(auditOverdue({ replyDeadline: "2024-02-18", repliedOn: null }, "2024-02-19")).toBe(true);
    expect(auditOverdue({ replyDeadline: "2024-02-18", repliedOn: "2024-02-15" }, "2024-02-19")).toBe(false);
  });

  it("checks the whole audit", () => {
    expect(auditProblems(audit, today)).toEqual([]);
    const bad: AuditFields = {
      ...audit,
      registeredOn: "2023-12-17",
      memoOn: "2024-03-01",
      questions: [
        {
          text: "Q",
          assessments: [
            { body: "IF", assessment: "ja" },
            { body: "if", assessment: "nej" },
          ],
        },
      ],
      recommendations: [
        {
          ...audit.recommendations[0],
          actions: [{ text: "x", status: "pagar" }],
        } as AuditFields["recommendations"][number],
      ],
    };
    expect(fields(auditProblems(bad, today))).toEqual([
      "registeredOn",
      "memoOn",
      "questions.0.assessments",
      "recommendations.0.actions",
    ]);
  });

  it('writes the reply for the nämnd\'s recommendations, with "saknas" where the register has no answer', () => {
    const memo = replyMemo(audit, "Nämnden för Individ & Familjeomsorg");
    expect(memo.recommendations).toEqual([
      {
        text: "Samverka.",
        actions: [
          {
            what: "Utreda.",
            when: "eventuellt beslut våren 2024",
            who: "Verksamhetschef BmSS",
            status: "Under utredning",
          },
          { what: "Kartlägga.", when: "saknas", who: "saknas", status: "Pågår" },
          { what: "Införa.", when: "2024-03-01 – 2024-06-30", who: "HR-chef", status: "Planerad" },
        ],
      },
    ]);
    expect(memo).toMatchObject({ actionCount: 3, missingTimings: 1, missingResponsible: 1 });
  });

  it("says when in words", () => {
    const none = { startsOn: null, endsOn: null, timingNote: null };
    expect(timingOf(none)).toBe("saknas");
    expect(timingOf({ ...none, startsOn: "2024-03-01" })).toBe("från 2024-03-01");
    expect(timingOf({ ...none, endsOn: "2024-06-30", timingNote: "beslut i juni" })).toBe(
      "senast 2024-06-30 (beslut i juni)",
    );
  });
});
