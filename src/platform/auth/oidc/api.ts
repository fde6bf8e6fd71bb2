// The single sign-on endpoints' wire contract (see platform/http/endpoint.ts).
import { z } from "zod";
import { endpoint, fileResponse } from "../../http/endpoint.ts";
import { labelled } from "../../validation.ts";
import { mappingEffectResponse, mappingRulesResponse, signInMethodsResponse } from "./responses.ts";
import { mappingRulesInput } from "./schema.ts";

const tag = "Inloggning";

export const methods = endpoint({
  method: "GET",
  url: "/api/auth/methods",
  tag,
  summary: "Hur man kan logga in: lösenord, OpenID Connect eller båda",
  public: true,
  response: signInMethodsResponse,
});

/** A browser navigation, not a JSON call: answers a redirect to the identity provider (or a Swedish page). */
export const start = endpoint({
  method: "GET",
  url: "/api/auth/oidc/start",
  tag,
  summary: "Börja logga in med OpenID Connect (omdirigerar till identitetsleverantören)",
  public: true,
  response: fileResponse("text/html"),
});

/** Where the identity provider sends the browser back; answers a redirect into Lots or a Swedish refusal page. */
export const callback = endpoint({
  method: "GET",
  url: "/api/auth/oidc/callback",
  tag,
  summary: "Identitetsleverantörens svar (omdirigerar in i Lots eller visar varför inloggningen nekades)",
  public: true,
  // Loose on purpose (the only opt-out from strict input): providers add parameters of their own to the
  // redirect (Google's scope, authuser, hd; Entra's client_info), and refusing them would refuse the sign-in.
  query: z.looseObject({
    code: labelled(z.string().max(4096).optional(), "Kod"),
    state: labelled(z.string().max(1024).optional(), "Tillstånd (state)"),
    iss: labelled(z.string().max(2048).optional(), "Utfärdare"),
    error: labelled(z.string().max(200).optional(), "Fel"),
    error_description: labelled(z.string().max(2000).optional(), "Felbeskrivning"),
    session_state: labelled(z.string().max(1024).optional(), "Sessionstillstånd"),
  }),
  response: fileResponse("text/html"),
});

export const rules = endpoint({
  method: "GET",
  url: "/api/admin/oidc/rules",
  tag,
  summary: "Regler som ger roller utifrån identitetsleverantörens grupper och anspråk",
  permission: "admin",
  response: mappingRulesResponse,
});

export const previewRules = endpoint({
  method: "POST",
  url: "/api/admin/oidc/rules/preview",
  tag,
  summary: "Vad en ändring av reglerna skulle göra med de användare som loggat in (sparar inget)",
  permission: "admin",
  body: mappingRulesInput,
  response: mappingEffectResponse,
});

export const saveRules = endpoint({
  method: "PUT",
  url: "/api/admin/oidc/rules",
  tag,
  summary: "Spara hela uppsättningen regler (gäller från varje användares nästa inloggning)",
  permission: "admin",
  body: mappingRulesInput,
  response: mappingRulesResponse,
});
