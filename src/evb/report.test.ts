import { describe, expect, it } from "vitest";
import { ivoTable, toCsv } from "./export.ts";
import { dashboard, offersText, partialText, quarterReport, type RegisterDecision } from "./report.ts";

const base: RegisterDecision = {
  id: "d1",
  personId: "19920404-T053",
  sex: "M",
  protectedIdentity: false,
  unit: { id: "u1", name: "Bostad med särskild service" },
  insats: { id: "i1", name: "Bostad med särskild service för vuxna, gruppbostad", law: "LSS", lagrum: "9 § 9 LSS" },
  decisionDate: "2022-03-16",
  executedDate: null,
  closedDate: null,
  closureReason: null,
  delayReason: { code: "tackat-nej", label: "Den enskilde har tackat nej" },
  reasonText: "Tackat nej till 4 erbjudanden",
  interimSupport: null,
  partsTotal: 1,
  partsExecuted: 0,
  offers: [
    { date: "2023-10-09", answer: "nej", note: null },
    { date: "2022-05-02", answer: "nej", note: "Ville bo närmare familjen" },
    { date: "2024-02-01", answer: "ja", note: null },
  ],
  interruptions: [],
};
const q4 = { year: 2023, quarter: 4 } as const;

describe("report details", () => {
  it("lists offers in date order with their answers", () => {
    expect(offersText(base.offers)).toBe(
      "2022-05-02 tackat nej (Ville bo närmare familjen); 2023-10-09 tackat nej; 2024-02-01 tackat ja",
    );
  });

  it("leaves offers made after the report date out of that quarter's IVO line", () => {
    const [line] = quarterReport([base], q4).ivo;
    expect(line?.offers).toBe("2022-05-02 tackat nej (Ville bo närmare familjen); 2023-10-09 tackat nej");
    expect(line?.declinedOffers).toBe(2);
  });

  it("describes partial execution only while the decision is open", () => {
    expect(partialText({ partsTotal: 2, partsExecuted: 1, executedDate: null })).toBe("1 av 2 insatser verkställda");
    expect(partialText({ partsTotal: 2, partsExecuted: 1, executedDate: "2024-01-22" })).toBeNull();
    expect(partialText({ partsTotal: 1, partsExecuted: 0, executedDate: null })).toBeNull();
  });

  it("falls back to the reason code's label, then to 'Skäl saknas', in the committee table", () => {
    const noText = { ...base, reasonText: null };
    const none = { ...base, id: "d2", personId: "19920404-T063", delayReason: null, reasonText: null };
    const [unit] = quarterReport([noText, none], q4).committee;
    expect(unit?.open.map((r) => r.reason)).toEqual(["Den enskilde har tackat nej", "Skäl saknas"]);
  });

  it("uses an interruption's own reason over the decision's", () => {
    const interrupted: RegisterDecision = {
      ...base,
      executedDate: "2022-04-01",
      interruptions: [
        {
          start: "2023-05-15",
          resumed: null,
          reason: { code: "halsotillstand", label: "Den enskildes hälsotillstånd" },
          reasonText: "Vårdas på sjukhus",
        },
      ],
    };
    const [line] = quarterReport([interrupted], q4).ivo;
    expect(line).toMatchObject({
      type: "avbrott",
      reasonCode: "halsotillstand",
      committeeReason: "Avbrott sedan 2023-05-15. Vårdas på sjukhus",
    });
  });

  it("groups the dashboard by band and counts only what is open on the day", () => {
    const board = dashboard(
      [base, { ...base, id: "d3", decisionDate: "2023-11-20" }, { ...base, id: "d4", executedDate: "2023-05-01" }],
      "2023-12-31",
    );
    expect(board.open).toBe(2);
    expect(board.byBand).toEqual({ under3: 1, "3-6": 0, "6-12": 0, over12: 1 });
    expect(board.byLaw).toEqual([{ key: "LSS", count: 2, reportable: 1, byBand: board.byBand }]);
    expect(board.nextReportDate).toBe("2023-12-31");
  });

  it("writes CSV for Swedish Excel: BOM, semicolons, quoted when needed", () => {
    const csv = toCsv(ivoTable(quarterReport([{ ...base, reasonText: 'Sa "nej"; vill vänta' }], q4).ivo));
    const [header, row] = csv.split("\r\n");
    expect(header?.startsWith("\uFEFFRapporttyp;Avser;")).toBe(true);
    expect(row).toContain(';"Sa ""nej""; vill vänta";');
    expect(row?.startsWith("Återrapportering;Beslut;Ja;19920404-T053;Man;Nej;")).toBe(true);
  });
});
