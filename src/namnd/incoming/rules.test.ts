import { describe, expect, it } from "vitest";
import { checkLetter, checkRuling, derivedWon, rulingLine, rulingSections } from "./rules.ts";
import type { RulingFields } from "./schema.ts";

const today = "2024-02-01";
const court: RulingFields = {
  issuer: "KR",
  kind: "beslut",
  caseNumber: "Mål nr 7405 - 23",
  decidedOn: "2024-01-30",
  registeredOn: "2024-01-31",
  appellant: "namnden",
  subject: "Personlig assistans",
  law: "LSS 9 § 2",
  outcome: "ej_provningstillstand",
};
const fieldsOf = (r: ReturnType<typeof checkRuling>) => r.problems.map((p) => p.field).sort();

describe("derivedWon", () => {
  it("counts a rejected appeal by the individual as won and one by the nämnd as lost", () => {
    expect(derivedWon("individen", "avslar_overklagandet")).toBe(true);
    expect(derivedWon("individen", "ej_provningstillstand")).toBe(true);
    expect(derivedWon("individen", "avslar_interimistiskt")).toBe(true);
    expect(derivedWon("individen", "bifaller")).toBe(false);
    expect(derivedWon("individen", "upphaver")).toBe(false);
    expect(derivedWon("namnden", "ej_provningstillstand")).toBe(false);
    expect(derivedWon("namnden", "bifaller")).toBe(true);
  });

  it("does not tell for a case written off or sent back after the nämnd's appeal", () => {
    expect(derivedWon("individen", "avskriver")).toBeNull();
    expect(derivedWon("namnden", "aterforvisar")).toBeNull();
    expect(derivedWon(null, "bifaller")).toBeNull();
  });
});

describe("checkRuling", () => {
  it("writes the mål nr in its one form and derives the result", () => {
    const { ruling } = checkRuling(court, today, "IF");
    expect(ruling).toMatchObject({ caseNumber: "7405-23", won: false, paragraph: null });
  });

  it("takes decision and registration on the same day, and today", () => {
    expect(checkRuling({ ...court, decidedOn: today, registeredOn: today }, today, "IF").problems).toEqual([]);
  });

  it("refuses dates in the future and a decision after its registration", () => {
    expect(
      fieldsOf(checkRuling({ ...court, decidedOn: "2024-02-02", registeredOn: "2024-02-02" }, today, "IF")),
    ).toEqual(["decidedOn", "registeredOn"]);
    const late = checkRuling({ ...court, decidedOn: "2024-01-31", registeredOn: "2024-01-30" }, today, "IF");
    expect(late.problems).toEqual([
      {
        field: "registeredOn",
        message: "Registreringsdatumet kan inte ligga före dom- eller beslutsdatumet 2024-01-31.",
      },
    ]);
  });

  it("asks a court row for mål nr (NNNN-YY), appellant and outcome", () => {
    expect(fieldsOf(checkRuling({ ...court, caseNumber: null, appellant: null, outcome: null }, today, "IF"))).toEqual([
      "appellant",
      "caseNumber",
      "outcome",
    ]);
    expect(fieldsOf(checkRuling({ ...court, caseNumber: "IVO 3.5.1-12345/2023-2" }, today, "IF"))).toEqual([
      "caseNumber",
    ]);
  });

  it("keeps court fields off other rows and asks KF/KS for their §", () => {
    const ks = { ...court, issuer: "KS" as const };
    expect(fieldsOf(checkRuling(ks, today, "IF"))).toEqual(["appellant", "caseNumber", "outcome", "paragraph"]);
    const fine = checkRuling(
      { ...ks, caseNumber: null, appellant: null, outcome: null, paragraph: 13, subject: "Riktlinje" },
      today,
      "IF",
    );
    expect(fine.ruling).toMatchObject({ paragraph: 13, won: null });
  });

  it("reads IVO's and IMY's references in their forms and asks another authority's name", () => {
    const ivo = checkRuling(
      {
        ...court,
        issuer: "IVO",
        caseNumber: null,
        appellant: null,
        outcome: null,
        authorityReference: "IVO 3.5.1 - 41234/2023-3",
      },
      today,
      "IF",
    );
    expect(ivo.ruling?.authorityReference).toBe("3.5.1-41234/2023-3");
    const imy = checkRuling(
      { ...court, issuer: "IMY", caseNumber: null, appellant: null, outcome: null, authorityReference: "7405-23" },
      today,
      "IF",
    );
    expect(fieldsOf(imy)).toEqual(["authorityReference"]);
    const other = checkRuling(
      { ...court, issuer: "ANNAN", caseNumber: null, appellant: null, outcome: null },
      today,
      "IF",
    );
    expect(fieldsOf(other)).toEqual(["issuerName"]);
  });

  it("asks another appellant to be described and refuses a result contradicting the outcome", () => {
    const other = checkRuling({ ...court, appellant: "annan" }, today, "IF");
    expect(fieldsOf(other)).toEqual(["appellantOther"]);
    expect(fieldsOf(checkRuling({ ...court, won: true }, today, "IF"))).toEqual(["won"]);
    const open = checkRuling({ ...court, appellant: "individen", outcome: "avskriver", won: true }, today, "IF");
    expect(open.ruling?.won).toBe(true);
  });

  it("takes only the nämnd's own diarienummer", () => {
    expect(checkRuling({ ...court, diarienummer: "IF 2024-00012" }, today, "IF").ruling?.diarienummer).toBe(
      "IF-2024-00012",
    );
    expect(fieldsOf(checkRuling({ ...court, diarienummer: "KS-2023-00710" }, today, "IF"))).toEqual(["diarienummer"]);
  });
});

describe("checkLetter", () => {
  const letter = {
    diarienummer: "IF- 2024-00019",
    registeredOn: "2024-01-18",
    sender: "Arbetsmiljöverket",
    senderKind: "myndighet" as const,
    subject: "Föranmälan av inspektion",
  };
  it("writes the diarienummer canonical and refuses a future registration", () => {
    expect(checkLetter(letter, today, "IF").letter?.diarienummer).toBe("IF-2024-00019");
    expect(checkLetter({ ...letter, registeredOn: "2024-02-02" }, today, "IF").problems.map((p) => p.field)).toEqual([
      "registeredOn",
    ]);
    expect(checkLetter({ ...letter, diarienummer: "hej" }, today, "IF").problems.map((p) => p.field)).toEqual([
      "diarienummer",
    ]);
  });
});

describe("rulingSections", () => {
  const row = (issuer: RulingFields["issuer"], registeredOn: string, paragraph: number | null = null) => ({
    issuer,
    registeredOn,
    decidedOn: "2023-12-01",
    paragraph,
  });
  it("prints KR, FR, IMY, IVO, KF, KS always, HFD and other authorities only with rows, rows by registration", () => {
    expect(rulingSections([]).map((s) => s.key)).toEqual(["KR", "FR", "IMY", "IVO", "KF", "KS"]);
    const sections = rulingSections([
      row("KF", "2023-12-18", 200),
      row("KF", "2023-12-18", 189),
      row("FR", "2024-01-08"),
      row("FR", "2023-12-04"),
      row("HFD", "2024-01-02"),
    ]);
    expect(sections.map((s) => s.key)).toEqual(["HFD", "KR", "FR", "IMY", "IVO", "KF", "KS"]);
    expect(sections[2]?.rows.map((r) => r.registeredOn)).toEqual(["2023-12-04", "2024-01-08"]);
    expect(sections[5]?.rows.map((r) => r.paragraph)).toEqual([189, 200]);
  });
});

describe("rulingLine", () => {
  it("prints an authority row with the nämnd's and the authority's references, KF/KS as § and title", () => {
    const base = { ...court, caseNumber: null, appellant: null, outcome: null, law: null, issuerName: null };
    expect(
      rulingLine(
        {
          ...base,
          issuer: "IMY",
          decidedOn: "2023-12-19",
          diarienummer: "IF-2024-00012",
          authorityReference: "IMY-2023-12345",
          subject: "Anmäld personuppgiftsincident",
          consequence: "Ärendet avslutas utan åtgärd.",
          paragraph: null,
        },
        null,
      ),
    ).toBe(
      "Beslut IF-2024-00012, IMY-2023-12345, 2023-12-19. Anmäld personuppgiftsincident. Ärendet avslutas utan åtgärd.",
    );
    expect(
      rulingLine(
        {
          ...base,
          issuer: "KF",
          paragraph: 189,
          subject: "Taxor",
          diarienummer: null,
          authorityReference: null,
          consequence: null,
        },
        null,
      ),
    ).toBe("§ 189 Taxor");
  });
});
