import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkArchitecture, describeViolations, type Rule } from "./architecture.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sourceTree(): Record<string, string> {
  const files = fs.readdirSync(path.join(root, "src"), { recursive: true, encoding: "utf8" });
  return Object.fromEntries(
    files
      .filter((f) => /\.(ts|tsx|mjs)$/.test(f))
      .map((f) => {
        const file = path.posix.join("src", f.split(path.sep).join("/"));
        return [file, fs.readFileSync(path.join(root, file), "utf8")];
      }),
  );
}

describe("architecture of src/", () => {
  it("keeps every seam", () => {
    const tree = sourceTree();
    expect(Object.keys(tree).length).toBeGreaterThan(100);
    const violations = checkArchitecture(tree);
    expect(violations.length, `\n${describeViolations(violations)}\n`).toBe(0);
  });
});

/** The rules each break in a tree of the given files; a test of the test. */
const broken = (files: Record<string, string>): Rule[] => [...new Set(checkArchitecture(files).map((v) => v.rule))];

describe("the architecture checker", () => {
  it("lets a capability reach another only through its index.ts", () => {
    expect(broken({ "src/evb/x.ts": 'import { a } from "../styrning/repository.ts";' })).toEqual([
      "capability-surface",
    ]);
    expect(broken({ "src/evb/x.ts": 'import type { T } from "../styrning/tables.ts";' })).toEqual([
      "capability-surface",
    ]);
    expect(broken({ "src/evb/x.ts": 'import { seedDemo } from "../app/seed.ts";' })).toEqual(["capability-surface"]);
    expect(
      broken({
        "src/evb/x.ts": 'import { a } from "../styrning/index.ts";\nimport { b } from "../platform/db/rows.ts";',
        "src/evb/x.test.ts": 'import { testApp } from "../app/testing.ts";\nimport { c } from "./x.ts";',
      }),
    ).toEqual([]);
  });

  it("keeps the platform free of capabilities", () => {
    expect(broken({ "src/platform/x.ts": 'import { a } from "../evb/index.ts";' })).toEqual(["platform-independent"]);
    expect(broken({ "src/platform/x.ts": 'import { a } from "../app/server.ts";' })).toEqual(["platform-independent"]);
    expect(broken({ "src/platform/x.test.ts": 'import { a } from "../evb/testing.ts";' })).toEqual([
      "platform-independent",
    ]);
    expect(broken({ "src/platform/x.test.ts": 'import { testApp } from "../app/testing.ts";' })).toEqual([]);
  });

  it("lets the composition root use capabilities' index.ts only", () => {
    expect(broken({ "src/app/x.ts": 'import { routes } from "../evb/routes.ts";' })).toEqual(["composition-root"]);
    expect(broken({ "src/app/x.ts": 'import { evbTestApp } from "../evb/testing.ts";' })).toEqual(["composition-root"]);
    expect(
      broken({
        "src/app/x.ts": 'import { evbRoutes } from "../evb/index.ts";',
        "src/app/x.test.ts": 'import { evbTestApp } from "../evb/testing.ts";',
      }),
    ).toEqual([]);
  });

  it("keeps server modules out of the web UI, also when reached through a harmless-looking module", () => {
    const web = (imported: string) => ({ "src/web/Page.tsx": `import { a } from "${imported}";` });
    expect(broken(web("../evb/routes.ts"))).toEqual(["web-browser-safe"]);
    expect(broken(web("../evb/index.ts"))).toEqual(["web-browser-safe"]);
    expect(broken(web("node:fs"))).toEqual(["web-browser-safe"]);
    expect(
      broken({ ...web("../evb/rules.ts"), "src/evb/rules.ts": 'import { sql } from "kysely";\nexport const a = 1;' }),
    ).toEqual(["web-browser-safe"]);
    expect(
      broken({
        "src/web/Page.tsx": 'import type { A } from "../evb/routes.ts";\nimport { b } from "../evb/rules.ts";',
        "src/evb/rules.ts": 'import type { Kysely } from "kysely";\nimport { z } from "zod";\nexport const b = 1;',
      }),
    ).toEqual([]);
  });

  it("finds SQL outside repositories and migrations", () => {
    expect(broken({ "src/evb/report.ts": "export const q = (db) => db.selectFrom('evb_decision');" })).toEqual([
      "sql-in-repositories",
    ]);
    expect(broken({ "src/evb/report.ts": 'import { sql } from "kysely";\nconst q = sql<number>`select 1`;' })).toEqual([
      "sql-in-repositories",
    ]);
    expect(broken({ "src/evb/a.ts": "const f = ({ deleteFrom }) => deleteFrom('x');" })).toEqual([
      "sql-in-repositories",
    ]);
    const query = 'import { sql } from "kysely";\nexport const q = (db) => db.insertInto("x") && sql`select 1`;';
    expect(
      broken({
        "src/evb/repository.ts": query,
        "src/ekonomi/import-repository.ts": query,
        "src/styrning/kolada/repository.ts": query,
        "src/evb/migrations/0001_x.ts": query,
        "src/platform/db/backup.ts": query,
        "src/evb/testing.ts": query,
        "src/evb/report.ts": "// db.selectFrom('x') in a comment, and in a string: 'sql`'",
      }),
    ).toEqual([]);
  });

  it("finds hand-written API URLs and query keys in the web UI", () => {
    expect(broken({ "src/web/a.tsx": 'const r = fetch("/api/evb/decisions");' })).toEqual(["web-derived-client"]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal under test.
    expect(broken({ "src/web/a.tsx": "const u = (id) => `/api/evb/decisions/${id}`;" })).toEqual([
      "web-derived-client",
    ]);
    expect(broken({ "src/web/a.ts": 'const q = { queryKey: ["evb", 1], queryFn };' })).toEqual(["web-derived-client"]);
    expect(
      broken({
        "src/web/a.tsx":
          'import { useApi } from "./api.ts";\nconst x = "Se /api-dokumentationen";\nconst k = { key: 1 };',
        "src/evb/api.ts": 'export const e = { url: "/api/evb/decisions" };',
      }),
    ).toEqual([]);
  });

  it("names every module that reads or writes through the service kit <topic>-service.ts", () => {
    const kit = 'import { write, type BoundAudit } from "../platform/service.ts";';
    expect(broken({ "src/evb/register.ts": kit })).toEqual(["service-naming"]);
    expect(broken({ "src/evb/kolada/sync.ts": 'import { read } from "../../platform/service.ts";' })).toEqual([
      "service-naming",
    ]);
    expect(
      broken({
        "src/evb/register-service.ts": kit,
        "src/evb/demo.ts": kit,
        "src/evb/testing.ts": kit,
        "src/evb/proposed.ts": 'import type { BoundAudit } from "../platform/service.ts";',
        "src/evb/rules.ts": 'import { type BoundAudit } from "../platform/service.ts";',
      }),
    ).toEqual([]);
  });

  it("finds import cycles of values, not of types", () => {
    const cycle = {
      "src/evb/a.ts": 'import { b } from "./b.ts";\nexport const a = 1;',
      "src/evb/b.ts": 'import { c } from "./c.ts";\nexport const b = 1;',
      "src/evb/c.ts": 'export { a } from "./a.ts";\nexport const c = 1;',
    };
    const found = checkArchitecture(cycle);
    expect(found.map((v) => v.detail)).toEqual([
      "import cycle src/evb/a.ts → src/evb/b.ts → src/evb/c.ts → src/evb/a.ts",
    ]);
    expect(broken({ ...cycle, "src/evb/c.ts": 'export type { A } from "./a.ts";' })).toEqual([]);
  });

  it("reports a file it cannot parse", () => {
    expect(broken({ "src/evb/a.ts": "import { from" })).toEqual(["parse"]);
  });
});
