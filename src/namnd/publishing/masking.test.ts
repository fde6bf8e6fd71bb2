import { describe, expect, it } from "vitest";
import { textChecksum } from "./checksum.ts";
import {
  applyMasks,
  finalMasks,
  mergeSpans,
  publishedBlocks,
  reviewProblems,
  type Source,
  spanText,
} from "./masking.ts";
import { nameSpans, personnummerSpans, proposeMasks } from "./proposal.ts";

describe("the proposed masks", () => {
  it("finds personnummer in every written form, and not dates, amounts or diarienummer", () => {
    const text =
      "Sökande 19850312-1234, samordningsnr 850372+1234 och 8503121234; dnr IF-2023-00371, 125 000 kr, 2023-12-13.";
    const spans = personnummerSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["19850312-1234", "850372+1234", "8503121234"]);
  });

  it("finds a private person's name as whole words, in any case and in the genitive, not inside another word", () => {
    const text = "Skrivelse från Anna Svensson. anna  svensson och Anna Svenssons klagomål; Annas Svenssonska gård.";
    expect(nameSpans(text, "Anna Svensson").map((s) => text.slice(s.start, s.end))).toEqual([
      "Anna Svensson",
      "anna  svensson",
      "Anna Svenssons",
    ]);
    expect(nameSpans(text, "  ")).toEqual([]);
    expect(nameSpans("Pris (ca) 5 kr", "(ca)")).toHaveLength(1);
  });

  it("proposes both kinds over all blocks, in text order", () => {
    const blocks = [
      { style: "h2" as const, text: "1. Skrivelse", itemId: null },
      { style: "p" as const, text: "Bo Ek, 19850312-1234, skrev. Bo Ek igen.", itemId: null },
    ];
    expect(proposeMasks(blocks, ["Bo Ek", "Bo Ek"])).toEqual([
      { block: 1, start: 0, end: 5, kind: "namn" },
      { block: 1, start: 7, end: 20, kind: "personnummer" },
      { block: 1, start: 29, end: 34, kind: "namn" },
    ]);
  });
});

describe("merging and applying masks", () => {
  it("merges overlapping and touching spans; mixed kinds become 'maskerat'", () => {
    expect(
      mergeSpans([
        { start: 10, end: 15, kind: "namn" },
        { start: 0, end: 4, kind: "namn" },
        { start: 12, end: 20, kind: "personnummer" },
        { start: 20, end: 22, kind: "ovrigt" },
        { start: 2, end: 3, kind: "namn" },
      ]),
    ).toEqual([
      { start: 0, end: 4, kind: "namn" },
      { start: 10, end: 22, kind: "ovrigt" },
    ]);
  });

  it("replaces each span by its placeholder and keeps the rest", () => {
    const text = "Bo Ek, 19850312-1234, skrev.";
    expect(
      applyMasks(text, [
        { start: 7, end: 20, kind: "personnummer" },
        { start: 0, end: 5, kind: "namn" },
      ]),
    ).toBe("[namn], [personnummer], skrev.");
    expect(applyMasks(text, [])).toBe(text);
  });
});

const source: Source = {
  blocks: [
    { style: "p", text: "Nämnden, sammanträde 2024-02-15.", itemId: null },
    { style: "h2", text: "1. Skrivelse från Bo Ek", itemId: "a" },
    { style: "p", text: "Bo Ek, 19850312-1234, har skrivit.", itemId: "a" },
    { style: "h2", text: "2. Ansökan om bistånd för Li Berg", itemId: "b" },
    { style: "p", text: "Li Berg ansöker.", itemId: "b" },
  ],
  items: [
    { id: "a", label: "1." },
    { id: "b", label: "2." },
  ],
};

describe("the review", () => {
  const proposed = proposeMasks(source.blocks, ["Bo Ek"]);

  it("keeps proposals unless lifted, adds the reviewer's own with their reason", () => {
    const lifted = [{ ...(proposed[0] as (typeof proposed)[number]), reason: "Företrädare för en myndighet" }];
    const added = [{ block: 0, start: 0, end: 7, kind: "ovrigt" as const, reason: " Prövat " }];
    const masks = finalMasks(proposed, { added, lifted });
    expect(masks).toEqual([
      { block: 0, start: 0, end: 7, kind: "ovrigt", origin: "granskare", reason: "Prövat" },
      { block: 2, start: 0, end: 5, kind: "namn", origin: "forslag", reason: null },
      { block: 2, start: 7, end: 20, kind: "personnummer", origin: "forslag", reason: null },
    ]);
    expect(spanText(source.blocks, proposed[0] as (typeof proposed)[number])).toBe("Bo Ek");
  });

  it("refuses a lift that matches no proposal, spans outside the text, and missing reasons, naming each row", () => {
    const problems = reviewProblems(source.blocks, proposed, {
      added: [
        { block: 9, start: 0, end: 1, kind: "namn", reason: "x" },
        { block: 0, start: 5, end: 5, kind: "namn", reason: "x" },
        { block: 0, start: 0, end: 99, kind: "namn", reason: " " },
      ],
      lifted: [
        { block: 2, start: 0, end: 4, reason: "fel" },
        { block: 2, start: 0, end: 5, reason: "" },
        { block: 2, start: 0, end: 5, reason: "igen" },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      "added.0.block",
      "added.1.end",
      "added.2.end",
      "added.2.reason",
      "lifted.0",
      "lifted.1.reason",
      "lifted.2",
    ]);
    expect(reviewProblems(source.blocks, proposed, { added: [], lifted: [] })).toEqual([]);
  });

  it("publishes the masked text, and an item left out as its label and 'Utelämnad enligt OSL' only", () => {
    const masks = finalMasks(proposed, { added: [], lifted: [] });
    const out = publishedBlocks(source, masks, [{ itemId: "b", label: "2.", lagrum: "OSL 26 kap. 1 §" }]);
    expect(out).toEqual([
      { style: "p", text: "Nämnden, sammanträde 2024-02-15." },
      { style: "h2", text: "1. Skrivelse från [namn]" },
      { style: "p", text: "[namn], [personnummer], har skrivit." },
      { style: "h2", text: "2." },
      { style: "p", text: "Utelämnad enligt OSL 26 kap. 1 §" },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/Li Berg|Bo Ek|1234/);
  });
});

describe("the checksum", () => {
  it("is the sha256 of the blocks' styles and texts, changing with any of them", () => {
    const blocks = [{ style: "p", text: "a" }];
    expect(textChecksum(blocks)).toMatch(/^[0-9a-f]{64}$/);
    expect(textChecksum(blocks)).toBe(textChecksum([{ style: "p", text: "a" }]));
    expect(textChecksum(blocks)).not.toBe(textChecksum([{ style: "h2", text: "a" }]));
    expect(textChecksum(blocks)).not.toBe(textChecksum([{ style: "p", text: "b" }]));
    expect(textChecksum([{ style: "p", text: "ab" }])).not.toBe(
      textChecksum([
        { style: "p", text: "a" },
        { style: "p", text: "b" },
      ]),
    );
    // The item a block belongs to is not part of the text.
    expect(textChecksum([{ style: "p", text: "a", itemId: "x" } as { style: string; text: string }])).toBe(
      textChecksum(blocks),
    );
  });
});
