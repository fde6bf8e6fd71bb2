import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { labelled, labelledProblems, parseInput, pathLabel, strictInput } from "./validation.ts";

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
      {
        field: "extra",
        label: 'Fältet "extra"',
        message: "finns inte här – kontrollera stavningen eller ta bort fältet.",
      },
    ]);
    expect(error.message).toBe(
      "Innehållet är ogiltigt: Antal insatser: måste vara ett tal. Namn: måste fyllas i. " +
        'Lag: måste vara något av: "SoL", "LSS". Erbjudanden, rad 1 – Erbjudet datum: måste vara ett datum (ÅÅÅÅ-MM-DD). ' +
        'Fältet "extra": finns inte här – kontrollera stavningen eller ta bort fältet.',
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

describe("strict input", () => {
  const fieldsOf = (schema: z.ZodType, input: unknown) => {
    const result = strictInput(schema).safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.code]);
  };

  it("refuses unknown keys at every depth, through wrappers, arrays, unions and preprocessing", () => {
    const row = z.object({ date: z.string() });
    const nested = z.object({
      rows: z.array(row).optional(),
      pick: z.discriminatedUnion("kind", [z.object({ kind: z.literal("a") }), z.object({ kind: z.literal("b") })]),
      patch: row.partial().nullable().default(null),
      cleaned: z.preprocess((v) => v, row),
      checked: row.refine((r) => r.date !== "", "Ange datum."),
    });
    const ok = { pick: { kind: "a" }, cleaned: { date: "x" }, checked: { date: "x" } };
    expect(fieldsOf(nested, ok)).toEqual([]);
    expect(
      fieldsOf(nested, {
        ...ok,
        top: 1,
        rows: [{ date: "x" }, { date: "y", extra: 1 }],
        pick: { kind: "b", x: 1 },
        patch: { y: 1 },
        cleaned: { date: "x", z: 1 },
      }),
    ).toEqual([
      ["rows.1", "unrecognized_keys"],
      ["pick", "unrecognized_keys"],
      ["patch", "unrecognized_keys"],
      ["cleaned", "unrecognized_keys"],
      ["", "unrecognized_keys"],
    ]);
    // The schema's own checks still run on the strict copy.
    expect(fieldsOf(nested, { ...ok, checked: { date: "" } })).toEqual([["checked", "custom"]]);
  });

  it("keeps the explicit opt-outs: a loose object keeps unknown keys, a record and unknown take any", () => {
    const open = z.object({ loose: z.looseObject({ a: z.string() }), map: z.record(z.string(), z.number()) });
    expect(strictInput(open).parse({ loose: { a: "x", b: 2 }, map: { any: 1 } })).toEqual({
      loose: { a: "x", b: 2 },
      map: { any: 1 },
    });
    expect(strictInput(z.unknown()).parse({ anything: true })).toEqual({ anything: true });
  });

  it("keeps labels, defaults and the original schema as it was", () => {
    const plain = z.object({ n: labelled(z.number().default(1), "Antal"), inner: z.object({ a: z.string() }) });
    const strict = strictInput(plain);
    expect(pathLabel(strict, ["n"])).toBe("Antal");
    expect(strict.parse({ inner: { a: "x" } })).toEqual({ n: 1, inner: { a: "x" } });
    expect(plain.parse({ inner: { a: "x", b: 1 }, c: 2 })).toEqual({ n: 1, inner: { a: "x" } });
    // Converted once: the same schema gives the same strict copy, and a schema without objects is itself.
    expect(strictInput(plain)).toBe(strict);
    const scalar = z.string().optional();
    expect(strictInput(scalar)).toBe(scalar);
  });

  it("follows recursive schemas", () => {
    type Node = { name: string; children: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    expect(fieldsOf(node, { name: "a", children: [{ name: "b", children: [], x: 1 }] })).toEqual([
      ["children.0", "unrecognized_keys"],
    ]);
  });
});
