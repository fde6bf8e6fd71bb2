// What a caller reads when input is refused, through real routes over HTTP: plain Swedish naming the field by
// its label (and row), never the validator's wording or an internal path; unknown fields refused by name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const someId = "3f1c1d2e-0000-4000-8000-000000000001";
const decision = {
  orgNodeId: someId,
  personId: "19850312-T123",
  insatsId: someId,
  decisionDate: "2026-01-05",
};
const unknownField = "finns inte här – kontrollera stavningen eller ta bort fältet.";

type Case = { what: string; method: "GET" | "POST" | "PATCH"; url: string; body?: unknown; message: string };

const cases: Case[] = [
  {
    what: "wrong type",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, partsTotal: "3" },
    message: "Innehållet är ogiltigt: Antal insatser i beslutet: måste vara ett tal.",
  },
  {
    what: "wrong type, yes or no",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, protectedIdentity: "ja" },
    message: "Innehållet är ogiltigt: Skyddad identitet: måste vara ja eller nej.",
  },
  {
    what: "missing required field",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, decisionDate: undefined },
    message: "Innehållet är ogiltigt: Beslutsdatum: saknas.",
  },
  {
    what: "bad enum value",
    method: "POST",
    url: "/api/org/nodes",
    body: { parentId: someId, kind: "avdelning", name: "Enhet X" },
    message:
      'Innehållet är ogiltigt: Nivå: måste vara något av: "namnd", "utskott", "forvaltning", "verksamhetsomrade", "enhet".',
  },
  {
    what: "too short string",
    method: "POST",
    url: "/api/org/nodes",
    body: { parentId: someId, kind: "enhet", name: " " },
    message: "Innehållet är ogiltigt: Namn: måste fyllas i.",
  },
  {
    what: "too long string",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, personId: "1".repeat(41) },
    message: "Innehållet är ogiltigt: Id: får ha högst 40 tecken.",
  },
  {
    what: "bad date",
    method: "POST",
    url: `/api/admin/users/${someId}/roles`,
    body: { role: "handlaggare", orgNodeId: someId, validUntil: "2026-02-30" },
    message: "Innehållet är ogiltigt: Behörighet gäller till och med: måste vara ett datum (ÅÅÅÅ-MM-DD).",
  },
  {
    what: "bad uuid",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, insatsId: "nope" },
    message: "Innehållet är ogiltigt: Insats: måste vara ett id (UUID).",
  },
  {
    what: "number out of range",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, partsTotal: 99 },
    message: "Innehållet är ogiltigt: Antal insatser i beslutet: får inte vara större än 20.",
  },
  {
    what: "unknown field",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, decidedBy: "KF" },
    message: `Innehållet är ogiltigt: Fältet "decidedBy": ${unknownField}`,
  },
  {
    what: "in a nested array: bad value and unknown field on row 3",
    method: "POST",
    url: "/api/evb/decisions",
    body: { ...decision, offers: [{ date: "2026-01-07" }, { date: "2026-01-08" }, { date: "2026-01-09", extra: 1 }] },
    message: `Innehållet är ogiltigt: Erbjudanden, rad 3 – fältet "extra": ${unknownField}`,
  },
  {
    what: "not an object",
    method: "POST",
    url: "/api/evb/decisions",
    body: [decision],
    message: "Innehållet är ogiltigt: Måste vara ett objekt med fält.",
  },
  {
    what: "no body at all",
    method: "POST",
    url: "/api/evb/decisions",
    message: "Innehållet saknas: skicka uppgifterna som JSON (application/json).",
  },
  {
    what: "unknown query parameter",
    method: "GET",
    url: "/api/evb/decisions?status=oppna&sorting=name",
    message: `Frågan är ogiltig: Fältet "sorting": ${unknownField}`,
  },
  {
    what: "bad id in the path",
    method: "PATCH",
    url: "/api/evb/decisions/nope",
    body: { partsTotal: 2 },
    message: "Sökvägen är ogiltig: Beslutets id: måste vara ett id (UUID).",
  },
];

// Words of zod's English messages and its Swedish locale, and a dotted path such as offers.2.date.
const validatorWording =
  /\b(expected|received|invalid|required|unrecognized|string|number|enum|ogiltig inmatning|förväntat?)\b|\w\.\d+\.\w/i;

describe("a refused request", () => {
  it.each(cases)("says in plain Swedish what is wrong: $what", async ({ method, url, body, message }) => {
    const admin = await t.as("admin");
    const before = await countRows(t.database.db, "audit_log");
    const res = await admin.request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toBe(message);
    expect(res.json().message).not.toMatch(validatorWording);
    expect(await countRows(t.database.db, "audit_log")).toBe(before);
  });

  it("lists each problem apart with its field, its label and the row it is on", async () => {
    const admin = await t.as("admin");
    const res = await admin.post("/api/evb/decisions", {
      ...decision,
      decidedBy: "KF",
      offers: [{ date: "2026-01-07" }, { date: "2026-02-30", answer: "kanske", extra: 1 }],
    });
    expect(res.json().details).toEqual({
      heading: "Innehållet är ogiltigt",
      problems: [
        {
          field: "offers.1.date",
          label: "Erbjudanden, rad 2 – Erbjudet datum",
          message: "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.",
        },
        { field: "offers.1.answer", label: "Erbjudanden, rad 2 – Svar", message: "Svaret ska vara ja eller nej." },
        { field: "offers.1.extra", label: 'Erbjudanden, rad 2 – fältet "extra"', message: unknownField },
        { field: "decidedBy", label: 'Fältet "decidedBy"', message: unknownField },
      ],
    });
  });

  it("accepts a body with exactly the declared fields", async () => {
    const admin = await t.as("admin");
    const res = await admin.post("/api/org/nodes", {
      parentId: t.demo.nodes.ifo?.id,
      kind: "enhet",
      name: "Strikt enhet",
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
