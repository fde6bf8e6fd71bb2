import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { route } from "../http/route.ts";
import { type Actor, roleGrants } from "./access.ts";
import { login, logout, SESSION_HOURS } from "./sessions.ts";

export const SESSION_COOKIE = "lots_session";

const loginBody = z.object({
  username: z.string().trim().min(1, "Ange användarnamn.").max(100),
  password: z.string().min(1, "Ange lösenord.").max(200),
});

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
    {
      method: "POST",
      url: "/api/auth/login",
      tag: "Inloggning",
      summary: "Logga in med användarnamn och lösenord",
      body: loginBody,
      public: true,
      // Keyed by address and user name: staff often share one NAT address, so a per-address limit
      // alone would lock out a whole office during a guessing attack on one account.
      rateLimit: {
        max: 10,
        timeWindow: "1 minute",
        hook: "preHandler",
        keyGenerator: (req) =>
          `${req.ip}|${String((req.body as { username?: unknown })?.username ?? "").toLowerCase()}`,
      },
    },
    async ({ body, db, request, reply }) => {
      // Login has no session yet, so guard it against cross-site form posts by origin instead of token.
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) {
        throw new DomainError("forbidden", "Inloggning från en annan webbplats är inte tillåten.");
      }
      const result = await login(db, body.username, body.password);
      if (!result) throw new DomainError("unauthenticated", "Fel användarnamn eller lösenord.");
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: app.lots.secureCookies,
        signed: true,
        maxAge: SESSION_HOURS * 3600,
      });
      return { user: describeActor(result.actor), csrfToken: result.csrfToken };
    },
  );

  route(
    app,
    { method: "POST", url: "/api/auth/logout", tag: "Inloggning", summary: "Logga ut" },
    async ({ request, reply, db }) => {
      if (request.session) await logout(db, request.session);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
    },
  );

  route(
    app,
    { method: "GET", url: "/api/auth/me", tag: "Inloggning", summary: "Den inloggade användaren" },
    async ({ actor, request }) => ({ user: describeActor(actor), csrfToken: request.session?.csrfToken }),
  );
}
