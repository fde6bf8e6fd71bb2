// The kvalitetsplan's wire contract: the kommun's risk scales and processes (configuration), a unit's plan
// for a year (risks, the matrix, egenkontroller, åtgärder) and the åtgärder under a node.
import { endpoint } from "../../platform/http/endpoint.ts";
import { idParams } from "../../platform/validation.ts";
import * as res from "./responses.ts";
import {
  atgarderQuery,
  atgardInput,
  atgardPatch,
  egenkontrollInput,
  egenkontrollPatch,
  nodeQuery,
  planQuery,
  processInput,
  processPatch,
  riskInput,
  riskPatch,
  scaleInput,
} from "./schema.ts";

const tag = "Kvalitetsplan";

// ---------- configuration ----------

export const scales = endpoint({
  method: "GET",
  url: "/api/kvalitet/riskskalor",
  tag,
  summary: "Kommunens riskskalor (kvalitetsplan och internkontroll)",
  permission: "read",
  query: nodeQuery,
  response: res.scalesResponse,
});

export const saveScale = endpoint({
  method: "PUT",
  url: "/api/kvalitet/riskskalor",
  tag,
  summary: "Spara kommunens riskskala (etiketter, nivåer, gränser och färger)",
  permission: "admin",
  body: scaleInput,
  response: res.scale,
});

export const processes = endpoint({
  method: "GET",
  url: "/api/kvalitet/processer",
  tag,
  summary: "Kommunens processer och aktiviteter",
  permission: "read",
  query: nodeQuery,
  response: res.processesResponse,
});

export const addProcess = endpoint({
  method: "POST",
  url: "/api/kvalitet/processer",
  tag,
  summary: "Ny process/aktivitet",
  permission: "admin",
  body: processInput,
  response: res.processResponse,
});

export const updateProcess = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/processer/:id",
  tag,
  summary: "Byt namn på en process/aktivitet eller (in)aktivera den",
  permission: "admin",
  params: idParams("Processens id"),
  body: processPatch,
  response: res.processResponse,
});

// ---------- the plan ----------

export const plan = endpoint({
  method: "GET",
  url: "/api/kvalitet/kvalitetsplan",
  tag,
  summary: "En enhets kvalitetsplan för ett år: risker med riskmatris, egenkontroller och åtgärder",
  permission: "read",
  query: planQuery,
  response: res.planResponse,
});

export const addRisk = endpoint({
  method: "POST",
  url: "/api/kvalitet/kvalitetsplan/risker",
  tag,
  summary: "Ny risk i planen",
  permission: "write:kvalitet",
  body: riskInput,
  response: res.saved,
});

export const updateRisk = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/kvalitetsplan/risker/:id",
  tag,
  summary: "Ändra en risk (beskrivning, process, bedömning)",
  permission: "write:kvalitet",
  params: idParams("Riskens id"),
  body: riskPatch,
  response: res.saved,
});

export const addEgenkontroll = endpoint({
  method: "POST",
  url: "/api/kvalitet/kvalitetsplan/egenkontroller",
  tag,
  summary: "Ny egenkontroll i planen",
  permission: "write:kvalitet",
  body: egenkontrollInput,
  response: res.saved,
});

export const updateEgenkontroll = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/kvalitetsplan/egenkontroller/:id",
  tag,
  summary: "Ändra en egenkontroll eller för in dess utfall",
  permission: "write:kvalitet",
  params: idParams("Egenkontrollens id"),
  body: egenkontrollPatch,
  response: res.saved,
});

// ---------- åtgärder ----------

export const atgarder = endpoint({
  method: "GET",
  url: "/api/kvalitet/atgarder",
  tag,
  summary: "Åtgärder i planerna under en nod, efter status (oppna, forsenade eller en status)",
  permission: "read",
  query: atgarderQuery,
  response: res.atgarderResponse,
});

export const addAtgard = endpoint({
  method: "POST",
  url: "/api/kvalitet/atgarder",
  tag,
  summary: "Ny åtgärd mot en risk eller egenkontroll",
  permission: "write:kvalitet",
  body: atgardInput,
  response: res.saved,
});

export const updateAtgard = endpoint({
  method: "PATCH",
  url: "/api/kvalitet/atgarder/:id",
  tag,
  summary: "Ändra en öppen åtgärd eller avsluta den (kräver kommentar om nyttan)",
  permission: "write:kvalitet",
  params: idParams("Åtgärdens id"),
  body: atgardPatch,
  response: res.saved,
});
