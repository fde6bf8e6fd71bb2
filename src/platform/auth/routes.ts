import type { FastifyInstance, FastifyReply } from "fastify";
import { DomainError } from "../errors.ts";
import { route } from "../http/route.ts";
import type { Actor } from "./access.ts";
import * as api from "./api.ts";
import { identityProviderLogout } from "./oidc/logout.ts";
import { roleGrants } from "./roles.ts";
import { ACCOUNT_LOGIN_LIMIT, login, logout, normaliseUsername, SESSION_HOURS } from "./sessions.ts";

export const SESSION_COOKIE = "lots_session";

/** A missing Origin is a same-site form or a non-browser client; "null" or garbage counts as foreign. */
function fromOwnSite(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The session cookie, after a login with a password or through the identity provider. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure,
    signed: true,
    maxAge: SESSION_HOURS * 3600,
  });
}

export function describeActor(actor: Actor) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    assignments: actor.assignments.map((a) => ({
      role: a.role,
      orgNodeId: a.orgNodeId,
      permissions: roleGrants(a.role),
    })),
  };
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    api.login,
    async ({ body, db, request, reply }) => {
      // Login has no session yet, so guard it against cross-site form posts by origin instead of token.
      if (!fromOwnSite(request.headers.origin, request.headers.host)) {
        throw new DomainError("forbidden", "Inloggning från en annan webbplats är inte tillåten.");
      }
      if (!app.lots.signIn.localLogin) {
        throw new DomainError(
          "forbidden",
          "Inloggning med lösenord är avstängd i Lots. Logga in via organisationens inloggning.",
        );
      }
      const result = await login(db, { username: body.username, password: body.password, address: request.ip });
      if (result.status === "locked") {
        throw new DomainError(
          "rate_limited",
          `För många misslyckade inloggningar för användarnamnet. Vänta ${ACCOUNT_LOGIN_LIMIT.minutes} minuter och försök igen.`,
        );
      }
      if (result.status === "failed") throw new DomainError("unauthenticated", "Fel användarnamn eller lösenord.");
      setSessionCookie(reply, result.token, app.lots.secureCookies);
      return { user: describeActor(result.actor), csrfToken: result.csrfToken };
    },
    {
      // Keyed by address and normalised user name: staff often share one NAT or proxy address, so a
      // per-address limit alone would lock out a whole office. The per-account limit across addresses
      // and processes lives in the database (login()).
      rateLimit: {
        max: 10,
        timeWindow: "1 minute",
        hook: "preHandler",
        keyGenerator: (req) => `${req.ip}|${normaliseUsername((req.body as { username?: unknown })?.username)}`,
      },
    },
  );

  route(app, api.logout, async ({ request, reply, db }) => {
    // A session begun at the identity provider ends there too (RP-initiated logout), where it offers that.
    const atProvider = request.session
      ? await identityProviderLogout(app.lots.signIn.oidc, db, request.session.sessionId)
      : null;
    if (request.session) await logout(db, request.session);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { redirectTo: atProvider?.href ?? "/" };
  });

  route(app, api.me, async ({ actor, request }) => ({
    user: describeActor(actor),
    csrfToken: request.session?.csrfToken,
  }));
}
