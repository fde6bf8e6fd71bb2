import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";

let t: TestApp;
const ifo = () => t.demo.nodes.ifo?.id as string;

type Table = { key: string; columns: { key: string; type: string }[]; rows: Record<string, string | number | null>[] };
type Dataset = {
  id: string;
  dataset: string;
  period: string;
  publishedAt: string;
  checksum: string;
  tables: Table[];
  links: { json: string; csv: { table: string; href: string }[]; kolada: string | null };
};
type Catalogue = { datasets: Dataset[] };

const anonymous = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });
async function json<T>(url: string): Promise<T> {
  const res = await anonymous(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}
const published = async (dataset: string, period: string) => {
  const found = (await json<Catalogue>("/api/public/oppna-data")).datasets.find(
    (d) => d.dataset === dataset && d.period === period,
  );
  if (!found) throw new Error(`${dataset} ${period} is not published`);
  return json<Dataset>(found.links.json);
};
const table = (d: Dataset, key: string) => d.tables.find((x) => x.key === key) as Table;

/** No count of the dataset is 1 or 2: those are published as null. */
function expectNoSmallCounts(d: Dataset) {
  for (const t of d.tables)
    for (const r of t.rows)
      for (const c of t.columns.filter((x) => x.type === "number")) {
        const v = r[c.key];
        if (typeof v === "number") expect(v === 0 || v >= 3, `${t.key} ${c.key}`).toBe(true);
      }
}

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
}, 300_000);
afterAll(() => t.close());

describe("publishing open data", () => {
  it("lets the nämnd's secretary publish, and refuses a role that may not publish", async () => {
    const input = { orgNodeId: ifo(), dataset: "kvalitet-statistik", period: "2022" };
    const controller = await t.as("controller");
    expect((await controller.post("/api/oppna-data/publiceringar", input)).statusCode).toBe(403);
    expect((await anonymous("/api/public/oppna-data")).json().datasets.map((d: Dataset) => d.period)).not.toContain(
      "2022",
    );
    const sekr = await t.as("sekreterare");
    const res = await sekr.post("/api/oppna-data/publiceringar", input);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dataset: "kvalitet-statistik", period: "2022" });
    const listed = (await sekr.get(`/api/oppna-data/publiceringar?orgNodeId=${ifo()}`)).json();
    expect(listed.publications.find((p: Dataset) => p.period === "2022").publisherName).toBe("Nora Nämndsekreterare");
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action"])
      .where("entity", "=", "open_data_publication")
      .where("entity_id", "=", res.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("names the field when the period does not fit the dataset", async () => {
    const sekr = await t.as("sekreterare");
    const res = await sekr.post("/api/oppna-data/publiceringar", {
      orgNodeId: ifo(),
      dataset: "evb-statistik",
      period: "2023",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("Period");
  });

  it("serves nothing unpublished: a withdrawn dataset is 404 on every public route", async () => {
    const sekr = await t.as("sekreterare");
    const made = await sekr.post("/api/oppna-data/publiceringar", {
      orgNodeId: ifo(),
      dataset: "kvalitet-statistik",
      period: "2021",
    });
    expect(made.statusCode, made.body).toBe(200);
    const d = await published("kvalitet-statistik", "2021");
    expect((await sekr.delete(`/api/oppna-data/publiceringar/${d.id}`)).statusCode).toBe(204);
    for (const url of [d.links.json, ...d.links.csv.map((c) => c.href)]) {
      expect((await anonymous(url)).statusCode, url).toBe(404);
    }
    const catalogue = await json<Catalogue>("/api/public/oppna-data");
    expect(catalogue.datasets.map((x) => x.id)).not.toContain(d.id);
  });
});

describe("the public reads", () => {
  it("serves the goal follow-up with goals, assessments, indicator values per sex and targets", async () => {
    const d = await published("maluppfoljning", "2023");
    expect(d.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const goals = table(d, "mal");
    expect(goals.rows.length).toBeGreaterThan(3);
    expect(goals.rows.some((r) => r.bedomning !== null)).toBe(true);
    const values = table(d, "indikatorvarden");
    expect(new Set(values.rows.map((r) => r.kon))).toEqual(new Set(["T", "K", "M"]));
    expect(values.rows.filter((r) => typeof r.varde === "number").length).toBeGreaterThan(20);
    expect(table(d, "malvarden").columns.map((c) => c.key)).toEqual(["indikator", "ar", "malvarde"]);
  });

  it("gives the same values as CSV, machine-readable, with the publishing date", async () => {
    const d = await published("maluppfoljning", "2023");
    const values = table(d, "indikatorvarden");
    const link = d.links.csv.find((c) => c.table === "indikatorvarden") as { href: string };
    const res = await anonymous(link.href);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["last-modified"]).toBe(new Date(d.publishedAt).toUTCString());
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(values.columns.map((c) => c.key).join(";"));
    expect(lines.length).toBe(values.rows.length + 1);
    const decimal = values.rows.find((r) => typeof r.varde === "number" && !Number.isInteger(r.varde));
    if (decimal) expect(res.body).toContain(`;${String(decimal.varde)};`);
    expect(res.body).not.toMatch(/;\d+,\d+;/);
  });

  it("gives the indicator values in Kolada's format", async () => {
    const d = await published("maluppfoljning", "2023");
    const kolada = await json<{
      count: number;
      next_url: null;
      values: {
        kpi: string;
        municipality: string;
        period: number;
        values: { gender: string; value: number | null }[];
      }[];
    }>(d.links.kolada as string);
    expect(kolada.count).toBe(kolada.values.length);
    const numeric = table(d, "indikatorvarden").rows.filter((r) => typeof r.varde === "number");
    const flat = kolada.values.flatMap((v) => v.values.map((x) => ({ year: v.period, ...x })));
    expect(flat.filter((v) => v.value !== null).length).toBe(numeric.length);
    const sample = numeric[0] as Record<string, string | number | null>;
    expect(flat).toContainEqual(
      expect.objectContaining({ year: Number(sample.ar), gender: sample.kon, value: sample.varde }),
    );
  });

  it("is cacheable: public max-age, an ETag of the content and 304 when it is unchanged", async () => {
    const res = await anonymous("/api/public/oppna-data");
    expect(res.headers["cache-control"]).toMatch(/^public, max-age=\d+$/);
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await anonymous("/api/public/oppna-data", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect((await anonymous("/api/public/oppna-data", { "if-none-match": '"x"' })).statusCode).toBe(200);
    // The logged-in API stays uncached.
    const sekr = await t.as("sekreterare");
    expect((await sekr.get(`/api/oppna-data/publiceringar?orgNodeId=${ifo()}`)).headers["cache-control"]).toBe(
      "no-store",
    );
  });

  it("publishes the EVB statistics by law, sex and waiting time", async () => {
    const d = await published("evb-statistik", "2023Q4");
    expect(d.tables.map((x) => x.key)).toEqual(["arenden", "lag", "kon", "vantetid"]);
    const open = table(d, "arenden").rows[0]?.antal as number;
    expect(open).toBeGreaterThan(2);
    const bands = table(d, "vantetid").rows.map((r) => r.antal);
    expect(bands).toHaveLength(4);
    expectNoSmallCounts(d);
  });

  it("suppresses small counts: kvalitet counts of 1 or 2 are published as null", async () => {
    const d = await published("kvalitet-statistik", "2023");
    const admin = await t.as("admin");
    const raw = (await admin.get(`/api/kvalitet/statistik?orgNodeId=${ifo()}&year=2023`)).json();
    const shown = (matt: string) => table(d, "klagomal").rows.find((r) => r.matt === matt)?.antal;
    let small = 0;
    for (const type of raw.klagomal.diarium.byType as { name: string; count: number }[]) {
      if (type.count > 0 && type.count < 3) {
        small++;
        expect(shown(`Slag: ${type.name}`), type.name).toBeNull();
      } else if (shown(`Slag: ${type.name}`) !== null) expect(shown(`Slag: ${type.name}`)).toBe(type.count);
    }
    // With the total published, a single hidden cell would be recovered by subtraction: a second one is hidden.
    const hidden = (raw.klagomal.diarium.byType as unknown[]).filter(
      (_, i) => table(d, "klagomal").rows[i + 1]?.antal === null,
    );
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    expectNoSmallCounts(d);
    expect(small).toBeGreaterThan(0);
    const csv = await anonymous(d.links.csv.find((c) => c.table === "klagomal")?.href as string);
    // A suppressed count is an empty cell.
    expect(csv.body).toMatch(/;\r\n/);
  });
});
