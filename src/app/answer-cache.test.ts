// Heavy reads' answers are held in memory until data changes (platform/http/answer-cache.ts): a repeated read sends
// no SQL, every change — by Lots or by plain SQL, as an operator or another process would — reaches the next read,
// and a held answer with personal data is logged in the access log each time it is given out.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeNotices, NoticeChannel } from "../platform/db/change-notices.ts";
import { TABLES_WITHOUT_DATA_NOTICES } from "../platform/db/data-change-notices.ts";
import { AnswerCache, type HeldAnswer } from "../platform/http/answer-cache.ts";
import { HELD_HEADER } from "../platform/http/route.ts";
import { type TestApp, testApp } from "./testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(async () => {
  await t.close();
});

const followUp = () => `/api/ekonomi/namnder/${t.demo.nodes.ifo?.id}/years/2023/follow-up`;

describe("held answers of heavy reads", () => {
  it("answer a repeated read from memory, without SQL", async () => {
    const client = await t.as("controller");
    const first = await client.get(followUp());
    expect(first.statusCode).toBe(200);
    expect(first.headers[HELD_HEADER]).toBe("computed");
    const before = t.statements();
    const second = await client.get(followUp());
    expect(t.statements() - before).toBe(0);
    expect(second.headers[HELD_HEADER]).toBe("held");
    expect(second.headers["content-type"]).toMatch(/^application\/json/);
    expect(second.json()).toEqual(first.json());
  });

  it("compute anew after a change by plain SQL, and show it", async () => {
    const client = await t.as("controller");
    const before = (await client.get(followUp())).json();
    expect((await client.get(followUp())).headers[HELD_HEADER]).toBe("held");
    await sql`UPDATE ekonomi_figure SET amount_kr = amount_kr + 1000000`.execute(t.database.db);
    const after = await client.get(followUp());
    expect(after.headers[HELD_HEADER]).toBe("computed");
    expect(after.json()).not.toEqual(before);
  });

  it("hold answers per user: another user's read is computed for that user", async () => {
    await (await t.as("controller")).get(followUp());
    const other = await (await t.as("admin")).get(followUp());
    expect(other.headers[HELD_HEADER]).toBe("computed");
  });

  it("log a held answer with personal data in the access log every time it is given out", async () => {
    const client = await t.as("kvalitet");
    const url = `/api/kvalitet/oversikt?orgNodeId=${t.demo.nodes.ifo?.id}&periodStart=2023-01-01&periodEnd=2023-12-31`;
    const entries = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM access_log`.execute(t.database.db)).rows[0]?.n ?? 0);
    const start = await entries();
    const first = await client.get(url);
    expect(first.statusCode).toBe(200);
    const logged = (await entries()) - start;
    expect(logged).toBeGreaterThan(0);
    const second = await client.get(url);
    expect(second.headers[HELD_HEADER]).toBe("held");
    expect((await entries()) - start).toBe(2 * logged);
  });

  it("notify on every table with data, and on none written by reads or sign-ins", async () => {
    const { rows } = await sql<{ table: string; notifies: boolean }>`
      SELECT c.relname AS "table",
        EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'lots_data_change') AS notifies
      FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'`.execute(t.database.db);
    expect(rows.length).toBeGreaterThan(100);
    const quiet = new Set(TABLES_WITHOUT_DATA_NOTICES);
    expect(rows.filter((r) => r.notifies === quiet.has(r.table))).toEqual([]);
  });
});

describe("the answer cache", () => {
  const notices = () => {
    const fire = new Map<NoticeChannel, () => void>();
    let live = true;
    const n: ChangeNotices = {
      subscribe: (channel, fn) => {
        fire.set(channel, fn);
        return () => fire.delete(channel);
      },
      live: () => live,
      close: async () => {},
    };
    return { n, fire: (channel: NoticeChannel) => fire.get(channel)?.(), setLive: (v: boolean) => (live = v) };
  };
  const answer = (payload: string): HeldAnswer => ({ payload, entries: [] });

  it("computes equal reads at once only once, and holds the answer", async () => {
    const cache = new AnswerCache(notices().n);
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return answer("a");
    };
    const loads = await Promise.all([cache.load("k", read), cache.load("k", read), cache.load("k", read)]);
    expect(reads).toBe(1);
    expect(loads.map((l) => l.fresh)).toEqual([true, false, false]);
    expect(cache.get("k")?.payload).toBe("a");
  });

  it("drops everything on a data or auth notice, and keeps nothing read while one came", async () => {
    const { n, fire } = notices();
    const cache = new AnswerCache(n);
    await cache.load("k", async () => answer("a"));
    fire("lots_data");
    expect(cache.get("k")).toBeUndefined();
    await cache.load("k", async () => answer("a"));
    fire("lots_auth");
    expect(cache.get("k")).toBeUndefined();

    let release = () => {};
    const slow = cache.load("k", () => new Promise<HeldAnswer>((resolve) => (release = () => resolve(answer("old")))));
    fire("lots_data");
    // A read after the notice does not join the one begun before it.
    expect((await cache.load("k", async () => answer("new"))).answer.payload).toBe("new");
    release();
    expect((await slow).answer.payload).toBe("old");
    expect(cache.get("k")?.payload).toBe("new");
  });

  it("holds nothing while notices are not live, nor past its age", async () => {
    const { n, setLive } = notices();
    let now = 0;
    const cache = new AnswerCache(n, () => now);
    setLive(false);
    await cache.load("k", async () => answer("a"));
    expect(cache.get("k")).toBeUndefined();
    setLive(true);
    await cache.load("k", async () => answer("a"));
    now = 29_000;
    expect(cache.get("k")?.payload).toBe("a");
    now = 31_000;
    expect(cache.get("k")).toBeUndefined();
  });

  it("gives up the least recently used answers beyond its size", async () => {
    const cache = new AnswerCache(notices().n);
    const big = "x".repeat(30 * 2 ** 20);
    await cache.load("a", async () => answer(big));
    await cache.load("b", async () => answer(big));
    expect(cache.get("a")).toBeDefined(); // now b is the least recently used
    await cache.load("c", async () => answer(big));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
  });
});
