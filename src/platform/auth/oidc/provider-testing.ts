// A real OpenID Connect provider (oidc-provider) on a random local port, for the single sign-on tests:
// its development login form accepts any name, and the accounts' claims come from `accounts`. It can also
// misbehave on request: sign ID tokens for another audience or already expired, as a forged or broken
// provider would, so the tests can see Lots refuse them.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestAccount = {
  name: string;
  email?: string;
  preferred_username?: string;
  groups?: string[];
  /** Too many groups for a token: the ID token refers elsewhere for them, as Entra ID does (its "overage"). */
  groupsElsewhere?: boolean;
};

// What Entra ID puts in an ID token instead of the groups of a user in too many (a distributed claim).
const overageClaims = {
  _claim_names: { groups: "src1" },
  _claim_sources: { src1: { endpoint: "https://graph.windows.net/tenant/users/user/getMemberObjects" } },
};

export type Forgery = "wrong_audience" | "expired" | null;

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Makes the next ID tokens wrong in this way (null: honest again). */
  forge(kind: Forgery): void;
  close(): Promise<void>;
};

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

export async function startTestProvider(options: {
  redirectUrl: string;
  postLogoutRedirectUrl: string;
  accounts: Record<string, TestAccount>;
}): Promise<TestProvider> {
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  let handle: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
  const server = http.createServer((req, res) => handle?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "lots";
  const clientSecret = crypto.randomBytes(24).toString("base64url");

  type GrantContext = {
    oidc: {
      result?: { consent?: { grantId?: string } };
      session: { accountId: string; grantIdFor(clientId: string): string | undefined };
      client: { clientId: string };
      provider: {
        Grant: (new (init: {
          clientId: string;
          accountId: string;
        }) => {
          addOIDCScope(scope: string): void;
          save(): Promise<string>;
        }) & { find(id: string): Promise<unknown> };
      };
    };
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUrl],
        post_logout_redirect_uris: [options.postLogoutRedirectUrl],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["oidc-test-cookie-key"] },
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username"],
      email: ["email"],
      groups: ["groups"],
    },
    // Claims in the ID token, as Entra ID sends groups there, not only from the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => {
        const { groupsElsewhere, ...account } = options.accounts[id] ?? { name: id };
        return { sub: id, ...account, ...(groupsElsewhere ? overageClaims : {}) };
      },
    }),
    // Lots is a first-party client: no consent screen, the grant covers what it asks for.
    loadExistingGrant: async (ctx: GrantContext) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope("openid profile email groups");
      await grant.save();
      return grant;
    },
  });

  let forgery: Forgery = null;
  // After the token endpoint has answered: re-sign the ID token with the provider's own key, but wrong.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (!forgery || ctx.path !== "/token" || ctx.status !== 200 || !body?.id_token) return;
    const [header, payload] = body.id_token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (forgery === "wrong_audience") claims.aud = "en-annan-tjanst";
    if (forgery === "expired") {
      claims.iat -= 3600;
      claims.exp = claims.iat + 300;
    }
    const signed = `${header}.${base64url(JSON.stringify(claims))}`;
    body.id_token = `${signed}.${base64url(crypto.sign("sha256", Buffer.from(signed), privateKey))}`;
  });
  handle = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    forge: (kind) => {
      forgery = kind;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Signs in at the provider as a browser would, through its login form (cookies kept between requests),
 * and returns the URL the provider sends the browser back to (Lots's callback with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, returnsTo: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const send = async (url: string, form?: Record<string, string>) => {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    remember(response);
    return response;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 10; step++) {
    const response = await send(url);
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(returnsTo)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    if (!response.ok) throw new Error(`the provider answered ${response.status}: ${html.slice(0, 300)}`);
    // The development login form (name and any password), or its consent form.
    const form: Record<string, string> = html.includes('name="login"')
      ? { prompt: "login", login, password: "vad-som-helst" }
      : { prompt: "consent" };
    const posted = await send(url, form);
    const after = posted.headers.get("location");
    if (!after)
      throw new Error(`the provider's form answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`);
    const next = new URL(after, url);
    if (next.href.startsWith(returnsTo)) return next;
    url = next.href;
  }
  throw new Error("the provider never sent the browser back");
}
