// Single sign-on in the browser: an admin maps a group to a role, a user signs in through a real OpenID
// Connect provider started here (CI has no identity provider) and lands in Lots with that role and scope.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, type TestProvider } from "../src/platform/auth/oidc/provider-testing.ts";
import { signInSettings } from "../src/platform/auth/oidc/settings.ts";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

/** A port free right now: the provider must know Lots's callback address before Lots listens on it. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let idp: TestProvider;
let e2e: E2E;

beforeAll(async () => {
  const port = await freePort();
  const lots = `http://127.0.0.1:${port}`;
  idp = await startTestProvider({
    redirectUrl: `${lots}/api/auth/oidc/callback`,
    postLogoutRedirectUrl: `${lots}/`,
    accounts: {
      anna: { name: "Anna Andersson", email: "anna.andersson@kungsbacka.se", groups: ["IFO-Controllers"] },
    },
  });
  e2e = await startE2E({
    port,
    signIn: signInSettings({
      LOTS_OIDC_ISSUER: idp.issuer,
      LOTS_OIDC_CLIENT_ID: idp.clientId,
      LOTS_OIDC_CLIENT_SECRET: idp.clientSecret,
      LOTS_OIDC_SCOPES: "openid profile email groups",
      LOTS_OIDC_REDIRECT_URL: `${lots}/api/auth/oidc/callback`,
      LOTS_OIDC_NAME: "Kungsbacka kommun",
    }),
  });
  // The full demo data and a provider: slower to start than the harness's usual hook allows on a busy machine.
}, 300_000);

afterAll(async () => {
  await e2e?.close();
  await idp?.close();
});

describe("single sign-on in the browser", () => {
  it("maps a group to a role, signs in through the provider and lands with that role and scope", async () => {
    // The admin maps the group IFO-Controllers to controller on the nämnd.
    const admin = await e2e.loginAs("admin");
    await admin.goto(`${e2e.baseUrl}/admin/inloggning`);
    await admin.getByRole("heading", { name: "Inloggning med OpenID Connect" }).waitFor();
    await admin.getByLabel("Värde, t.ex. gruppens namn eller id").fill("IFO-Controllers");
    await admin.getByLabel("Roll", { exact: true }).selectOption({ label: "Controller" });
    await admin.getByLabel("Organisationsenhet").selectOption({ label: "Nämnden för Individ & Familjeomsorg" });
    await admin.getByRole("button", { name: "Lägg till i förslaget" }).click();
    expect(await admin.getByRole("button", { name: "Spara reglerna" }).isDisabled()).toBe(true);
    await admin.getByRole("button", { name: "Visa vad ändringen gör" }).click();
    await waitForText(
      admin.getByRole("status").filter({ hasText: "Ingen användare" }),
      "Ingen användare får eller förlorar någon roll.",
    );
    await admin.getByRole("button", { name: "Spara reglerna" }).click();
    await waitForText(admin.getByRole("status").filter({ hasText: "sparade" }), "Reglerna är sparade");

    // Anna signs in at the provider from Lots's login page.
    const anna = await e2e.newPage();
    await anna.goto(e2e.baseUrl);
    await anna.getByRole("heading", { name: "Logga in i Lots" }).waitFor();
    expect(await accessibilityViolations(anna)).toEqual([]);
    await anna.getByRole("link", { name: "Logga in med Kungsbacka kommun" }).click();
    await anna.locator('input[name="login"]').fill("anna");
    await anna.locator('input[name="password"]').fill("vad-som-helst");
    await anna.getByRole("button", { name: "Sign-in" }).click();
    await anna.getByRole("heading", { name: "Översikt" }).waitFor();
    expect(await anna.locator(".topbar .user").textContent()).toContain("Anna Andersson (Controller)");
    const me = (await (await anna.request.get(`${e2e.baseUrl}/api/auth/me`)).json()) as {
      user: { assignments: { role: string; orgNodeId: string }[] };
    };
    expect(me.user.assignments.map(({ role, orgNodeId }) => ({ role, orgNodeId }))).toEqual([
      { role: "controller", orgNodeId: e2e.demo.nodes.ifo?.id },
    ]);

    // The admin now sees what moving the group elsewhere would do to Anna, before saving.
    await admin.reload();
    await admin.getByRole("button", { name: /Ta bort regeln groups = IFO-Controllers/ }).click();
    await admin.getByLabel("Värde, t.ex. gruppens namn eller id").fill("IFO-Controllers");
    await admin.getByLabel("Roll", { exact: true }).selectOption({ label: "Controller" });
    await admin.getByLabel("Organisationsenhet").selectOption({ label: "Myndighet stöd och behandling" });
    await admin.getByRole("button", { name: "Lägg till i förslaget" }).click();
    await admin.getByRole("button", { name: "Visa vad ändringen gör" }).click();
    const effect = await waitForText(admin.getByRole("status").filter({ hasText: "förlorar" }), "förlorar");
    expect(effect).toContain("1 användare får rollen Controller på Myndighet stöd och behandling");
    expect(effect).toContain("1 användare förlorar rollen Controller på Nämnden för Individ & Familjeomsorg");
    expect(await accessibilityViolations(admin)).toEqual([]);

    // Logging out ends the provider's session too: its logout page, then back to Lots's login.
    await anna.getByRole("button", { name: "Logga ut" }).click();
    await anna.waitForURL((url) => url.href.startsWith(idp.issuer));
    await anna.getByRole("button", { name: /yes/i }).click();
    await anna.waitForURL(`${e2e.baseUrl}/`);
    await anna.getByRole("heading", { name: "Logga in i Lots" }).waitFor();
  });
});
