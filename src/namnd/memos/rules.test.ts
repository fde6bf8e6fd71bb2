import { describe, expect, it } from "vitest";
import { memoDocument, memoFileName } from "./document.ts";
import {
  basisText,
  clauseText,
  editRefusal,
  type MemoContent,
  memoProblems,
  newVersionRefusal,
  readinessProblems,
} from "./rules.ts";
import { decisionVerbs } from "./vocabulary.ts";

const ifo = "Nämnden för Individ & Familjeomsorg";
const documents = [
  { id: "d1", title: "Revisionsrapport Kompetensförsörjning", documentDate: "2023-12-18", registeredOn: "2023-12-21" },
  { id: "d2", title: "Missiv", documentDate: null, registeredOn: "2023-12-21" },
];
const memo: MemoContent = {
  title: "Svar på revisionsrapport",
  memoDate: "2024-01-16",
  clauses: [{ verb: "antar-svar", text: "förvaltningens svar som sitt eget" }],
  summary: "Kommunrevisionen har granskat kompetensförsörjningen.",
  basis: [{ kind: "handling", documentId: "d1", issuer: "EY:s" }],
  recipients: ["Kommunrevisionen"],
  description: null,
  childAssessment: null,
  signatures: [{ name: "Fia Förvaltningschef", title: "Förvaltningschef" }],
};

describe("clauseText", () => {
  it("reads 'Nämnden för Individ & Familjeomsorg <verb> …' with the nämnd's real name and one full stop", () => {
    expect(clauseText({ verb: "godkanner", text: "redovisningen av ej verkställda beslut." }, ifo)).toBe(
      "Nämnden för Individ & Familjeomsorg godkänner redovisningen av ej verkställda beslut.",
    );
    expect(clauseText({ verb: "godkanner", text: "rapporten" }, "Socialnämnden")).toBe(
      "Socialnämnden godkänner rapporten.",
    );
  });

  it("puts a verb's suffix after the writer's text", () => {
    expect(clauseText({ verb: "noterar", text: "domar och beslut december–januari." }, ifo)).toBe(
      "Nämnden för Individ & Familjeomsorg noterar domar och beslut december–januari till protokollet.",
    );
    expect(clauseText({ verb: "remitterar-vidare", text: "initiativet till presidiet" }, ifo)).toBe(
      "Nämnden för Individ & Familjeomsorg remitterar initiativet till presidiet för vidare beredning.",
    );
  });

  it("words a complete verb alone, and a proposal to KF with Kommunfullmäktige as the subject", () => {
    expect(clauseText({ verb: "fullgjort", text: "" }, ifo)).toBe(
      "Nämnden för Individ & Familjeomsorg förklarar uppdraget fullgjort.",
    );
    expect(clauseText({ verb: "kf-avslar", text: "  " }, ifo)).toBe("Kommunfullmäktige avslår motionen.");
    expect(clauseText({ verb: "kf-bifaller", text: "i sin helhet" }, ifo)).toBe(
      "Kommunfullmäktige bifaller motionen i sin helhet.",
    );
  });

  it("covers every verb of B3 with a distinct code", () => {
    expect(new Set(decisionVerbs.map((v) => v.code)).size).toBe(decisionVerbs.length);
    expect(decisionVerbs.map((v) => v.label)).toEqual(
      expect.arrayContaining([
        "godkänner",
        "noterar … till protokollet",
        "förklarar uppdraget fullgjort",
        "anser initiativet besvarat",
        "antar svar",
        "avger yttrande",
        "fördelar",
        "uppdrar åt förvaltningen",
        "förslag till KF: avslår motionen",
        "förslag till KF: bifaller motionen",
      ]),
    );
  });
});

describe("basisText", () => {
  it("cites a document of the case by issuer, title and its own date (else its registration date)", () => {
    expect(basisText({ kind: "handling", documentId: "d1", issuer: "EY:s" }, documents)).toBe(
      "EY:s Revisionsrapport Kompetensförsörjning, 2023-12-18",
    );
    expect(basisText({ kind: "handling", documentId: "d2", issuer: null }, documents)).toBe("Missiv, 2023-12-21");
  });

  it("cites a protocol paragraph as '<body>, YYYY-MM-DD § n' and another document by title and date", () => {
    expect(basisText({ kind: "protokoll", body: "Kommunfullmäktige", date: "2023-11-07", paragraph: 177 }, [])).toBe(
      "Kommunfullmäktige, 2023-11-07 § 177",
    );
    expect(
      basisText({ kind: "annan", issuer: "Förvaltningens", title: "tjänsteskrivelse", date: "2024-01-16" }, []),
    ).toBe("Förvaltningens tjänsteskrivelse, 2024-01-16");
  });
});

describe("memoProblems", () => {
  it("accepts a whole memo", () => {
    expect(memoProblems(memo, documents, "2024-01-16")).toEqual([]);
  });

  it("wants at least one clause, and the rest of the sentence for a verb that needs it", () => {
    expect(memoProblems({ ...memo, clauses: [] }, documents, "2024-01-16")).toEqual([
      { field: "clauses", message: "Förslag till beslut behöver minst en beslutssats." },
    ]);
    const problems = memoProblems(
      {
        ...memo,
        clauses: [
          { verb: "kf-avslar", text: "" },
          { verb: "noterar", text: " " },
        ],
      },
      documents,
      "2024-01-16",
    );
    expect(problems).toEqual([
      { field: "clauses.1.text", message: "Skriv vad nämnden noterar till protokollet (beslutssats 2)." },
    ]);
  });

  it("refuses underlag dated after today, a document not in the case, and a recipient twice", () => {
    const problems = memoProblems(
      {
        ...memo,
        basis: [
          { kind: "protokoll", body: "Kommunfullmäktige", date: "2024-01-17", paragraph: 3 },
          { kind: "handling", documentId: "elsewhere", issuer: null },
          { kind: "annan", issuer: null, title: "Motion", date: "2024-01-16" },
        ],
        recipients: ["Kommunstyrelsen", "kommunstyrelsen "],
      },
      documents,
      "2024-01-16",
    );
    expect(problems.map((p) => p.field)).toEqual(["basis.0.date", "basis.1.documentId", "recipients.1"]);
    expect(problems[0]?.message).toContain("2024-01-17, i framtiden");
  });
});

describe("readinessProblems", () => {
  it("wants a summary and a signature before klar, and every question answered in a barnets bästa-prövning", () => {
    expect(readinessProblems(memo)).toEqual([]);
    expect(readinessProblems({ ...memo, summary: " ", signatures: [] }).map((p) => p.field)).toEqual([
      "summary",
      "signatures",
    ]);
    const partly = readinessProblems({
      ...memo,
      childAssessment: [
        { question: "berorda", answer: "Barn i familjehem." },
        { question: "konsekvenser", answer: "" },
      ],
    });
    expect(partly.map((p) => p.field)).toEqual([
      "childAssessment.delaktighet",
      "childAssessment.konsekvenser",
      "childAssessment.avvagning",
    ]);
  });
});

describe("locking and versions", () => {
  it("lets a draft be edited, not a klar memo; a new version only of the newest klar one", () => {
    expect(editRefusal("utkast")).toBeNull();
    expect(editRefusal("klar")).toContain("låst");
    expect(newVersionRefusal("klar", null)).toBeNull();
    expect(newVersionRefusal("utkast", null)).toContain("utkast");
    expect(newVersionRefusal("klar", "newer")).toContain("nyare version");
  });
});

describe("memoDocument", () => {
  const frame = {
    status: "klar" as const,
    version: 1,
    letterhead: true,
    department: "Förvaltningen för Individ & Familjeomsorg",
    handler: { name: "Nora Nämndsekreterare", title: "Nämndsekreterare", phone: null },
  };
  const context = { namndName: ifo, municipality: "Kungsbacka kommun", diarienummer: "IF-2023-00392", documents };

  it("lays a memo out in B2's order, splitting nämnd clauses from proposals to KF", () => {
    const doc = memoDocument(
      {
        ...memo,
        clauses: [...memo.clauses, { verb: "kf-bifaller", text: "" }],
        summary: "Första stycket.\n\nAndra stycket.",
        description: "Bakgrund.",
      },
      frame,
      context,
    );
    expect(doc.kind).toBe("TJÄNSTESKRIVELSE");
    expect(doc.letterhead).toEqual({
      municipality: "Kungsbacka kommun",
      department: "Förvaltningen för Individ & Familjeomsorg",
      date: "2024-01-16",
      diarienummer: "IF-2023-00392",
      handler: { name: "Nora Nämndsekreterare", title: "Nämndsekreterare" },
    });
    expect(doc.blocks.map((b) => b.heading)).toEqual([
      "Förslag till beslut",
      "Förslag till Kommunfullmäktige",
      "Sammanfattning av ärendet",
      "Beslutsunderlag",
      "Beslutet skickas till",
      "Beskrivning av ärendet",
    ]);
    expect(doc.blocks[0]?.list).toEqual([
      "Nämnden för Individ & Familjeomsorg antar förvaltningens svar som sitt eget.",
    ]);
    expect(doc.blocks[1]?.list).toEqual(["Kommunfullmäktige bifaller motionen."]);
    expect(doc.blocks[2]?.paragraphs).toEqual(["Första stycket.", "Andra stycket."]);
    expect(doc.blocks[3]?.list).toEqual(["EY:s Revisionsrapport Kompetensförsörjning, 2023-12-18"]);
    expect(doc.footer).toBeUndefined();
  });

  it("marks a draft and a later version in the footer, leaves the letterhead out when asked, and adds the prövning", () => {
    const doc = memoDocument(
      { ...memo, childAssessment: [{ question: "berorda", answer: "Barn som bor i familjehem." }] },
      { ...frame, status: "utkast", version: 2, letterhead: false },
      context,
    );
    expect(doc.letterhead).toBeUndefined();
    expect(doc.footer).toBe("UTKAST – inte klar · Version 2");
    const at = doc.blocks.findIndex((b) => b.heading === "Barnets bästa-prövning");
    expect(doc.blocks.slice(at + 1).map((b) => [b.level, b.paragraphs])).toEqual([
      [3, ["Barn som bor i familjehem."]],
      [3, []],
      [3, []],
      [3, []],
    ]);
  });

  it("names the download after the diarienummer and the version", () => {
    expect(memoFileName("IF-2024-00012", 1, "docx")).toBe("IF-2024-00012-tjansteskrivelse.docx");
    expect(memoFileName("IF-2024-00012", 3, "pdf")).toBe("IF-2024-00012-tjansteskrivelse-v3.pdf");
  });
});
