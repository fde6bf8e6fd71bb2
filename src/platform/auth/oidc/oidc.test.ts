// Single sign-on against a real OpenID Connect provider (oidc-provider) started on a random local port:
// the whole authorization-code flow through Lots's routes, and the refusals a municipality must see.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../app/testing.ts";
import { signInAtProvider, startTestProvider, type TestProvider } from "./provider-testing.ts";
import { signInSettings } from "./settings.ts";

const LOTS = "http://lots.test";
const CALLBACK = `${LOTS}/api/auth/oidc/callback`;

let idp: TestProvider;
let t: TestApp;

/** The sign-in settings of the tests' Lots against the local provider, with `extra` settings. */
const kungsbacka = (extra: Record<string, string>) =>
  signInSettings({
    LOTS_OIDC_ISSUER: idp.issuer,
    LOTS_OIDC_CLIENT_ID: idp.clientId,
    LOTS_OIDC_CLIENT_SECRET: idp.clientSecret,
    LOTS_OIDC_SCOPES: "openid profile email groups",
    LOTS_OIDC_REDIRECT_URL: CALLBACK,
    LOTS_OIDC_CONTACT: "IT-servicedesk",
    ...extra,
  });

beforeAll(async () => {
  idp = await startTestProvider({
    redirectUrl: CALLBACK,
    postLogoutRedirectUrl: `${LOTS}/`,
    accounts: {
      anna: {
        name: "Anna Andersson",
        email: "anna.andersson@kungsbacka.se",
        preferred_username: "anna.andersson@kungsbacka.se",
        groups: ["IFO-Controllers", "Alla-anstallda"],
      },
      nils: { name: "Nils Nilsson", email: "nils@kungsbacka.se", groups: ["Alla-anstallda"] },
      // A name a local demo account already has: the provider must not take that account over.
      controller: { name: "Carl Kontroll", preferred_username: "controller", groups: ["IFO-Controllers"] },
      mange: { name: "Maja Många", email: "maja@kungsbacka.se", groupsElsewhere: true },
    },
  });
  t = await testApp({ signIn: kungsbacka({ LOTS_OIDC_NAME: "Kungsbacka kommun" }) });
  const admin = await t.as("admin");
  const saved = await admin.put("/api/admin/oidc/rules", {
    rules: [{ claim: "groups", value: "IFO-Controllers", role: "controller", orgNodeId: t.demo.nodes.ifo?.id }],
  });
  expect(saved.statusCode, saved.body).toBe(200);
});

afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** Starts at Lots, signs in at the provider as `login`, and brings the browser back to Lots's callback. */
async function signIn(login: string, tamper?: (callback: URL) => void, on: TestApp = t) {
  const start = await on.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
  expect(start.statusCode, start.body).toBe(302);
  const pending = start.cookies.find((c) => c.name === "lots_oidc");
  expect(pending).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/auth/oidc" });
  const authorization = new URL(start.headers.location as string);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("nonce")).toBeTruthy();
  const back = await signInAtProvider(authorization.href, login, CALLBACK);
  tamper?.(back);
  return on.app.inject({
    method: "GET",
    url: `${back.pathname}${back.search}`,
    cookies: { lots_oidc: pending?.value as string },
  });
}

const sessionOf = (res: Awaited<ReturnType<typeof signIn>>) => res.cookies.find((c) => c.name === "lots_session");

describe("single sign-on with OpenID Connect", () => {
  it("offers the provider by name on the login page, with password login still on", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/auth/methods" });
    expect(res.json()).toEqual({ localLogin: true, oidc: { name: "Kungsbacka kommun" } });
  });

  it("creates the user from the claims, maps the group to controller on the nämnd and audits the login", async () => {
    const res = await signIn("anna");
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe("/");
    const session = sessionOf(res);
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: { lots_session: session?.value as string },
    });
    const user = me.json().user;
    expect(user).toMatchObject({ username: "anna.andersson@kungsbacka.se", displayName: "Anna Andersson" });
    expect(user.assignments).toEqual([
      expect.objectContaining({ role: "controller", orgNodeId: t.demo.nodes.ifo?.id }),
    ]);
    const login = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity", "=", "session")
      .where("entity_id", "=", user.id)
      .execute();
    expect(login).toEqual([{ action: "login", after: { idp: "Kungsbacka kommun" } }]);

    // A second login finds the same account by its subject and keeps one rule-made role.
    const again = await signIn("anna");
    expect(again.statusCode).toBe(302);
    const accounts = await t.database.db
      .selectFrom("oidc_identity")
      .select("user_id")
      .where("subject", "=", "anna")
      .execute();
    expect(accounts).toEqual([{ user_id: user.id }]);
    const roles = await t.database.db
      .selectFrom("role_assignment")
      .select("role")
      .where("user_id", "=", user.id)
      .execute();
    expect(roles).toEqual([{ role: "controller" }]);
  });

  it("does not take over a local account that has the same user name", async () => {
    const res = await signIn("controller");
    expect(res.statusCode, res.body).toBe(302);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: { lots_session: sessionOf(res)?.value as string },
    });
    expect(me.json().user.username).not.toBe("controller");
    expect(me.json().user.id).not.toBe(t.demo.users.controller);
  });

  it("refuses a user whose groups map to nothing, with a clear message and no session", async () => {
    const res = await signIn("nils");
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("Ditt konto i Lots har ingen behörighet ännu – kontakta IT-servicedesk.");
    expect(sessionOf(res)).toBeUndefined();
    // The account exists, so an admin can find it and give it a role.
    const user = await t.database.db
      .selectFrom("app_user")
      .select("display_name")
      .where("email", "=", "nils@kungsbacka.se")
      .execute();
    expect(user).toEqual([{ display_name: "Nils Nilsson" }]);
  });

  it("refuses an ID token issued for another audience", async () => {
    idp.forge("wrong_audience");
    try {
      const res = await signIn("anna");
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("utfärdat för en annan tjänst än Lots");
      expect(sessionOf(res)).toBeUndefined();
    } finally {
      idp.forge(null);
    }
  });

  it("refuses an expired ID token", async () => {
    idp.forge("expired");
    try {
      const res = await signIn("anna");
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("har gått ut eller gäller inte ännu");
      expect(sessionOf(res)).toBeUndefined();
    } finally {
      idp.forge(null);
    }
  });

  it("refuses an answer whose state is not the one this browser started with", async () => {
    const res = await signIn("anna", (callback) => callback.searchParams.set("state", "en-annan-inloggning"));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("hör inte till inloggningen som startades i den här webbläsaren");
    expect(sessionOf(res)).toBeUndefined();
  });

  it("refuses a callback without the pending sign-in cookie", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/auth/oidc/callback?code=x&state=y" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Inloggningen tog för lång tid eller började i en annan webbläsare");
  });

  it("ends the session at the provider too on logout, with the ID token as hint", async () => {
    const res = await signIn("anna");
    const cookie = sessionOf(res)?.value as string;
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", cookies: { lots_session: cookie } });
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      cookies: { lots_session: cookie },
      headers: { "x-csrf-token": me.json().csrfToken },
    });
    expect(out.statusCode, out.body).toBe(200);
    const redirect = new URL(out.json().redirectTo);
    expect(redirect.origin).toBe(idp.issuer);
    expect(redirect.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(redirect.searchParams.get("post_logout_redirect_uri")).toBe(`${LOTS}/`);
    const after = await t.app.inject({ method: "GET", url: "/api/auth/me", cookies: { lots_session: cookie } });
    expect(after.statusCode).toBe(401);
  });

  it("previews what a change of the rules does to the users who signed in, saving nothing", async () => {
    const admin = await t.as("admin");
    const before = (await admin.get("/api/admin/oidc/rules")).json();
    expect(before.configured).toBe(true);
    const proposed = [
      { claim: "groups", value: "IFO-Controllers", role: "controller", orgNodeId: t.demo.nodes.ifo?.id },
      { claim: "groups", value: "Alla-anstallda", role: "medarbetare", orgNodeId: t.demo.nodes["bss-almen"]?.id },
    ];
    const res = await admin.post("/api/admin/oidc/rules/preview", { rules: proposed });
    expect(res.statusCode, res.body).toBe(200);
    // Anna, Nils and Carl have signed in; Anna and Nils are in Alla-anstallda, only Nils had no role.
    expect(res.json()).toEqual({
      users: 3,
      changes: [
        {
          role: "medarbetare",
          orgNodeId: t.demo.nodes["bss-almen"]?.id,
          orgNodeName: "Gruppbostad Almen",
          gained: 2,
          lost: 0,
        },
      ],
      withoutRole: { before: 1, after: 0 },
    });
    expect((await admin.get("/api/admin/oidc/rules")).json()).toEqual(before);
  });

  it("applies saved rules at the next login: rule-made roles replaced, roles assigned by hand kept", async () => {
    const anna = await t.database.db
      .selectFrom("oidc_identity")
      .select("user_id")
      .where("subject", "=", "anna")
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto("role_assignment")
      .values({ user_id: anna.user_id, role: "kvalitet", org_node_id: t.demo.nodes.ifo?.id as string })
      .execute();
    const admin = await t.as("admin");
    const saved = await admin.put("/api/admin/oidc/rules", {
      rules: [
        { claim: "groups", value: "Alla-anstallda", role: "medarbetare", orgNodeId: t.demo.nodes["bss-almen"]?.id },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rules).toEqual([
      expect.objectContaining({ value: "Alla-anstallda", role: "medarbetare", orgNodeName: "Gruppbostad Almen" }),
    ]);
    const audited = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "oidc_role_rule")
      .orderBy("id")
      .execute();
    expect(audited.map((a) => a.action)).toEqual(["create", "delete", "create"]);

    expect((await signIn("anna")).statusCode).toBe(302);
    const roles = await t.database.db
      .selectFrom("role_assignment")
      .select(["role", "org_node_id"])
      .where("user_id", "=", anna.user_id)
      .orderBy("role")
      .execute();
    expect(roles).toEqual([
      { role: "kvalitet", org_node_id: t.demo.nodes.ifo?.id },
      { role: "medarbetare", org_node_id: t.demo.nodes["bss-almen"]?.id },
    ]);
  });

  it("lets only admins read and change the rules, and names a row whose unit does not exist", async () => {
    expect((await (await t.as("controller")).get("/api/admin/oidc/rules")).statusCode).toBe(403);
    const res = await (await t.as("admin")).put("/api/admin/oidc/rules", {
      rules: [{ claim: "groups", value: "X", role: "controller", orgNodeId: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("Organisationsenhet");
  });
});

describe("with password login turned off", () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await testApp({
      signIn: signInSettings({
        LOTS_OIDC_ISSUER: idp.issuer,
        LOTS_OIDC_CLIENT_ID: idp.clientId,
        LOTS_OIDC_CLIENT_SECRET: idp.clientSecret,
        LOTS_OIDC_REDIRECT_URL: CALLBACK,
        LOTS_LOCAL_LOGIN: "off",
      }),
    });
  });
  afterAll(() => off?.close());

  it("refuses the password form and tells the login page to hide it", async () => {
    const methods = await off.app.inject({ method: "GET", url: "/api/auth/methods" });
    expect(methods.json()).toEqual({ localLogin: false, oidc: { name: new URL(idp.issuer).host } });
    const res = await off.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "test-password-123" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("Inloggning med lösenord är avstängd");
  });
});

describe("a user in more groups than the ID token lists (Entra ID's overage)", () => {
  let graph: http.Server;
  let graphUrl: string;
  let answer: "pages" | "error" = "pages";
  const calls: Array<{ method?: string; body: string; sub: string | null }> = [];
  let fetching: TestApp;

  beforeAll(async () => {
    // Microsoft Graph's getMemberObjects, in two pages; the bearer token must be the user's own access token
    // (checked at the provider's userinfo endpoint).
    graph = http.createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      const info = await fetch(`${idp.issuer}/me`, { headers: { authorization: req.headers.authorization ?? "" } });
      calls.push({ method: req.method, body, sub: info.ok ? ((await info.json()) as { sub: string }).sub : null });
      if (!info.ok || answer === "error") {
        res.writeHead(info.ok ? 503 : 401).end();
        return;
      }
      const second = req.url?.includes("page=2");
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(
          JSON.stringify(
            second
              ? { value: ["IFO-Controllers"] }
              : { value: ["Alla-anstallda", "g-2"], "@odata.nextLink": `${graphUrl}?page=2` },
          ),
        );
    });
    await new Promise<void>((resolve) => graph.listen(0, "127.0.0.1", resolve));
    graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}/v1.0/me/getMemberObjects`;
    fetching = await testApp({ signIn: kungsbacka({ LOTS_OIDC_GROUPS_URL: graphUrl }) });
    const saved = await (await fetching.as("admin")).put("/api/admin/oidc/rules", {
      rules: [
        { claim: "groups", value: "IFO-Controllers", role: "controller", orgNodeId: fetching.demo.nodes.ifo?.id },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(async () => {
    await fetching?.close();
    graph?.close();
  });

  it("is refused, saying so, where Lots is not set to fetch the groups", async () => {
    const res = await signIn("mange");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("fler grupper än identitetsleverantören skickar med");
    expect(res.body).toContain("LOTS_OIDC_GROUPS_URL");
    expect(sessionOf(res)).toBeUndefined();
  });

  it("fetches every page of the groups with the user's access token and maps them", async () => {
    answer = "pages";
    calls.length = 0;
    const res = await signIn("mange", undefined, fetching);
    expect(res.statusCode, res.body).toBe(302);
    expect(calls).toEqual([
      { method: "POST", body: '{"securityEnabledOnly":false}', sub: "mange" },
      { method: "POST", body: '{"securityEnabledOnly":false}', sub: "mange" },
    ]);
    const me = await fetching.app.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: { lots_session: sessionOf(res)?.value as string },
    });
    expect(me.json().user.assignments).toEqual([
      expect.objectContaining({ role: "controller", orgNodeId: fetching.demo.nodes.ifo?.id }),
    ]);
  });

  it("is refused when the groups cannot be fetched", async () => {
    answer = "error";
    try {
      const res = await signIn("mange", undefined, fetching);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("Lots kunde inte hämta dem");
      expect(sessionOf(res)).toBeUndefined();
    } finally {
      answer = "pages";
    }
  });
});
