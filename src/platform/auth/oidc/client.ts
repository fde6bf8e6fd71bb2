// The relying party's side of the authorization-code flow (openid-client does the protocol: PKCE, state,
// nonce, the ID token's signature, issuer, audience and lifetime). What this module adds is a Swedish
// reason for each refusal and a discovery that is retried after a failure instead of cached broken.
import * as client from "openid-client";
import { fetchOverageGroups, groupsOverage } from "./groups-overage.ts";
import type { OidcSettings } from "./settings.ts";

/** What the browser carries between the start and the callback (in a signed, short-lived cookie). */
export type PendingSignIn = { state: string; nonce: string; verifier: string };

export type SignInRefusal =
  | "state_mismatch"
  | "wrong_audience"
  | "expired"
  | "invalid_token"
  | "idp_error"
  /** Too many groups for the ID token, and no LOTS_OIDC_GROUPS_URL to fetch them from. */
  | "groups_overage"
  /** Too many groups for the ID token, and fetching them failed. */
  | "groups_unavailable";

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

export type VerifiedSignIn = { claims: client.IDToken; idToken: string };

export type OidcClient = {
  settings: OidcSettings;
  /** The identity provider's authorization URL and what the callback must find again. */
  begin(): Promise<{ url: URL; pending: PendingSignIn }>;
  /** Exchanges the callback's code and verifies the ID token; throws SignInRefused. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<VerifiedSignIn>;
  /** RP-initiated logout at the identity provider, when it offers an end_session_endpoint. */
  endSessionUrl(idToken: string, postLogoutRedirect: URL): Promise<URL | null>;
};

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

/** Reads why openid-client refused a token; the codes are oauth4webapi's, the claim is in the cause. */
function refusal(error: unknown): SignInRefused {
  if (error instanceof SignInRefused) return error;
  if (error instanceof client.AuthorizationResponseError)
    return new SignInRefused("idp_error", `${error.error}: ${error.error_description ?? ""}`);
  const code = (error as { code?: string }).code;
  const claim = (error as { cause?: { cause?: { claim?: string } } }).cause?.cause?.claim;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && claim === "aud")
    return new SignInRefused("wrong_audience", message);
  if (code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") return new SignInRefused("expired", message);
  return new SignInRefused("invalid_token", message);
}

export function oidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  // Discovered on first use, so Lots starts while the identity provider is down; a failure is not kept.
  const configured = () => {
    configuration ??= client
      .discovery(
        settings.issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? undefined : client.None(),
        // Plain http only to an identity provider on this machine (tests, a developer's own provider).
        isLoopback(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    settings,
    async begin() {
      const config = await configured();
      const pending: PendingSignIn = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl.href,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: "S256",
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },
    async finish(callbackUrl, pending) {
      const config = await configured();
      // Checked here first so a mismatch is named as such, not as a generic protocol error.
      if (callbackUrl.searchParams.get("state") !== pending.state)
        throw new SignInRefused("state_mismatch", "state differs from the one this browser started with");
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims || !tokens.id_token) throw new SignInRefused("invalid_token", "no ID token");
        if (!groupsOverage(claims)) return { claims, idToken: tokens.id_token };
        if (!settings.groupsUrl)
          throw new SignInRefused("groups_overage", "groups left out; LOTS_OIDC_GROUPS_URL unset");
        const groups = await fetchOverageGroups(settings.groupsUrl, tokens.access_token).catch((error: unknown) => {
          throw new SignInRefused("groups_unavailable", error instanceof Error ? error.message : String(error));
        });
        return { claims: { ...claims, groups }, idToken: tokens.id_token };
      } catch (error) {
        throw refusal(error);
      }
    },
    async endSessionUrl(idToken, postLogoutRedirect) {
      const config = await configured();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirect.href,
      });
    },
  };
}
