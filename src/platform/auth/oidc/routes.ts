import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { route } from "../../http/route.ts";
import { setSessionCookie } from "../routes.ts";
import * as api from "./api.ts";
import { type OidcClient, type PendingSignIn, type SignInRefusal, SignInRefused } from "./client.ts";
import { signInWithClaims } from "./login-service.ts";
import { refusalPage } from "./page.ts";
import { listRules, previewRules, saveRules } from "./rules-service.ts";

/** The sign-in in progress, between the start and the identity provider's redirect back. */
const PENDING_COOKIE = "lots_oidc";
const PENDING_PATH = "/api/auth/oidc";
const PENDING_MINUTES = 10;

const pendingSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string() });

const refusalText: Record<SignInRefusal, (contact: string) => string> = {
  state_mismatch: () =>
    "Svaret från identitetsleverantören hör inte till inloggningen som startades i den här webbläsaren. Börja om från inloggningssidan.",
  wrong_audience: (contact) =>
    `Identitetsleverantörens intyg (ID-token) är utfärdat för en annan tjänst än Lots och godtas inte. Kontakta ${contact}.`,
  expired: () =>
    "Identitetsleverantörens intyg (ID-token) har gått ut eller gäller inte ännu. Kontrollera datorns klocka och försök igen.",
  invalid_token: (contact) =>
    `Identitetsleverantörens svar kunde inte kontrolleras och godtas inte. Försök igen; kvarstår felet, kontakta ${contact}.`,
  idp_error: () => "Identitetsleverantören avbröt inloggningen. Försök igen från inloggningssidan.",
  groups_overage: (contact) =>
    `Du är med i fler grupper än identitetsleverantören skickar med i intyget, och Lots är inte inställt att hämta dem. Kontakta ${contact} (inställningen LOTS_OIDC_GROUPS_URL).`,
  groups_unavailable: (contact) =>
    `Du är med i fler grupper än identitetsleverantören skickar med i intyget, och Lots kunde inte hämta dem. Försök igen; kvarstår felet, kontakta ${contact}.`,
};

export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const { signIn } = app.lots;
  const { oidc } = signIn;
  route(app, api.methods, async () => ({
    localLogin: signIn.localLogin,
    oidc: oidc ? { name: oidc.settings.name } : null,
  }));

  route(app, api.start, async ({ request, reply }) => {
    if (!oidc)
      return refusalPage(reply, 404, "Inloggning med OpenID Connect är inte påslagen", "Logga in med lösenord.");
    let begun: Awaited<ReturnType<OidcClient["begin"]>>;
    try {
      begun = await oidc.begin();
    } catch (error) {
      request.log.error({ err: error }, "OpenID Connect discovery failed");
      return refusalPage(
        reply,
        502,
        "Identitetsleverantören svarar inte",
        `Lots når inte ${oidc.settings.name} just nu. Försök igen om en stund; kvarstår felet, kontakta ${oidc.settings.contact}.`,
      );
    }
    // Lax, not strict: the identity provider's redirect back is a cross-site navigation, and a strict
    // cookie would not come along. Signed, short-lived and limited to the callback's path.
    reply.setCookie(PENDING_COOKIE, JSON.stringify(begun.pending), {
      path: PENDING_PATH,
      httpOnly: true,
      sameSite: "lax",
      secure: app.lots.secureCookies,
      signed: true,
      maxAge: PENDING_MINUTES * 60,
    });
    return redirect(reply, begun.url.href);
  });

  route(app, api.callback, async ({ request, reply, db }) => {
    if (!oidc)
      return refusalPage(reply, 404, "Inloggning med OpenID Connect är inte påslagen", "Logga in med lösenord.");
    const pending = readPending(request.cookies[PENDING_COOKIE], (raw) => request.unsignCookie(raw));
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
    if (!pending)
      return refusalPage(
        reply,
        400,
        "Inloggningen kunde inte slutföras",
        "Inloggningen tog för lång tid eller började i en annan webbläsare. Börja om från inloggningssidan.",
      );
    const callbackUrl = new URL(oidc.settings.redirectUrl);
    callbackUrl.search = request.url.split("?")[1] ?? "";
    let verified: Awaited<ReturnType<OidcClient["finish"]>>;
    try {
      verified = await oidc.finish(callbackUrl, pending);
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      request.log.warn({ reason: error.reason, detail: error.message }, "OpenID Connect sign-in refused");
      return refusalPage(reply, 400, "Inloggningen nekades", refusalText[error.reason](oidc.settings.contact));
    }
    const outcome = await signInWithClaims(
      db,
      { issuer: String(verified.claims.iss), name: oidc.settings.name },
      verified,
    );
    if (outcome.status === "no_role")
      return refusalPage(
        reply,
        403,
        "Ingen behörighet ännu",
        `Ditt konto i Lots har ingen behörighet ännu – kontakta ${oidc.settings.contact}.`,
      );
    if (outcome.status === "inactive")
      return refusalPage(
        reply,
        403,
        "Kontot är avstängt",
        `Ditt konto i Lots är avstängt – kontakta ${oidc.settings.contact}.`,
      );
    setSessionCookie(reply, outcome.token, app.lots.secureCookies);
    return redirect(reply, "/");
  });

  route(app, api.rules, async ({ db, actor }) => listRules(db, actor, oidc !== null));
  route(app, api.previewRules, async ({ db, actor, body }) => previewRules(db, actor, body.rules));
  route(app, api.saveRules, async ({ db, actor, body }) => saveRules(db, actor, body.rules, oidc !== null));
}

/** A redirect answered by the route (route() sends what the handler returns, so the handler must not send). */
function redirect(reply: FastifyReply, location: string): string {
  reply.code(302).header("location", location);
  return "";
}

function readPending(
  raw: string | undefined,
  unsign: (raw: string) => { valid: boolean; value: string | null },
): PendingSignIn | null {
  if (!raw) return null;
  const unsigned = unsign(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(unsigned.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
