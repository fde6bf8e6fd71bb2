import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fetchPages } from "./client.ts";
import { type KoladaDataRow, parseKolada, toKoladaData } from "./shapes.ts";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));

function dataRows(...files: string[]): Omit<KoladaDataRow, "row">[] {
  return files.flatMap((file) => {
    const parsed = parseKolada(fixture(file));
    if (!parsed.ok || parsed.document.kind !== "data") throw new Error(file);
    return parsed.document.rows.map(({ row: _row, ...r }) => r);
  });
}

const sorted = (rows: Omit<KoladaDataRow, "row">[]) =>
  [...rows].sort((a, b) =>
    `${a.kpiId}${a.municipalityId}${a.year}${a.gender}`.localeCompare(
      `${b.kpiId}${b.municipalityId}${b.year}${b.gender}`,
    ),
  );

describe("Kolada v2 and v3 shapes", () => {
  it("read to identical values, whatever the paging and period type", () => {
    const v2 = dataRows("v2-data-page1.json", "v2-data-page2.json");
    const v3 = dataRows("v3-data-page1.json", "v3-data-page2.json", "v3-data-page3.json");
    expect(v2).toHaveLength(16);
    expect(sorted(v3)).toEqual(sorted(v2));
    expect(v2.filter((r) => r.municipalityId === "1384" && r.kpiId === "U90001")).toEqual([
      { kpiId: "U90001", municipalityId: "1384", year: 2020, gender: "K", value: 80, status: null },
      { kpiId: "U90001", municipalityId: "1384", year: 2020, gender: "M", value: 78, status: null },
      { kpiId: "U90001", municipalityId: "1384", year: 2021, gender: "K", value: 78, status: null },
      { kpiId: "U90001", municipalityId: "1384", year: 2021, gender: "M", value: 77, status: null },
      { kpiId: "U90001", municipalityId: "1384", year: 2022, gender: "T", value: null, status: "Missing" },
      { kpiId: "U90001", municipalityId: "1384", year: 2022, gender: "K", value: 72, status: null },
      { kpiId: "U90001", municipalityId: "1384", year: 2022, gender: "M", value: 76, status: null },
    ]);
  });

  it("detect the version from the paging key and follow it", () => {
    const v2 = parseKolada(fixture("v2-data-page1.json"));
    const v3 = parseKolada(fixture("v3-data-page1.json"));
    expect(v2.ok && v2.document.version).toBe("v2");
    expect(v2.ok && v2.document.next).toContain(
      "/v2/data/kpi/U90001,U90002/municipality/1383,1384,1441,1481/year/2020,2021,2022?page=2",
    );
    expect(v3.ok && v3.document.version).toBe("v3");
    expect(v3.ok && v3.document.next).toContain("page=2&per_page=4");
  });

  it("read KPI metadata and municipality groups in both shapes", () => {
    const kpi2 = parseKolada(fixture("v2-kpi.json"));
    const kpi3 = parseKolada(fixture("v3-kpi.json"));
    expect(kpi2.ok && kpi2.document.kind === "kpi" && kpi2.document.kpis[0]).toEqual({
      id: "U90001",
      title: "Utredningstid LSS från ansökan till beslut, dagar (testdata)",
      description: "Medelvärde i dagar från ansökan till beslut om insats enligt LSS.",
      isDividedByGender: true,
      publicationDate: "2023-06-15",
      operatingArea: "Stöd till personer med funktionsnedsättning",
    });
    expect(kpi3.ok && kpi3.document.kind === "kpi" && kpi3.document.kpis).toEqual(
      kpi2.ok && kpi2.document.kind === "kpi" && kpi2.document.kpis,
    );
    const g2 = parseKolada(fixture("v2-municipality_groups.json"));
    const g3 = parseKolada(fixture("v3-municipality_groups.json"));
    expect(g2.ok && g2.document.kind === "groups" && g2.document.groups).toEqual([
      {
        id: "G99001",
        title: "Liknande kommuner IFO, Kungsbacka (testdata)",
        members: ["1384", "1383", "1481", "1441"],
      },
    ]);
    expect(g3.ok && g3.document.kind === "groups" && g3.document.groups).toEqual(
      g2.ok && g2.document.kind === "groups" && g2.document.groups,
    );
  });

  it("report every bad row of a malformed file and return no rows", () => {
    const parsed = parseKolada(fixture("malformed.json"));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { row: 3, field: "values.0.gender", message: "Kön ska vara T, K eller M." },
      { row: 4, field: "municipality", message: "Kommunkoden ska vara fyra siffror." },
      { row: 4, field: "period", message: "Perioden ska vara ett årtal, som tal eller text." },
      { row: 4, field: "values.0.value", message: "måste vara ett tal." },
    ]);
    expect(parseKolada({ rows: [] })).toEqual({
      ok: false,
      problems: [{ field: "values", message: "Filen ska ha en lista values, som Koladas API." }],
    });
  });

  it("write values back in either shape and read them again unchanged", () => {
    const rows = dataRows("v2-data-page1.json", "v2-data-page2.json");
    for (const version of ["v2", "v3"] as const) {
      const written = toKoladaData(version, rows);
      expect(Object.keys(written)).toContain(version === "v2" ? "next_page" : "next_url");
      const again = parseKolada(JSON.parse(JSON.stringify(written)));
      expect(
        again.ok && again.document.kind === "data" && sorted(again.document.rows.map(({ row: _r, ...r }) => r)),
      ).toEqual(sorted(rows));
    }
  });
});

describe("fetchPages", () => {
  it("refuses to follow a next link to another origin", async () => {
    const fake = (async () =>
      new Response(JSON.stringify({ values: [], next_url: "https://elsewhere.example/v3/data?page=2" }), {
        status: 200,
      })) as typeof fetch;
    await expect(fetchPages("https://api.kolada.se/v3/data/kpi/U90001", fake)).rejects.toThrow(
      "Kolada hänvisade till en annan adress (https://elsewhere.example); hämtningen avbröts.",
    );
  });
});
