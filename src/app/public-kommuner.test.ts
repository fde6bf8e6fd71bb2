// The public pages of an installation serving two kommuner: no kommun heads the lists, and each nämnd and
// dataset names its own kommun (a reader must not take Exempelby's protokoll for Kungsbacka's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoOrganisation } from "../organisation/index.ts";
import { make, type TestApp, testApp } from "./testing.ts";

let t: TestApp;
let other: DemoOrganisation;

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  other = await make.kommun(t, { name: "Exempelby kommun", code: "9999", usernamePrefix: "b." });
}, 300_000);
afterAll(() => t?.close());

const anonymous = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ method: "GET", url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

describe("public pages with two kommuner", () => {
  it("names the kommun of each nämnd that publishes agendas and protokoll", async () => {
    const list = await anonymous<{ kommun: string | null; namnder: { id: string; kommun: string }[] }>(
      "/api/public/namnd",
    );
    expect(list.kommun).toBeNull();
    const kommunOf = new Map(list.namnder.map((n) => [n.id, n.kommun]));
    expect(kommunOf.get(t.demo.nodes.ifo?.id as string)).toBe("Kungsbacka kommun");
    expect(kommunOf.get(other.nodes.ifo?.id as string)).toBe("Exempelby kommun");
  });

  it("names the kommun of each published dataset, in the catalogue and on the dataset", async () => {
    for (const [username, namnd] of [
      ["sekreterare", t.demo.nodes.ifo?.id],
      ["b.sekreterare", other.nodes.ifo?.id],
    ] as const) {
      const res = await (await t.as(username)).post("/api/oppna-data/publiceringar", {
        orgNodeId: namnd,
        dataset: "kvalitet-statistik",
        period: "2022",
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    type Listed = { organisation: { id: string; kommun: string }; period: string; links: { json: string } };
    const catalogue = await anonymous<{ kommun: string | null; datasets: Listed[] }>("/api/public/oppna-data");
    expect(catalogue.kommun).toBeNull();
    const ours = catalogue.datasets.filter((d) => d.period === "2022");
    expect(ours.map((d) => [d.organisation.id, d.organisation.kommun]).sort()).toEqual(
      [
        [t.demo.nodes.ifo?.id, "Kungsbacka kommun"],
        [other.nodes.ifo?.id, "Exempelby kommun"],
      ].sort(),
    );
    for (const d of ours) {
      const one = await anonymous<{ kommun: string; organisation: { kommun: string } }>(d.links.json);
      expect(one.kommun).toBe(d.organisation.kommun);
      expect(one.organisation.kommun).toBe(d.organisation.kommun);
    }
  });
});
