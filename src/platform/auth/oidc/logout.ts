// RP-initiated logout: a session begun at the identity provider ends there too, where the provider offers it.
import type { PlatformDb } from "../../db/schema.ts";
import type { OidcClient } from "./client.ts";
import * as repo from "./repository.ts";

/** The identity provider's logout for a session begun there, or null (a local session, no end_session_endpoint). */
export async function identityProviderLogout(
  oidc: OidcClient | null,
  db: PlatformDb,
  sessionId: string,
): Promise<URL | null> {
  if (!oidc) return null;
  const idToken = await repo.sessionToken(db, sessionId);
  if (!idToken) return null;
  // Lots's own session ends whatever the provider says; its logout page is a convenience on top.
  return oidc.endSessionUrl(idToken, new URL("/", oidc.settings.redirectUrl)).catch(() => null);
}
