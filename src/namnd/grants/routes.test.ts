import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../app/testing.ts";
import { seedNamndDemo } from "../demo.ts";

let t: TestApp;
const ifo = () => t.demo.nodes.ifo?.id as string;

beforeAll(async () => {
  t = await testApp();
  await t.database.db.transaction().execute((trx) => seedNamndDemo(trx, t.demo));
}, 180_000);
afterAll(() => t?.close());

type Year = {
  id: string;
  year: number;
  frameKronor: number;
  applicationCount: number;
  appliedKronor: number;
  grantedKronor: number;
  remainingKronor: number;
  criteria: { id: string; position: number; text: string }[];
  applications: {
    id: string;
    number: number;
    round: number;
    association: string;
    status: string;
    amountGranted: number | null;
    sharePercent: number | null;
    missingReport: boolean;
  }[];
  secondRound: { open: boolean; reason: string | null };
  memo: { association: string; appliedKronor: number; grantedKronor: number; sharePercent: number; reasons: string }[];
  samples: { id: string; seed: string; size: number; drawnBy: string | null; applications: { id: string }[] }[];
};
type Application = { id: string; status: string; remainingKronor: number; assessments: { criterionId: string }[] };
type Problems = { details: { problems: { field: string; message: string }[] } };
const plain = (text: string | undefined) => text?.replace(/\s/g, " ");

async function yearOf(year: number, user = "fortroendevald"): Promise<Year> {
  const client = await t.as(user);
  const list = await client.get(`/api/namnd/foreningsbidrag?orgNodeId=${ifo()}`);
  expect(list.statusCode, list.body).toBe(200);
  const found = (list.json() as { id: string; year: number }[]).find((y) => y.year === year);
  const res = await client.get(`/api/namnd/foreningsbidrag/${found?.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Year;
}

/** Registers a second-round application of 2024 and assesses it, ready for a decision. */
async function assessedApplication(association: string, applied: number): Promise<Application> {
  const year = await yearOf(2024);
  const sekreterare = await t.as("sekreterare");
  const created = await sekreterare.post(`/api/namnd/foreningsbidrag/${year.id}/ansokningar`, {
    round: 2,
    association,
    purpose: "Samtalsstöd.",
    amountApplied: applied,
    receivedOn: "2024-09-12",
  });
  expect(created.statusCode, created.body).toBe(200);
  const { id } = created.json() as Application;
  const assessed = await sekreterare.post(`/api/namnd/bidragsansokningar/${id}/steg`, {
    status: "bedomd",
    on: "2024-09-20",
    assessments: year.criteria.map((c) => ({ criterionId: c.id, fulfilment: "uppfyllt" })),
  });
  expect(assessed.statusCode, assessed.body).toBe(200);
  return assessed.json() as Application;
}

const grant = async (id: string, amount: number) =>
  (await t.as("sekreterare")).post(`/api/namnd/bidragsansokningar/${id}/steg`, {
    status: "beviljad",
    on: "2024-10-17",
    amountGranted: amount,
    reasons: "Ur kvarvarande medel.",
    decisionReference: "IF 2024-10-17 § 121",
  });

describe("the demo's föreningsbidrag", () => {
  it("holds 2024: twelve applications, 690 000 kr granted of the 700 000 kr frame", async () => {
    const year = await yearOf(2024);
    expect(year).toMatchObject({
      frameKronor: 700_000,
      applicationCount: 12,
      appliedKronor: 1_020_000,
      grantedKronor: 690_000,
      remainingKronor: 10_000,
      secondRound: { open: true, reason: null },
    });
    expect(year.criteria).toHaveLength(4);
    expect(year.applications.filter((a) => a.status === "avslagen").map((a) => a.association)).toEqual([
      "Attention Exempelstad",
    ]);
    expect(year.applications.filter((a) => a.round === 2).map((a) => [a.association, a.status])).toEqual([
      ["RFHL Exempelstad", "utbetald"],
      ["Föreningen Vägen ut", "inkommen"],
    ]);
  });

  it("flags the association whose 2023 grant has no återrapport", async () => {
    const flagged = (await yearOf(2024)).applications.filter((a) => a.missingReport).map((a) => a.association);
    expect(flagged).toEqual(["KRIS Exempelstad"]);
    expect((await yearOf(2023)).applications.some((a) => a.missingReport)).toBe(false);
  });

  it("lists the decided applications for the committee memo with the share granted", async () => {
    const memo = (await yearOf(2024)).memo;
    expect(memo).toHaveLength(11);
    expect(memo[0]).toMatchObject({
      association: "Brottsofferjouren Exempelstad",
      appliedKronor: 150_000,
      grantedKronor: 120_000,
      sharePercent: 80,
    });
    expect(memo.find((r) => r.association === "Kvinnojouren Tranan")?.sharePercent).toBe(88);
    expect(memo.find((r) => r.association === "Tjejjouren Exempelstad")?.sharePercent).toBe(75);
    expect(memo.find((r) => r.association === "Fontänhuset Exempelstad")?.sharePercent).toBe(50);
    expect(memo.find((r) => r.association === "Attention Exempelstad")).toMatchObject({
      grantedKronor: 0,
      sharePercent: 0,
    });
    expect(memo.at(-1)?.association).toBe("RFHL Exempelstad");
  });

  it("gives the memo as a Word file to any reader of the nämnd", async () => {
    const year = await yearOf(2024);
    const file = await (await t.as("fortroendevald")).get(`/api/namnd/foreningsbidrag/${year.id}/underlag?format=docx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("wordprocessingml");
    expect(file.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});

describe("the frame", () => {
  it("refuses a grant beyond what is left, and allows one that takes the rest", async () => {
    const a = await assessedApplication("Stödföreningen Ett", 40_000);
    expect(a.remainingKronor).toBe(10_000);
    const over = await grant(a.id, 15_000);
    expect(over.statusCode).toBe(400);
    expect(plain((over.json() as Problems).details.problems[0]?.message)).toBe(
      "Beviljat belopp 15 000 kr överstiger det som återstår av anslaget (10 000 kr av 700 000 kr).",
    );
    expect((await yearOf(2024)).grantedKronor).toBe(690_000);
    const rest = await grant(a.id, 10_000);
    expect(rest.statusCode, rest.body).toBe(200);
    const year = await yearOf(2024);
    expect([year.grantedKronor, year.remainingKronor]).toEqual([700_000, 0]);
    expect(year.secondRound).toEqual({
      open: false,
      reason: "Anslaget är fördelat; inga medel återstår till en andra omgång.",
    });
  });

  it("never passes the frame when decisions arrive at once", async () => {
    const year = await yearOf(2024);
    const sekreterare = await t.as("sekreterare");
    // Raise the frame by 30 000 kr, then decide two grants of 20 000 kr at the same time: only one fits.
    const raised = await sekreterare.put(`/api/namnd/foreningsbidrag/${year.id}`, {
      frameKronor: year.frameKronor + 30_000,
      reportDueOn: "2025-03-31",
      criteria: year.criteria.map((c) => c.text),
    });
    expect(raised.statusCode, raised.body).toBe(200);
    // Registered while funds remain, then both decided in parallel.
    const [b, c] = [
      await assessedApplication("Stödföreningen Två", 20_000),
      await assessedApplication("Stödföreningen Tre", 20_000),
    ];
    const results = await Promise.all([grant(b.id, 20_000), grant(c.id, 20_000)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect((await yearOf(2024)).grantedKronor).toBe(720_000);
  });

  it("refuses lowering the frame below the granted sum, and removing an assessed criterion", async () => {
    const year = await yearOf(2024);
    const sekreterare = await t.as("sekreterare");
    const lower = await sekreterare.put(`/api/namnd/foreningsbidrag/${year.id}`, {
      frameKronor: 100_000,
      reportDueOn: "2025-03-31",
      criteria: year.criteria.map((c) => c.text),
    });
    expect(lower.statusCode).toBe(400);
    expect((lower.json() as Problems).details.problems[0]?.field).toBe("frameKronor");
    const fewer = await sekreterare.put(`/api/namnd/foreningsbidrag/${year.id}`, {
      frameKronor: year.frameKronor,
      reportDueOn: "2025-03-31",
      criteria: year.criteria.slice(0, 3).map((c) => c.text),
    });
    expect(fewer.statusCode).toBe(400);
    expect((fewer.json() as Problems).details.problems[0]?.message).toMatch(/^Kriterium 4 .* kan inte tas bort\.$/);
    expect((await yearOf(2024)).criteria).toHaveLength(4);
  });
});

describe("the ansökningstid", () => {
  it("is kept with the year, refused when not whole, and holds the first round's applications", async () => {
    const sekreterare = await t.as("sekreterare");
    const year = (fields: Record<string, unknown>) =>
      sekreterare.post("/api/namnd/foreningsbidrag", {
        orgNodeId: ifo(),
        year: 2026,
        frameKronor: 50_000,
        reportDueOn: "2027-03-31",
        criteria: ["Verksamhet i kommunen."],
        ...fields,
      });
    const backwards = await year({ applicationsOpenOn: "2026-02-28", applicationsCloseOn: "2026-02-01" });
    expect(backwards.statusCode).toBe(400);
    expect((backwards.json() as Problems).details.problems).toEqual([
      { field: "applicationsCloseOn", message: "Sista ansökningsdag kan inte ligga före 2026-02-28." },
    ]);
    expect((await year({ applicationsOpenOn: "2026-02-01" })).statusCode).toBe(400);
    const created = await year({ applicationsOpenOn: "2026-02-01", applicationsCloseOn: "2026-02-28" });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as Year).id;
    expect(created.json()).toMatchObject({ applicationsOpenOn: "2026-02-01", applicationsCloseOn: "2026-02-28" });

    const apply = (receivedOn: string, round = 1) =>
      sekreterare.post(`/api/namnd/foreningsbidrag/${id}/ansokningar`, {
        round,
        association: `Förening ${receivedOn}`,
        purpose: "Verksamhet.",
        amountApplied: 5_000,
        receivedOn,
      });
    const late = await apply("2026-03-02");
    expect(late.statusCode).toBe(400);
    expect((late.json() as Problems).details.problems[0]).toEqual({
      field: "receivedOn",
      message:
        "Ansökan inkom 2026-03-02, utanför ansökningstiden 2026-02-01–2026-02-28; den kan tas upp i andra omgången.",
    });
    expect((await apply("2026-02-28")).statusCode).toBe(200);

    // Widened, the late one fits; cleared, the year has none.
    const fields = { frameKronor: 50_000, reportDueOn: "2027-03-31", criteria: ["Verksamhet i kommunen."] };
    const widened = await sekreterare.put(`/api/namnd/foreningsbidrag/${id}`, {
      ...fields,
      applicationsOpenOn: "2026-02-01",
      applicationsCloseOn: "2026-03-15",
    });
    expect(widened.statusCode, widened.body).toBe(200);
    expect((await apply("2026-03-02")).statusCode).toBe(200);
    const cleared = await sekreterare.put(`/api/namnd/foreningsbidrag/${id}`, fields);
    expect(cleared.json()).toMatchObject({ applicationsOpenOn: null, applicationsCloseOn: null });
  });
});

describe("a new year's cycle", () => {
  it("runs komplettering → bedömd → beviljad → utbetald → återrapporterad and refuses a skipped step", async () => {
    const sekreterare = await t.as("sekreterare");
    const created = await sekreterare.post("/api/namnd/foreningsbidrag", {
      orgNodeId: ifo(),
      year: 2025,
      frameKronor: 100_000,
      reportDueOn: "2026-03-31",
      criteria: ["Verksamhet i kommunen.", "Kompletterar nämndens ansvar."],
    });
    expect(created.statusCode, created.body).toBe(200);
    const year = created.json() as Year;
    const again = await sekreterare.post("/api/namnd/foreningsbidrag", {
      orgNodeId: ifo(),
      year: 2025,
      frameKronor: 1,
      reportDueOn: "2026-03-31",
      criteria: ["x"],
    });
    expect(again.statusCode).toBe(409);
    const app = await sekreterare.post(`/api/namnd/foreningsbidrag/${year.id}/ansokningar`, {
      round: 1,
      association: "Kvinnojouren Tranan",
      purpose: "Jourtelefon.",
      amountApplied: 60_000,
      receivedOn: "2025-01-20",
    });
    expect(app.statusCode, app.body).toBe(200);
    const id = (app.json() as Application).id;
    const step = (body: Record<string, unknown>) =>
      sekreterare.post(`/api/namnd/bidragsansokningar/${id}/steg`, { assessments: [], ...body });
    const skipped = await step({ status: "utbetald", on: "2025-02-01" });
    expect(skipped.statusCode).toBe(400);
    expect(
      (await step({ status: "komplettering_begard", on: "2025-01-25", note: "Årsredovisning saknas." })).statusCode,
    ).toBe(200);
    const assessed = await step({
      status: "bedomd",
      on: "2025-02-10",
      assessments: year.criteria.map((c, i) => ({ criterionId: c.id, fulfilment: i === 0 ? "uppfyllt" : "delvis" })),
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const round2 = await sekreterare.post(`/api/namnd/foreningsbidrag/${year.id}/ansokningar`, {
      round: 2,
      association: "Sen förening",
      purpose: "x",
      amountApplied: 1_000,
      receivedOn: "2025-02-11",
    });
    expect(round2.statusCode).toBe(400);
    expect((round2.json() as Problems).details.problems[0]?.message).toBe(
      "Andra omgången öppnar när första omgången är beslutad (1 ansökningar väntar på beslut).",
    );
    for (const body of [
      {
        status: "beviljad",
        on: "2025-03-13",
        amountGranted: 45_000,
        reasons: "Delvis.",
        decisionReference: "IF 2025-03-13 § 30",
      },
      { status: "utbetald", on: "2025-04-01" },
      { status: "aterrapporterad", on: "2026-02-01" },
    ]) {
      const res = await step(body);
      expect(res.statusCode, res.body).toBe(200);
    }
    const done = await (await t.as("fortroendevald")).get(`/api/namnd/bidragsansokningar/${id}`);
    expect(done.json()).toMatchObject({
      status: "aterrapporterad",
      amountGranted: 45_000,
      sharePercent: 75,
      nextStatuses: [],
    });
  });

  it("lets readers read but not write", async () => {
    const year = await yearOf(2024);
    const reader = await t.as("fortroendevald");
    const refused = await reader.post(`/api/namnd/foreningsbidrag/${year.id}/stickprov`, { size: 3 });
    expect(refused.statusCode).toBe(403);
  });
});

describe("the internkontroll sample", () => {
  it("is stored with its seed and who drew it, and the seed draws the same applications again", async () => {
    const year = await yearOf(2024);
    const sekreterare = await t.as("sekreterare");
    const first = await sekreterare.post(`/api/namnd/foreningsbidrag/${year.id}/stickprov`, {
      size: 3,
      seed: "IK-2024",
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = await sekreterare.post(`/api/namnd/foreningsbidrag/${year.id}/stickprov`, {
      size: 3,
      seed: "IK-2024",
    });
    const fresh = await sekreterare.post(`/api/namnd/foreningsbidrag/${year.id}/stickprov`, { size: 3 });
    const samples = (fresh.json() as Year).samples;
    expect(samples).toHaveLength(3);
    const seeded = samples.filter((s) => s.seed === "IK-2024");
    expect(seeded).toHaveLength(2);
    expect(seeded[0]?.applications).toHaveLength(3);
    expect(seeded[0]?.applications).toEqual(seeded[1]?.applications);
    expect(seeded[0]?.drawnBy).toMatch(/\S/);
    expect(samples.find((s) => s.seed !== "IK-2024")?.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(again.statusCode).toBe(200);
  });
});
