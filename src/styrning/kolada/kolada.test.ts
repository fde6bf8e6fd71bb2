import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, type TestClient, testApp } from "../../app/testing.ts";
import { setupTimeout } from "../testing.ts";
import { MAX_KOLADA_FILE_VALUES } from "./kolada-service.ts";
import { parseKolada } from "./shapes.ts";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));

/** A stand-in for api.kolada.se on 127.0.0.1 serving the fixture files, with links rewritten to itself. */
function fixtureServer() {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${url.pathname}${url.search}`);
    const [, version, resource] = url.pathname.split("/");
    const file =
      resource === "data"
        ? `${version}-data-page${url.searchParams.get("page") ?? "1"}.json`
        : resource === "kpi"
          ? `${version}-kpi.json`
          : resource === "municipality_groups"
            ? `${version}-municipality_groups.json`
            : null;
    if (!file || !fs.existsSync(path.join(dir, file))) {
      res.writeHead(404).end();
      return;
    }
    const { port } = server.address() as AddressInfo;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      fs.readFileSync(path.join(dir, file), "utf8").replaceAll("https://api.kolada.se", `http://127.0.0.1:${port}`),
    );
  });
  return {
    requests,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
let ifoController: TestClient;
let voController: TestClient;
const kolada = fixtureServer();
let origin: string;
const ids: Record<string, string> = {};

const node = (key: string) => t.demo.nodes[key]?.id ?? "";

async function createIndicator(
  client: TestClient,
  key: string,
  orgKey: string,
  body: Record<string, unknown>,
  kpiId: string,
) {
  const res = await client.post("/api/styrning/indicators", {
    orgNodeId: node(orgKey),
    direction: "lower",
    definitionFrom: 2020,
    definition: "Se Kolada.",
    ...body,
  });
  expect(res.statusCode).toBe(200);
  ids[key] = res.json().id;
  const mapped = await client.put(`/api/styrning/indicators/${ids[key]}/kolada`, { kpiId, municipalityId: "1384" });
  expect(mapped.statusCode).toBe(200);
}

const values = async (client: TestClient, key: string) =>
  ((await client.get(`/api/styrning/indicators/${ids[key]}?year=2023`)).json().values as Record<string, unknown>[])
    .map((v) => `${v.period} ${v.gender} ${v.state} ${v.value ?? ""}`)
    .sort();

const importFile = (client: TestClient, orgKey: string, file: string | unknown, reason?: string) =>
  client.post(
    `/api/styrning/kolada/import?orgNodeId=${node(orgKey)}${reason ? `&reason=${encodeURIComponent(reason)}` : ""}`,
    typeof file === "string" ? fixture(file) : file,
  );

beforeAll(async () => {
  origin = await kolada.start();
  t = await testApp();
  ifoController = await t.as("controller");
  voController = await t.as("vo-controller");
  const lss = { name: "Utredningstid LSS (Kolada)", unit: "dagar", genderSplit: "kvinnor_flickor_man_pojkar" };
  const turnover = { name: "Personalomsättning (Kolada)", unit: "procent", decimals: 1 };
  await createIndicator(ifoController, "ifoLss", "ifo", lss, "U90001");
  await createIndicator(ifoController, "ifoTurnover", "ifo", turnover, "U90002");
  // The same KPI feeds an indicator of a unit too: one KPI, several indicators.
  await createIndicator(
    ifoController,
    "kanslietTurnover",
    "stod-kansli",
    { ...turnover, name: "Personalomsättning, kansliet" },
    "U90002",
  );
  await createIndicator(voController, "voLss", "vo", lss, "U90001");
  await createIndicator(voController, "voTurnover", "vo", turnover, "U90002");
}, setupTimeout);
afterAll(async () => {
  await t?.close();
  await kolada.stop();
});

describe("Kolada import", () => {
  it("imports v2 files into IFO and v3 files into Vård & Omsorg with identical values", async () => {
    for (const file of ["v2-data-page1.json", "v2-data-page2.json"])
      expect((await importFile(ifoController, "ifo", file)).statusCode).toBe(200);
    for (const file of ["v3-data-page1.json", "v3-data-page2.json", "v3-data-page3.json"]) {
      expect((await importFile(voController, "vo", file)).statusCode).toBe(200);
    }
    expect(await values(ifoController, "ifoLss")).toEqual([
      "2020 K value 80",
      "2020 M value 78",
      "2021 K value 78",
      "2021 M value 77",
      "2022 K value 72",
      "2022 M value 76",
      "2022 T not_measured ",
    ]);
    expect(await values(voController, "voLss")).toEqual(await values(ifoController, "ifoLss"));
    expect(await values(ifoController, "ifoTurnover")).toEqual([
      "2020 T not_measured ",
      "2021 T value 13.4",
      "2022 T value 12.9",
    ]);
    expect(await values(voController, "voTurnover")).toEqual(await values(ifoController, "ifoTurnover"));
    expect(await values(ifoController, "kanslietTurnover")).toEqual(await values(ifoController, "ifoTurnover"));
    const count = async (org: string) =>
      Number(
        (
          await t.database.db
            .selectFrom("kolada_value")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("org_node_id", "=", node(org))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("ifo")).toBe(16);
    expect(await count("vo")).toBe(16);
    const grid = (await ifoController.get(`/api/styrning/values/grid?orgNodeId=${node("ifo")}&year=2021`)).json();
    const cell = grid.indicators.find((i: { id: string }) => i.id === ids.ifoTurnover).rows[0].cells[0];
    expect(cell).toMatchObject({ source: "kolada", sourceRef: "Kolada v2", enteredByName: "Cecilia Controller" });
  });

  it("rejects a malformed file row by row and stores nothing", async () => {
    const before = await t.database.db.selectFrom("kolada_value").select("id").execute();
    const res = await importFile(voController, "vo", "malformed.json");
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("Inget importerades: 2 rader i Kolada-filen har fel.");
    expect(res.json().details.problems.map((p: { row: number; field: string }) => `${p.row} ${p.field}`)).toEqual([
      "3 values.0.gender",
      "4 municipality",
      "4 period",
      "4 values.0.value",
    ]);
    expect(await t.database.db.selectFrom("kolada_value").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a file with more values than the limit with 413, naming the limit", async () => {
    const page = fixture("v3-data-page1.json") as { values: unknown[] };
    const one = page.values[0];
    const values = Array.from({ length: MAX_KOLADA_FILE_VALUES + 1 }, () => one);
    const res = await importFile(ifoController, "ifo", { ...page, values });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      code: "payload_too_large",
      message:
        "Kolada-filen har för många värden (10\u00a0001): högst 10\u00a0000 per fil. Hämta färre år eller KPI:er åt gången.",
    });
  });

  it("fetches from the configured base URL, following next_url/next_page, and v3 after v2 changes nothing", async () => {
    process.env.KOLADA_BASE_URL = `${origin}/v3`;
    const res = await ifoController.post("/api/styrning/kolada/fetch", {
      orgNodeId: node("ifo"),
      years: [2020, 2021, 2022, 2023],
      groupId: "G99001",
    });
    expect(res.statusCode).toBe(200);
    expect(kolada.requests).toEqual([
      "/v3/municipality_groups/G99001",
      "/v3/kpi/U90001,U90002",
      "/v3/data/kpi/U90001,U90002/municipality/1383,1384,1441,1481/year/2020,2021,2022,2023",
      "/v3/data/kpi/U90001,U90002/municipality/1383,1384,1441,1481/year/2020,2021,2022?page=2&per_page=4",
      "/v3/data/kpi/U90001,U90002/municipality/1383,1384,1441,1481/year/2020,2021,2022?page=3&per_page=4",
    ]);
    const result = res.json();
    expect(result).toMatchObject({ kpis: 2, groups: 1, koladaValues: { received: 16, changed: 0 } });
    const turnover = (await ifoController.get(`/api/styrning/indicators/${ids.ifoTurnover}?year=2023`)).json();
    expect(turnover).toMatchObject({
      publicationDate: "2023-04-20",
      kolada: { kpiId: "U90002", municipalityId: "1384" },
    });
    // The only new indicator rows: 2023, which Kolada has not published yet (empty, not zero).
    expect(result.indicatorValues).toEqual({ received: 17, changed: 4, unchanged: 13, corrections: 0 });
    expect(await values(ifoController, "ifoTurnover")).toEqual([
      "2020 T not_measured ",
      "2021 T value 13.4",
      "2022 T value 12.9",
      "2023 T not_published ",
    ]);

    process.env.KOLADA_BASE_URL = `${origin}/v2`;
    const v2 = await voController.post("/api/styrning/kolada/fetch", {
      orgNodeId: node("vo"),
      years: [2020, 2021, 2022],
    });
    expect(v2.json().koladaValues).toEqual({ received: 16, changed: 0 });
    expect(v2.json().indicatorValues.changed).toBe(0);
    delete process.env.KOLADA_BASE_URL;
  });

  it("needs a reason when Kolada revises a figure in a locked year", async () => {
    expect(
      (await ifoController.post("/api/styrning/locks", { orgNodeId: node("ifo"), period: "2022" })).statusCode,
    ).toBe(200);
    const revised = fixture("v2-data-page1.json") as {
      values: { kpi: string; municipality: string; period: number; values: { value: number | null }[] }[];
    };
    const item = revised.values.find((v) => v.kpi === "U90002" && v.municipality === "1384" && v.period === 2022);
    if (!item?.values[0]) throw new Error("fixture");
    item.values[0].value = 13.0;
    const refused = await importFile(ifoController, "ifo", revised);
    expect(refused.statusCode).toBe(400);
    // Both indicators fed by the KPI are locked in 2022; the file's row 6 is named for each.
    expect(refused.json().details.problems.map((p: { row: number; field: string }) => `${p.row} ${p.field}`)).toEqual([
      "6 reason",
      "6 reason",
    ]);
    const accepted = await importFile(ifoController, "ifo", revised, "Kolada reviderade 2022.");
    expect(accepted.json().indicatorValues).toMatchObject({ changed: 2, corrections: 2 });
    expect((await values(ifoController, "ifoTurnover")).includes("2022 T value 13")).toBe(true);
  });
});

describe("Kolada comparison and export", () => {
  it("compares Kungsbacka with the 'liknande kommuner' group", async () => {
    expect((await importFile(ifoController, "ifo", "municipality.json")).json().municipalities).toBe(4);
    const res = await ifoController.get(`/api/styrning/indicators/${ids.ifoTurnover}/kolada/compare?groupId=G99001`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.years).toEqual([2020, 2021, 2022]);
    expect(
      c.municipalities.map((m: { title: string; own: boolean; values: (number | null)[] }) => [
        m.title,
        m.own,
        m.values,
      ]),
    ).toEqual([
      ["Kungsbacka", true, [null, 13.4, 13]],
      ["Varberg", false, [null, 14.1, 13.2]],
      ["Mölndal", false, [null, 12.2, 13.8]],
      ["Lerum", false, [null, 15, 14.6]],
    ]);
    expect(c.perYear[1]).toMatchObject({ year: 2021, rank: 2, reported: 4 });
    expect(c.perYear[1].average).toBeCloseTo(13.68, 2);
    expect(c.perYear[2]).toMatchObject({ year: 2022, rank: 1 });
  });

  it("exports values in Kolada's shape, which imports back unchanged", async () => {
    const res = await ifoController.get(
      `/api/styrning/kolada/export?orgNodeId=${node("ifo")}&version=v2&from=2020&to=2023`,
    );
    const exported = res.json();
    expect(exported.next_page).toBeNull();
    const parsed = parseKolada(exported);
    if (!parsed.ok || parsed.document.kind !== "data") throw new Error("export unreadable");
    const lss = parsed.document.rows.filter((r) => r.kpiId === "U90001").map(({ row: _r, ...r }) => r);
    expect(lss).toContainEqual({
      kpiId: "U90001",
      municipalityId: "1384",
      year: 2022,
      gender: "K",
      value: 72,
      status: null,
    });
    expect(lss).toContainEqual({
      kpiId: "U90001",
      municipalityId: "1384",
      year: 2022,
      gender: "T",
      value: null,
      status: "Missing",
    });
    expect(parsed.document.rows.some((r) => r.year === 2023)).toBe(false);
    const again = await importFile(ifoController, "ifo", exported);
    expect(again.json().indicatorValues).toMatchObject({ changed: 0 });
  });

  it("lists mappings with the KPIs and groups seen", async () => {
    const list = (await ifoController.get(`/api/styrning/kolada?orgNodeId=${node("ifo")}`)).json();
    expect(list.mappings.map((m: { indicatorName: string; kpiId: string }) => `${m.kpiId} ${m.indicatorName}`)).toEqual(
      [
        "U90001 Utredningstid LSS (Kolada)",
        "U90002 Personalomsättning (Kolada)",
        "U90002 Personalomsättning, kansliet",
      ],
    );
    expect(list.groups.map((g: { title: string }) => g.title)).toEqual([
      "Liknande kommuner IFO, Kungsbacka (testdata)",
    ]);
    const monthly = await ifoController.post("/api/styrning/indicators", {
      orgNodeId: node("ifo"),
      name: "Månadsvärde",
      unit: "antal",
      direction: "lower",
      periodType: "month",
      definition: "x",
      definitionFrom: 2023,
    });
    const refused = await ifoController.put(`/api/styrning/indicators/${monthly.json().id}/kolada`, {
      kpiId: "u90001",
      municipalityId: "1384",
    });
    expect(refused.json().message).toBe(
      "Kolada redovisar tal per år; bara en numerisk årsindikator kan kopplas till ett KPI.",
    );
  });

  it("takes the kommun's own code as the municipality when a mapping names none", async () => {
    const yearly = await ifoController.post("/api/styrning/indicators", {
      orgNodeId: node("ifo"),
      name: "Årsvärde utan kommunkod",
      unit: "antal",
      direction: "lower",
      definition: "x",
      definitionFrom: 2023,
    });
    const mapped = await ifoController.put(`/api/styrning/indicators/${yearly.json().id}/kolada`, { kpiId: "n00945" });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ kpiId: "N00945", municipalityId: "1384" });
    const typed = await ifoController.put(`/api/styrning/indicators/${yearly.json().id}/kolada`, {
      kpiId: "N00945",
      municipalityId: "0180",
    });
    expect(typed.json()).toMatchObject({ municipalityId: "0180" });
  });
});
