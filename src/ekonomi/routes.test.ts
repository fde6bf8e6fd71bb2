import { describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { withDemoApp } from "./testing.ts";

let t: TestApp;
let ifo: string;
let vo: string;
withDemoApp((demo) => {
  ({ t, ifo, vo } = demo);
});

const T = 1000;

describe("demo: Kungsbacka IFO economy", () => {
  it("reproduces the 2019–2021 summary exactly, for a förtroendevald reader", async () => {
    const client = await t.as("fortroendevald");
    const res = await client.get(`/api/ekonomi/namnder/${ifo}/summary?from=2019&to=2021`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.issues).toEqual([]);
    expect(
      body.years.map((y: Record<string, number>) => [
        y.year,
        y.intakterKr,
        y.kostnaderKr,
        y.nettoKr,
        y.budgetKr,
        y.avvikelseKr,
        y.investeringarNettoKr,
      ]),
    ).toEqual([
      [2019, 68_489 * T, -754_875 * T, -686_386 * T, -652_971 * T, -33_415 * T, -2_027_800],
      [2020, 83_529 * T, -756_078 * T, -672_549 * T, -665_824 * T, -6_725 * T, -980_900],
      [2021, 73_526 * T, -753_102 * T, -679_576 * T, -699_078 * T, 19_502 * T, -2_347_000],
    ]);
  });

  it("shows the 2021 follow-up with Bokslut 2020 and text rendered from the same numbers", async () => {
    const client = await t.as("fortroendevald");
    const body = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2021/follow-up`)).json();
    expect(body.complete).toBe(true);
    expect(body.total).toMatchObject({
      bokslutPrevKr: -672_549 * T,
      budgetKr: -699_078 * T,
      nettoKr: -679_576 * T,
      avvikelseKr: 19_502 * T,
    });
    expect(body.issues).toEqual([]);
    expect(body.texts[0]).toBe("Nämnden redovisar 2021 ett överskott på 19,5 mkr (+19\u00a0502 tkr) mot budget.");
  });

  it("splits the 2023 budget over seven areas adding up to the 738 mkr frame", async () => {
    const client = await t.as("fortroendevald");
    const body = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/budget-split`)).json();
    expect(body.totalKr).toBe(738_000_000);
    expect(body.frameKr).toBe(738_000_000);
    expect(body.issues).toEqual([]);
    expect(body.parts).toHaveLength(7);
    expect(body.parts.reduce((s: number, p: { shareTenths: number }) => s + p.shareTenths, 0)).toBe(1000);
  });

  it("splits Vård & Omsorg 2022 (1 022 689 000 kr) by cost type with the published shares", async () => {
    const client = await t.as("vo-controller");
    const body = (await client.get(`/api/ekonomi/namnder/${vo}/years/2022/budget-split`)).json();
    expect(body.totalKr).toBe(1_022_689_000);
    expect(body.issues).toEqual([]);
    expect(body.parts.map((p: { name: string; shareTenths: number }) => [p.name, p.shareTenths])).toEqual([
      ["Personal", 610],
      ["Externa utförare", 170],
      ["Övrigt", 110],
      ["Hyra", 70],
      ["Mat", 30],
      ["Bil", 10],
    ]);
  });

  it("lists the committees a user can read, with years and write access", async () => {
    const controller = (await (await t.as("controller")).get("/api/ekonomi/namnder")).json();
    expect(controller).toEqual([
      { id: ifo, name: "Nämnden för Individ & Familjeomsorg", years: [2023, 2021, 2020, 2019], canWrite: true },
    ]);
    const reader = (await (await t.as("fortroendevald")).get("/api/ekonomi/namnder")).json();
    expect(reader[0].canWrite).toBe(false);
  });
});

describe("access", () => {
  it("lets only the committee's controller write, and keeps units out of committee money", async () => {
    const level = { name: "Ny nivå" };
    const url = `/api/ekonomi/namnder/${ifo}/years/2024/levels`;
    expect((await (await t.as("fortroendevald")).post(url, level)).statusCode).toBe(403);
    expect((await (await t.as("vo-controller")).post(url, level)).statusCode).toBe(403);
    expect((await (await t.as("kvalitet")).post(url, level)).statusCode).toBe(403);
    expect((await (await t.as("enhetschef")).get(`/api/ekonomi/namnder/${ifo}/years/2023/follow-up`)).statusCode).toBe(
      403,
    );
    expect((await (await t.as("handlaggare")).get(`/api/ekonomi/namnder/${ifo}/summary`)).statusCode).toBe(403);
  });

  it("refuses a node that is not a committee", async () => {
    const res = await (await t.as("controller")).get(
      `/api/ekonomi/namnder/${t.demo.nodes.msb?.id}/years/2023/follow-up`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("ingen nämnd");
  });
});

describe("structure", () => {
  it("creates levels from the verksamhetsområden, copies codes from another year and audits each", async () => {
    const client = await t.as("controller");
    const created = await client.post(`/api/ekonomi/namnder/${ifo}/years/2024/levels/default`);
    expect(created.statusCode).toBe(200);
    expect(created.json().map((l: { name: string }) => l.name)).toEqual([
      "Myndighet stöd och behandling",
      "Bostad med särskild service",
      "Stöd i hemmet och sysselsättning",
      "Daglig verksamhet",
      "Privat assistans",
      "Stödfunktioner och central verksamhet",
      "Nämnd",
    ]);
    // Running it again creates nothing new.
    expect((await client.post(`/api/ekonomi/namnder/${ifo}/years/2024/levels/default`)).json()).toHaveLength(7);
    const audits = await t.database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("entity", "=", "ekonomi_level")
      .where("action", "=", "create")
      .executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(7);

    const copied = (await client.post(`/api/ekonomi/namnder/${ifo}/years/2025/levels/copy`, { fromYear: 2023 })).json();
    expect(copied).toHaveLength(7);
    const overview = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2025`)).json();
    const msb = overview.levels.find((l: { name: string }) => l.name === "Myndighet stöd och behandling");
    expect(msb.mappings).toMatchObject([{ dimension: "ansvar", pattern: "41*" }]);
  });

  it("refuses a code mapped to two levels, naming the owner", async () => {
    const client = await t.as("controller");
    const overview = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2025`)).json();
    const dv = overview.levels.find((l: { name: string }) => l.name === "Daglig verksamhet");
    const res = await client.post(`/api/ekonomi/levels/${dv.id}/mappings`, { dimension: "ansvar", pattern: "41*" });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe("ansvar 41* är redan mappad till Myndighet stöd och behandling.");
  });

  it("refuses to delete a level that has figures", async () => {
    const client = await t.as("controller");
    const overview = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023`)).json();
    const res = await client.delete(`/api/ekonomi/levels/${overview.levels[0].id}`);
    expect(res.statusCode).toBe(409);
    // Its budget and the April and August forecasts.
    expect(res.json().message).toContain("har 3 belopp");
  });
});

describe("figures", () => {
  it("keeps one granularity per level and kind", async () => {
    const client = await t.as("controller");
    const overview = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2021`)).json();
    const levelId = overview.levels[0].id;
    const res = await client.put(`/api/ekonomi/namnder/${ifo}/years/2021/figures`, {
      figures: [{ levelId, kind: "intakter", periodType: "month", periodNo: 1, amountKr: 5 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      "Nämnd: utfall intäkter finns redan per år; ta bort dem innan du lägger in per månad.",
    );
  });

  it("refuses money that is not whole kronor", async () => {
    const client = await t.as("controller");
    const overview = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2021`)).json();
    const res = await client.put(`/api/ekonomi/namnder/${ifo}/years/2021/figures`, {
      figures: [{ levelId: overview.levels[0].id, kind: "budget", periodType: "year", periodNo: 0, amountKr: 1.5 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("hela kronor");
  });

  it("names refused fields by the labels of the form, rows counted from 1, with no internal names", async () => {
    const client = await t.as("controller");
    const overview = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2021`)).json();
    const levelId = overview.levels[0].id;
    const schema = await client.put(`/api/ekonomi/namnder/${ifo}/years/2021/figures`, {
      figures: [{ levelId, kind: "budget", periodType: "year", periodNo: 0, amountKr: 1.5 }],
    });
    expect(schema.json().message).toBe(
      "Innehållet är ogiltigt: Belopp, rad 1 – Belopp i kronor: Beloppet ska anges i hela kronor.",
    );
    const rule = await client.put(`/api/ekonomi/namnder/${ifo}/years/2021/figures`, {
      figures: [
        { levelId, kind: "budget", periodType: "year", periodNo: 0, amountKr: 5 },
        { levelId, kind: "budget", periodType: "year", periodNo: 5, amountKr: 5 },
      ],
    });
    expect(rule.json().message).toMatch(/^Belopp, rad 2 – Period: Ogiltig period 5 /);
    const path = (await client.get("/api/ekonomi/namnder/inte-ett-id/years/2021")).json();
    expect(path.message).toBe("Sökvägen är ogiltig: Nämnd: måste vara ett id (UUID).");
    const range = (await client.get(`/api/ekonomi/namnder/${ifo}/summary?from=2023&to=2021`)).json();
    expect(range.message).toBe("Från år: Startåret ligger efter slutåret.");
    for (const body of [schema.json(), rule.json(), path, range]) {
      expect(body.message).not.toMatch(/figures|amountKr|periodNo|namndId|"from"|Fältet/);
    }
  });
});

describe("forecasts and prognossäkerhet", () => {
  it("records a forecast typed for 2021 and compares it with the outcome in tkr and percent", async () => {
    const client = await t.as("controller");
    // The demo holds the published delår forecasts; a later one is typed beside them: every level at its
    // budget, the first 10 000 tkr worse.
    const budgets = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2021/figures?kind=budget`)).json() as Array<{
      levelId: string;
      amountKr: number;
    }>;
    const oktober = (
      await client.post(`/api/ekonomi/namnder/${ifo}/years/2021/forecasts`, {
        name: "Prognos oktober",
        asOf: "2021-10-31",
      })
    ).json();
    const saved = await client.put(`/api/ekonomi/namnder/${ifo}/years/2021/figures`, {
      figures: budgets.map((b, i) => ({
        levelId: b.levelId,
        kind: "prognos",
        forecastId: oktober.id,
        periodType: "year",
        periodNo: 0,
        amountKr: b.amountKr - (i === 0 ? 10_000 * T : 0),
      })),
    });
    expect(saved.json()).toEqual({ changed: budgets.length });
    const body = (await client.get(`/api/ekonomi/namnder/${ifo}/forecast-accuracy?from=2021&to=2021`)).json();
    const typed = body.years[0].forecasts.find(
      (f: { forecast: { name: string } }) => f.forecast.name === "Prognos oktober",
    );
    // Prognos −709 078 against the outcome −679 576 tkr.
    expect([typed.prognosAvvikelseKr, typed.differensKr, typed.differensProcent]).toEqual([
      -10_000 * T,
      -29_502 * T,
      -4.3,
    ]);
    const followUp = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2021/follow-up`)).json();
    expect(followUp.forecast.name).toBe("Prognos oktober");
    expect(followUp.total.prognosAvvikelseKr).toBe(-10_000 * T);
  });

  it("refuses a duplicate forecast name", async () => {
    const res = await (await t.as("controller")).post(`/api/ekonomi/namnder/${ifo}/years/2021/forecasts`, {
      name: "Delår april",
      asOf: "2021-04-30",
    });
    expect(res.statusCode).toBe(409);
  });
});

describe("text checks", () => {
  it("flags a text figure that does not render from the table", async () => {
    const client = await t.as("fortroendevald");
    const body = (
      await client.post(`/api/ekonomi/namnder/${ifo}/years/2021/check-text`, {
        text: "Nämnden redovisar ett överskott på 19,4 mkr. Nettokostnaden blev 679,6 mkr.",
      })
    ).json();
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0].message).toBe(
      'Texten säger "19,4 mkr" men Avvikelse nämnden totalt är +19\u00a0502 tkr, vilket ska skrivas "19,5 mkr".',
    );
  });

  it("flags a deviation percentage that does not match the table, and leaves other percentages alone", async () => {
    const client = await t.as("fortroendevald");
    const check = async (text: string) =>
      (await client.post(`/api/ekonomi/namnder/${ifo}/years/2021/check-text`, { text })).json().issues;
    expect(await check("Avvikelsen motsvarar 2,5 % av budgeten.")).toMatchObject([
      { code: "text_percent", message: 'Texten säger "2,5 %" men avvikelsen i procent av budget är +2,8 %.' },
    ]);
    expect(await check("Avvikelsen motsvarar 2,8 % av budgeten. Antalet ärenden ökade med 20,4 %.")).toEqual([]);
  });

  it('flags a table labelled "mnkr" whose numbers are tkr', async () => {
    const client = await t.as("fortroendevald");
    const res = await client.post(`/api/ekonomi/namnder/${ifo}/years/2021/check-text`, {
      tables: [{ caption: "Driftredovisning", unit: "mnkr", values: [73_526, -753_102, -679_576, -699_078, 19_502] }],
    });
    expect(res.json().issues).toMatchObject([{ code: "unit_label", row: "Driftredovisning" }]);
    expect(res.json().issues[0].message).toContain("ser ut att vara i tkr");
  });
});

describe("investments", () => {
  it("records budget and outcome and reports netto per category", async () => {
    const client = await t.as("controller");
    const created = await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/investments`, {
      category: "ovrig",
      name: "Nytt verksamhetssystem",
      budgetUtgifterKr: 1_500_000,
      bokslutUtgifterKr: 1_250_000,
      bokslutInkomsterKr: 100_000,
    });
    expect(created.statusCode).toBe(200);
    const report = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/investments`)).json();
    expect(report.total).toMatchObject({ budgetNettoKr: -1_500_000, bokslutNettoKr: -1_150_000, avvikelseKr: 350_000 });
    expect(
      (await client.patch(`/api/ekonomi/investments/${created.json().id}`, { bokslutUtgifterKr: 1_300_000 })).json()
        .bokslutUtgifterKr,
    ).toBe(1_300_000);
  });
});

describe("ombudgetering and resultatfond", () => {
  const levelsOf2023 = async () => {
    const overview = (await (await t.as("controller")).get(`/api/ekonomi/namnder/${ifo}/years/2023`)).json();
    const byName = (name: string) => overview.levels.find((l: { name: string }) => l.name === name).id as string;
    return { dv: byName("Daglig verksamhet"), msb: byName("Myndighet stöd och behandling") };
  };

  it("refuses a move within the committee that does not net to zero", async () => {
    const { dv, msb } = await levelsOf2023();
    const res = await (await t.as("controller")).post(`/api/ekonomi/namnder/${ifo}/years/2023/reallocations`, {
      title: "Flytt",
      financing: "inom_namnd",
      lines: [
        { levelId: dv, amountKr: 2_000_000 },
        { levelId: msb, amountKr: -1_500_000 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("raderna summerar till +500 tkr");
  });

  it("applies a decided move to the budget after ombudgetering; the frame still adds up", async () => {
    const client = await t.as("controller");
    const { dv, msb } = await levelsOf2023();
    const proposal = (
      await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/reallocations`, {
        title: "Förstärkning daglig verksamhet",
        financing: "inom_namnd",
        caseRef: "IF-2023-00256",
        lines: [
          { levelId: dv, amountKr: 2_000_000 },
          { levelId: msb, amountKr: -2_000_000 },
        ],
      })
    ).json();
    expect(proposal.status).toBe("forslag");
    const decided = await client.post(`/api/ekonomi/reallocations/${proposal.id}/decision`, {
      outcome: "beslutad",
      decisionRef: "IF-2023-00256",
      decidedOn: "2023-06-14",
    });
    expect(decided.json().status).toBe("beslutad");
    const f = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/follow-up`)).json();
    const row = (name: string) => f.rows.find((r: { name: string }) => r.name === name);
    expect(row("Daglig verksamhet")).toMatchObject({
      budgetOriginalKr: -50_000_000,
      budgetKr: -52_000_000,
      ombudgeteringKr: -2_000_000,
    });
    expect(row("Myndighet stöd och behandling").budgetKr).toBe(-234_000_000);
    expect(f.total.budgetKr).toBe(-738_000_000);
    expect(f.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
    expect((await client.delete(`/api/ekonomi/reallocations/${proposal.id}`)).statusCode).toBe(409);
  });

  it("disposes the 2021 surplus into the fund and uses it, never beyond the balance", async () => {
    const client = await t.as("controller");
    const tooMuch = await client.post(`/api/ekonomi/namnder/${ifo}/result-fund/entries`, {
      year: 2021,
      kind: "disposition",
      amountKr: 20_000_000,
      decisionRef: "KF § 45",
      decidedOn: "2022-04-12",
      decidedBy: "Kommunfullmäktige",
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().message).toContain("större än årets resultat");
    const deficit = await client.post(`/api/ekonomi/namnder/${ifo}/result-fund/entries`, {
      year: 2020,
      kind: "disposition",
      amountKr: 1_000_000,
      decisionRef: "KF § 40",
      decidedOn: "2021-04-13",
      decidedBy: "Kommunfullmäktige",
    });
    expect(deficit.json().message).toContain("samma tecken");
    const disposal = await client.post(`/api/ekonomi/namnder/${ifo}/result-fund/entries`, {
      year: 2021,
      kind: "disposition",
      amountKr: 9_751_000,
      decisionRef: "KF § 45",
      decidedOn: "2022-04-12",
      decidedBy: "Kommunfullmäktige",
    });
    expect(disposal.statusCode).toBe(200);

    const { dv } = await levelsOf2023();
    const greedy = (
      await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/reallocations`, {
        title: "Mer än fonden har",
        financing: "resultatfond",
        lines: [{ levelId: dv, amountKr: 10_000_000 }],
      })
    ).json();
    const refused = await client.post(`/api/ekonomi/reallocations/${greedy.id}/decision`, {
      outcome: "beslutad",
      decisionRef: "IF-2023-00300",
      decidedOn: "2023-09-20",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain("kan inte tas i anspråk");

    const used = (
      await client.post(`/api/ekonomi/namnder/${ifo}/years/2023/reallocations`, {
        title: "Engångsinsats ur resultatfonden",
        financing: "resultatfond",
        lines: [{ levelId: dv, amountKr: 3_000_000 }],
      })
    ).json();
    expect(
      (
        await client.post(`/api/ekonomi/reallocations/${used.id}/decision`, {
          outcome: "beslutad",
          decisionRef: "IF-2023-00301",
          decidedOn: "2023-09-20",
        })
      ).statusCode,
    ).toBe(200);
    const fund = (await (await t.as("fortroendevald")).get(`/api/ekonomi/namnder/${ifo}/result-fund`)).json();
    expect(fund.balanceKr).toBe(6_751_000);
    const y2021 = fund.years.find((y: { year: number }) => y.year === 2021);
    expect(y2021).toMatchObject({ resultKr: 19_502_000, disposalKr: 9_751_000, closingKr: 9_751_000 });
    const y2023 = fund.years.find((y: { year: number }) => y.year === 2023);
    expect(y2023).toMatchObject({ resultKr: null, usageKr: -3_000_000, openingKr: 9_751_000, closingKr: 6_751_000 });
    expect(y2023.entries[0]).toMatchObject({ decisionRef: "IF-2023-00301", kind: "ianspraktagande" });
    // Money from the fund raises the budget after ombudgetering above the council's frame (the frame check uses the original budget).
    const f = (await client.get(`/api/ekonomi/namnder/${ifo}/years/2023/follow-up`)).json();
    expect(f.total.budgetKr).toBe(-741_000_000);
  });
});
