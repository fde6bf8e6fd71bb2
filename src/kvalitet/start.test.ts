import { describe, expect, it } from "vitest";
import { addDays } from "../platform/calendar.ts";
import { answerStatus } from "./klagomal/rules.ts";
import { lateIfStartedBefore } from "./start.ts";

describe("lateIfStartedBefore", () => {
  const today = "2024-03-05";
  const status = (start: string, acknowledged: boolean) =>
    answerStatus(
      {
        receivedOn: acknowledged ? addDays(start, -3) : start,
        acknowledgedOn: acknowledged ? start : null,
        answeredOn: null,
        anonymous: false,
      },
      today,
    );

  it("agrees with the 10-day rule on both sides of the cutoff, counted from the acknowledgement or the receipt", () => {
    const cutoff = lateIfStartedBefore(today);
    expect(cutoff).toBe("2024-02-24");
    for (const acknowledged of [true, false]) {
      expect(status(addDays(cutoff, -1), acknowledged)).toBe("forsenad");
      expect(status(cutoff, acknowledged)).toBe("obesvarad");
    }
  });
});
