// The sequence docs/api.md shows with curl, over a real socket: log in, read the CSRF token from the answer,
// then change something with the session cookie and the CSRF header. The OpenAPI document describes it.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, type TestApp, testApp } from "../../app/testing.ts";
import { SESSION_COOKIE } from "../auth/routes.ts";
import { CSRF_HEADER } from "./csrf.ts";

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t?.close();
});

const json = { "content-type": "application/json" };

describe("signing in from a script (docs/api.md)", () => {
  it("logs in, reads with the cookie and changes with the cookie and the CSRF header", async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const session = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(session).toBeDefined();
    const cookie = (session as string).split(";")[0] as string;

    const tree = await fetch(`${base}/api/org/tree`, { headers: { cookie } });
    expect(tree.status).toBe(200);

    const unit = { parentId: t.demo.nodes.ifo?.id, kind: "enhet", name: "Enhet från skript" };
    const withoutCsrf = await fetch(`${base}/api/org/nodes`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify(unit),
    });
    expect(withoutCsrf.status).toBe(403);

    const created = await fetch(`${base}/api/org/nodes`, {
      method: "POST",
      headers: { ...json, cookie, [CSRF_HEADER]: csrfToken },
      body: JSON.stringify(unit),
    });
    expect(created.status, await created.clone().text()).toBe(200);
    expect(await created.json()).toMatchObject({ name: "Enhet från skript", kind: "enhet" });

    const withoutCookie = await fetch(`${base}/api/org/nodes`, {
      method: "POST",
      headers: { ...json, [CSRF_HEADER]: csrfToken },
      body: JSON.stringify(unit),
    });
    expect(withoutCookie.status).toBe(401);
  });
});

type Operation = { security?: Record<string, string[]>[] };
type Document = {
  info: { description: string };
  security: Record<string, string[]>[];
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
  paths: Record<string, Record<string, Operation>>;
};

describe("the OpenAPI document", () => {
  let doc: Document;
  beforeAll(async () => {
    doc = (await fetch(`${base}/api/openapi.json`).then((r) => r.json())) as Document;
  });

  it("names the session cookie and the CSRF header as security schemes, and how to get both", () => {
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
      csrf: { type: "apiKey", in: "header", name: CSRF_HEADER },
    });
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.info.description).toContain("POST /api/auth/login");
    expect(doc.info.description).toContain(CSRF_HEADER);
  });

  it("asks the session of every read, the session and CSRF header of every change, nothing of public routes", () => {
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const isPublic =
          path.startsWith("/api/public/") ||
          ["/api/health", "/api/openapi.json", "/api/auth/login", "/api/auth/methods"].includes(path) ||
          path.startsWith("/api/auth/oidc/") ||
          path.startsWith("/api/calendar/");
        const expected = isPublic ? [] : method === "get" ? [{ session: [] }] : [{ session: [], csrf: [] }];
        if (JSON.stringify(operation.security) !== JSON.stringify(expected))
          wrong.push(`${method.toUpperCase()} ${path}: ${JSON.stringify(operation.security)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("says input objects take no fields beyond those they declare", () => {
    const body = doc.paths["/api/org/nodes"]?.post as { requestBody: { content: Record<string, { schema: object }> } };
    expect(body.requestBody.content["application/json"]?.schema).toMatchObject({ additionalProperties: false });
  });
});
