// Single sign-on is configured by environment; half a configuration is refused at start, in Swedish and
// English, because a server that starts without the sign-in its users expect fails them silently later.
import { z } from "zod";

export type OidcSettings = {
  issuer: URL;
  clientId: string;
  /** Absent for a public client (PKCE alone); Entra ID's web apps have one. */
  clientSecret: string | undefined;
  scopes: string;
  redirectUrl: URL;
  /** What the login button calls the identity provider: "Logga in med <name>". */
  name: string;
  /** Who a user without any mapped role should turn to. */
  contact: string;
  /** Where a user's groups are fetched when the ID token has too many to list (Entra ID's overage). */
  groupsUrl: URL | undefined;
};

export type SignInSettings = { oidc: OidcSettings | null; localLogin: boolean };

const required = ["LOTS_OIDC_ISSUER", "LOTS_OIDC_CLIENT_ID", "LOTS_OIDC_REDIRECT_URL"] as const;
const optional = [
  "LOTS_OIDC_CLIENT_SECRET",
  "LOTS_OIDC_SCOPES",
  "LOTS_OIDC_NAME",
  "LOTS_OIDC_CONTACT",
  "LOTS_OIDC_GROUPS_URL",
] as const;

const httpUrl = z
  .url({ protocol: /^https?$/, error: "ska vara en http(s)-adress / must be an http(s) URL" })
  .transform((value) => new URL(value));

const envSchema = z.object({
  LOTS_OIDC_ISSUER: httpUrl,
  LOTS_OIDC_CLIENT_ID: z.string().trim().min(1),
  LOTS_OIDC_CLIENT_SECRET: z.string().optional(),
  LOTS_OIDC_SCOPES: z
    .string()
    .trim()
    .default("openid profile email")
    .refine((scopes) => scopes.split(/\s+/).includes("openid"), {
      error: "ska innehålla openid / must include openid",
    }),
  LOTS_OIDC_REDIRECT_URL: httpUrl.refine((url) => url.pathname.endsWith("/api/auth/oidc/callback"), {
    error: "ska sluta på /api/auth/oidc/callback / must end in /api/auth/oidc/callback",
  }),
  LOTS_OIDC_NAME: z.string().trim().min(1).optional(),
  LOTS_OIDC_CONTACT: z.string().trim().min(1).default("Lots-administratören i din förvaltning"),
  LOTS_OIDC_GROUPS_URL: httpUrl.optional(),
});

const localLoginSchema = z.enum(["on", "off"], { error: "ska vara on eller off / must be on or off" }).default("on");

/**
 * The sign-in settings from the environment (empty variables count as unset). Throws a message naming
 * every missing or invalid variable when OpenID Connect is half set, or when local accounts are turned
 * off without it (nobody could sign in).
 */
export function signInSettings(env: Record<string, string | undefined>): SignInSettings {
  const set = (name: string) => env[name] !== undefined && env[name] !== "";
  const present = [...required, ...optional].filter(set);
  const local = localLoginSchema.safeParse(set("LOTS_LOCAL_LOGIN") ? env.LOTS_LOCAL_LOGIN : undefined);
  if (!local.success)
    throw new Error(
      `Ogiltig konfiguration / Invalid configuration: LOTS_LOCAL_LOGIN ${local.error.issues[0]?.message}`,
    );
  const localLogin = local.data === "on";
  if (present.length === 0) {
    if (!localLogin)
      throw new Error(
        "LOTS_LOCAL_LOGIN=off kräver inloggning med OpenID Connect (LOTS_OIDC_ISSUER m.fl.), annars kan ingen logga in. / " +
          "LOTS_LOCAL_LOGIN=off requires OpenID Connect sign-in (LOTS_OIDC_ISSUER etc.), or nobody can sign in.",
      );
    return { oidc: null, localLogin };
  }
  const values = Object.fromEntries(present.map((name) => [name, env[name]]));
  const parsed = envSchema.safeParse(values);
  if (!parsed.success) {
    const missing = required.filter((name) => !set(name));
    const problems = parsed.error.issues
      .filter((issue) => !missing.includes(issue.path[0] as (typeof required)[number]))
      .map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new Error(
      [
        "Inloggning med OpenID Connect är ofullständigt konfigurerad / OpenID Connect sign-in is incompletely configured:",
        ...(missing.length ? [`saknas / missing: ${missing.join(", ")}`] : []),
        ...problems,
      ].join(" "),
    );
  }
  const e = parsed.data;
  return {
    localLogin,
    oidc: {
      issuer: e.LOTS_OIDC_ISSUER,
      clientId: e.LOTS_OIDC_CLIENT_ID,
      clientSecret: e.LOTS_OIDC_CLIENT_SECRET,
      scopes: e.LOTS_OIDC_SCOPES,
      redirectUrl: e.LOTS_OIDC_REDIRECT_URL,
      name: e.LOTS_OIDC_NAME ?? e.LOTS_OIDC_ISSUER.host,
      contact: e.LOTS_OIDC_CONTACT,
      groupsUrl: e.LOTS_OIDC_GROUPS_URL,
    },
  };
}
