// The sign-in endpoints' wire contract (see platform/http/endpoint.ts).
import { z } from "zod";
import { endpoint } from "../http/endpoint.ts";
import { labelled } from "../validation.ts";
import { logoutResponse } from "./oidc/responses.ts";
import { meResponse, sessionResponse } from "./responses.ts";

const tag = "Inloggning";

export const login = endpoint({
  method: "POST",
  url: "/api/auth/login",
  tag,
  summary: "Logga in med användarnamn och lösenord",
  body: z.object({
    username: labelled(z.string().trim().min(1, "Ange användarnamn.").max(100), "Användarnamn"),
    password: labelled(z.string().min(1, "Ange lösenord.").max(200), "Lösenord"),
  }),
  public: true,
  response: sessionResponse,
});

export const logout = endpoint({
  method: "POST",
  url: "/api/auth/logout",
  tag,
  summary: "Logga ut (svarar vart webbläsaren ska: identitetsleverantörens utloggning eller Lots start)",
  permission: "authenticated",
  response: logoutResponse,
});

export const me = endpoint({
  method: "GET",
  url: "/api/auth/me",
  tag,
  summary: "Den inloggade användaren",
  permission: "authenticated",
  response: meResponse,
});
