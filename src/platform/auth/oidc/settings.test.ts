import { describe, expect, it } from "vitest";
import { signInSettings } from "./settings.ts";

const complete = {
  LOTS_OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0",
  LOTS_OIDC_CLIENT_ID: "app-id",
  LOTS_OIDC_CLIENT_SECRET: "hemlig",
  LOTS_OIDC_REDIRECT_URL: "https://lots.kungsbacka.se/api/auth/oidc/callback",
};

describe("sign-in settings from the environment", () => {
  it("is password login only when nothing is set", () => {
    expect(signInSettings({})).toEqual({ oidc: null, localLogin: true });
  });

  it("reads a complete configuration with defaults for scopes and name", () => {
    const { oidc, localLogin } = signInSettings({ ...complete, LOTS_LOCAL_LOGIN: "off" });
    expect(localLogin).toBe(false);
    expect(oidc).toMatchObject({
      clientId: "app-id",
      scopes: "openid profile email",
      name: "login.microsoftonline.com",
    });
    expect(oidc?.issuer.href).toBe(complete.LOTS_OIDC_ISSUER);
  });

  it("refuses half a configuration, naming what is missing in Swedish and English", () => {
    expect(() => signInSettings({ LOTS_OIDC_ISSUER: complete.LOTS_OIDC_ISSUER })).toThrow(
      /ofullständigt konfigurerad \/ OpenID Connect sign-in is incompletely configured: saknas \/ missing: LOTS_OIDC_CLIENT_ID, LOTS_OIDC_REDIRECT_URL/,
    );
  });

  it("refuses an invalid value, a scope list without openid and a callback elsewhere", () => {
    expect(() => signInSettings({ ...complete, LOTS_OIDC_ISSUER: "inte en adress" })).toThrow(/LOTS_OIDC_ISSUER/);
    expect(() => signInSettings({ ...complete, LOTS_OIDC_SCOPES: "profile email" })).toThrow(/ska innehålla openid/);
    expect(() => signInSettings({ ...complete, LOTS_OIDC_GROUPS_URL: "graph" })).toThrow(/LOTS_OIDC_GROUPS_URL/);
    const graph = "https://graph.microsoft.com/v1.0/me/getMemberObjects";
    expect(signInSettings({ ...complete, LOTS_OIDC_GROUPS_URL: graph }).oidc?.groupsUrl?.href).toBe(graph);
    expect(() => signInSettings({ ...complete, LOTS_OIDC_REDIRECT_URL: "https://lots.se/callback" })).toThrow(
      /\/api\/auth\/oidc\/callback/,
    );
  });

  it("refuses turning password login off without single sign-on, and a value other than on/off", () => {
    expect(() => signInSettings({ LOTS_LOCAL_LOGIN: "off" })).toThrow(/kan ingen logga in/);
    expect(() => signInSettings({ LOTS_LOCAL_LOGIN: "nej" })).toThrow(/LOTS_LOCAL_LOGIN/);
  });
});
