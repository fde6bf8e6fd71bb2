import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { labelled, labelledProblems, parseInput, pathLabel } from "./validation.ts";

const offer = z.object({ date: labelled(z.iso.date(), "Erbjudet datum"), note: z.string().optional() });
const schema = z.strictObject({
  decisionDate: labelled(z.iso.date(), "Beslutsdatum").optional(),
  parts: labelled(z.coerce.number().int().min(1).max(20), "Antal insatser").default(1),
  name: labelled(z.string().trim().min(1).max(5), "Namn").nullish(),
  law: labelled(z.enum(["SoL", "LSS"]), "Lag"),
  offers: labelled(z.array(offer).min(1), "Erbjudanden"),
});

function refusal(input: unknown) {
  try {
    parseInput(schema, input, "Innehållet är ogiltigt");
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error("not refused");
}

describe("labels", () => {
  it("name a position through optional, default, pipe and array wrappers, rows counted from 1", () => {
    expect(pathLabel(schema, ["decisionDate"])).toBe("Beslutsdatum");
    expect(pathLabel(schema, ["parts"])).toBe("Antal insatser");
    expect(pathLabel(schema, ["offers", 2, "date"])).toBe("Erbjudanden, rad 3 – Erbjudet datum");
    // An unlabelled step gives no label rather than half a name.
    expect(pathLabel(schema, ["offers", 0, "note"])).toBeUndefined();
    expect(pathLabel(schema, ["nothing"])).toBeUndefined();
  });

  it("label problems found by rules after parsing, leaving unknown fields as they are", () => {
    expect(
      labelledProblems(schema, [
        { field: "offers.1.date", message: "ligger före beslutet." },
        { field: "elsewhere", message: "x" },
      ]),
    ).toEqual([
      { field: "offers.1.date", label: "Erbjudanden, rad 2 – Erbjudet datum", message: "ligger före beslutet." },
      { field: "elsewhere", message: "x" },
    ]);
  });
});

describe("refusals in plain Swedish", () => {
  it("say what is wrong with each field by its label, without validator wording", () => {
    const error = refusal({ parts: "två", name: "", law: "SFB", offers: [{ date: "2024-02-30" }], extra: 1 });
    const problems = (error.details as { problems: { field: string; label?: string; message: string }[] }).problems;
    expect(problems).toEqual([
      { field: "parts", label: "Antal insatser", message: "måste vara ett tal." },
      { field: "name", label: "Namn", message: "måste fyllas i." },
      { field: "law", label: "Lag", message: 'måste vara något av: "SoL", "LSS".' },
      {
        field: "offers.0.date",
        label: "Erbjudanden, rad 1 – Erbjudet datum",
        message: "måste vara ett datum (ÅÅÅÅ-MM-DD).",
      },
      { field: "(hela värdet)", message: 'fältet "extra" finns inte här (felstavat eller för mycket?).' },
    ]);
    expect(error.message).toBe(
      "Innehållet är ogiltigt: Antal insatser: måste vara ett tal. Namn: måste fyllas i. " +
        'Lag: måste vara något av: "SoL", "LSS". Erbjudanden, rad 1 – Erbjudet datum: måste vara ett datum (ÅÅÅÅ-MM-DD). ' +
        'Fältet "extra" finns inte här (felstavat eller för mycket?).',
    );
    expect(error.details).toMatchObject({ heading: "Innehållet är ogiltigt" });
  });

  it("say a missing field is missing, and limits in sv-SE numbers", () => {
    const missing = refusal({});
    expect((missing.details as { problems: { field: string; message: string }[] }).problems).toEqual([
      { field: "law", label: "Lag", message: "saknas." },
      { field: "offers", label: "Erbjudanden", message: "saknas." },
    ]);
    const big = refusal({ parts: 25, name: "Sjusiffrig", law: "SoL", offers: [] });
    expect(big.message).toBe(
      "Innehållet är ogiltigt: Antal insatser: får inte vara större än 20. Namn: får ha högst 5 tecken. " +
        "Erbjudanden: måste ha minst en rad.",
    );
  });
});
