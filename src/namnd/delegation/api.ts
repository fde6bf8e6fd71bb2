// Delegation's wire contract: the delegeringsordning in force, the register of delegation decisions, the
// vidaredelegeringar and the memo "Anmälan av delegeringsbeslut". Reading needs read on the nämnd (providers
// shown with read:personal only); writing needs write:namnd.
import { endpoint } from "../../platform/http/endpoint.ts";
import * as res from "./responses.ts";
import { decisionInput, orderInput, orderQuery, periodQuery, subdelegationInput } from "./schema.ts";

const tag = "Nämnd";

export const order = endpoint({
  method: "GET",
  url: "/api/namnd/delegering/ordning",
  tag,
  summary: "Delegeringsordningen i kraft ett datum: punkter, delegater och vidaredelegeringar",
  permission: "read",
  query: orderQuery,
  response: res.orderResponse,
});

export const adoptOrder = endpoint({
  method: "POST",
  url: "/api/namnd/delegering/ordning",
  tag,
  summary: "Registrera en antagen delegeringsordning med punkter och delegater (gäller från antagandet)",
  permission: "write:namnd",
  body: orderInput,
  response: res.orderResponse,
});

export const decisions = endpoint({
  method: "GET",
  url: "/api/namnd/delegering/beslut",
  tag,
  summary: "Delegeringsbeslut fattade under en period (utförare visas med behörighet till personuppgifter)",
  permission: "read",
  query: periodQuery,
  response: res.decisionsResponse,
});

export const registerDecision = endpoint({
  method: "POST",
  url: "/api/namnd/delegering/beslut",
  tag,
  summary: "Registrera ett delegeringsbeslut (vägras om beslutsfattaren inte har punkten)",
  permission: "write:namnd",
  body: decisionInput,
  response: res.decisionResponse,
});

export const addSubdelegation = endpoint({
  method: "POST",
  url: "/api/namnd/delegering/vidaredelegering",
  tag,
  summary: "Registrera en vidaredelegering av en punkt till en funktion",
  permission: "write:namnd",
  body: subdelegationInput,
  response: res.subdelegationResponse,
});

export const anmalan = endpoint({
  method: "GET",
  url: "/api/namnd/delegering/anmalan",
  tag,
  summary: "Anmälan av delegeringsbeslut för en period, i sex fasta avsnitt",
  permission: "read",
  query: periodQuery,
  response: res.anmalanResponse,
});
