import { describe, expect, it } from "vitest";
import { checkReport, type Finding } from "./checks.ts";
import type { GoalSource } from "./styrning-sources.ts";
import { assembled2021, goalSource } from "./testing.ts";

const only = (findings: Finding[], severity: Finding["severity"]) => findings.filter((f) => f.severity === severity);

/** The 2021 report with the goal fixture, after `edit` breaks it. */
function withGoals(edit: (source: GoalSource) => void = () => {}, text?: string) {
  const source = goalSource();
  edit(source);
  return checkReport(
    assembled2021(
      (content) => {
        if (text) {
          content.chapters
            .find((c) => c.id === "mal")
            ?.blocks.push({ kind: "authored", id: "sammanfattning-mal", heading: "Sammanfattning", text });
        }
      },
      {},
      source,
    ),
  );
}

const goal = (source: GoalSource) => {
  const found = source.goals[0];
  if (!found) throw new Error("no goal");
  return found;
};

describe("the goal follow-up", () => {
  it("passes every check when titles, targets, assessment and values agree", () => {
    expect(withGoals()).toEqual([]);
  });

  it("blocks a target that points against its indicator's direction (C4 #9: ska öka, 'Lägre än utfallet')", () => {
    const findings = withGoals((s) => {
      const indicator = goal(s).indicators[1];
      if (indicator?.target) indicator.target.text = "Lägre än utfallet 2020";
    });
    expect(only(findings, "blocking")).toEqual([
      {
        check: "malriktning",
        severity: "blocking",
        chapter: "Uppföljning av mål",
        block: "Nämndens mål",
        row: "Andel nöjda brukare",
        message:
          'NM2 Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor, Andel nöjda brukare: målvärde 2021 "Lägre än utfallet 2020". Målvärdet pekar åt fel håll: indikatorn ska bli högre men målet anger ett tak.',
      },
    ]);
  });

  it("warns, without blocking, about a target below last year's outcome", () => {
    const findings = withGoals((s) => {
      const indicator = goal(s).indicators[1];
      if (indicator?.target) indicator.target.text = "Minst 90 %";
    });
    expect(only(findings, "blocking")).toEqual([]);
    expect(only(findings, "warning").map((f) => [f.check, f.row])).toEqual([["malniva", "Andel nöjda brukare"]]);
  });

  it("blocks a goal title that differs from the register", () => {
    const findings = withGoals((s) => {
      goal(s).title = "Vi erbjuder kvinnor och män insatser på lika villkor";
    });
    expect(only(findings, "blocking").map((f) => [f.check, f.row, f.message])).toEqual([
      [
        "maltitel",
        "NM2",
        'Målet heter "Vi erbjuder kvinnor och män insatser på lika villkor" i rapporten men "Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor" i målregistret.',
      ],
    ]);
  });

  it("blocks a near-miss quotation of a goal title in text (C4 #10: '…och öppen attityd')", () => {
    const findings = withGoals((s) => {
      goal(s).title = "Vi har en god arbetsmiljö med högt engagemang och en öppen attityd";
      goal(s).registerTitle = goal(s).title;
    }, 'Målet "Vi har en god arbetsmiljö med högt engagemang och öppen attityd" är på rätt väg.');
    expect(only(findings, "blocking")).toEqual([
      expect.objectContaining({
        check: "maltitel",
        chapter: "Uppföljning av mål",
        block: "Sammanfattning",
        row: "NM2 Vi har en god arbetsmiljö med högt engagemang och en öppen attityd",
        message:
          'Texten citerar målet som "Vi har en god arbetsmiljö med högt engagemang och öppen attityd" men målregistret säger "Vi har en god arbetsmiljö med högt engagemang och en öppen attityd".',
      }),
    ]);
    // The exact title quoted is fine.
    expect(
      only(
        withGoals(
          undefined,
          'Målet "Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor" följs upp.',
        ),
        "blocking",
      ),
    ).toEqual([]);
  });

  it("warns when the manual assessment contradicts the indicators", () => {
    const findings = withGoals((s) => {
      goal(s).assessment = { meaning: "achieved", label: "Målet nått", comment: "" };
    });
    expect(only(findings, "blocking")).toEqual([]);
    expect(only(findings, "warning")).toEqual([
      expect.objectContaining({
        check: "bedomning",
        row: "NM2 Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor",
        message:
          'Bedömningen "Målet nått" motsäger indikatorerna: 1 av 2 bedömbara indikatorer når målvärdet, 1 förbättras. Motivera avvikelsen i kommentaren eller ändra bedömningen.',
      }),
    ]);
  });

  it("warns about an indicator row without an outcome for the report year", () => {
    const findings = withGoals((s) => {
      const row = goal(s).indicators[0]?.rows[1];
      if (row) row.cells[3] = { value: null, text: "–" };
    });
    expect(only(findings, "warning").map((f) => [f.check, f.row, f.message])).toEqual([
      [
        "saknat-utfall",
        "Utredningstid LSS, dagar",
        "NM2 Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor, Utredningstid LSS, dagar: utfall 2021 saknas (Pojkar).",
      ],
    ]);
  });
});
