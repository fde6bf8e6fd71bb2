// The internkontroll follow-up report to KS (brief A7 "Report"), computed from a year's data without I/O:
// 4.1 the risk analysis, 4.2 the risks left out and why, 5.1 each granskning, 5.2 risks with their
// granskningar and åtgärder (done and planned), 7 the självskattning.
import { isClosedStatus } from "../kvalitetsplan/vocabulary.ts";
import type { YearView } from "./ik-read-service.ts";

export function followUpReport(v: YearView) {
  const toPlan = v.risks.filter((r) => r.toPlan);
  const atgarder = v.granskningar.flatMap((g) => g.atgarder);
  return {
    namnd: v.namnd,
    year: v.year,
    plan: v.plan,
    summary: {
      risks: v.risks.length,
      toPlan: toPlan.length,
      common: toPlan.filter((r) => r.common).length,
      own: toPlan.filter((r) => !r.common).length,
      levelCounts: v.levelCounts,
      granskningar: v.granskningar.length,
      withDeviations: v.granskningar.filter((g) => g.deviations === true).length,
      atgarderDone: atgarder.filter((a) => isClosedStatus(a.status)).length,
      atgarderPlanned: atgarder.filter((a) => !isClosedStatus(a.status)).length,
    },
    /** 4.1 Kategorier / Matrisnr / Risker / Till plan. */
    riskAnalysis: v.risks.map((r) => ({
      category: r.category,
      nr: r.nr,
      description: r.description,
      common: r.common,
      level: r.level.name,
      toPlan: r.toPlan,
    })),
    /** 4.2 … / Anledning: the risks not taken to the plan. */
    notToPlan: v.risks
      .filter((r) => !r.toPlan)
      .map((r) => ({ category: r.category, nr: r.nr, description: r.description, reason: r.reason ?? "" })),
    /** 5.1 per granskning. */
    granskningar: v.granskningar.map((g) => ({
      nr: g.nr,
      title: g.title,
      riskNrs: g.risks.map((r) => r.nr),
      method: g.method,
      frequency: g.frequency,
      responsible: g.responsible,
      result: g.result,
      deviations: g.deviations,
      verdict: g.verdict,
    })),
    /** 5.2 Risker / Enhet / Granskningsaktiviteter / Åtgärder, done and planned. */
    followUp: toPlan.map((r) => {
      const audits = v.granskningar.filter((g) => g.risks.some((x) => x.id === r.id));
      const measures = audits.flatMap((g) => g.atgarder);
      return {
        nr: r.nr,
        risk: r.description,
        responsible: [...new Set(audits.map((g) => g.responsible))].join(", "),
        activities: audits.map((g) => `${g.nr} ${g.title}`),
        done: measures.filter((a) => isClosedStatus(a.status)).map((a) => a.text),
        planned: measures.filter((a) => !isClosedStatus(a.status)).map((a) => a.text),
      };
    }),
    /** 7 Självskattning. */
    selfAssessment: v.tally,
  };
}
