// The joint view and the quality dashboard's trends: counts for anyone who may read the node, records
// (händelse texts, lex Sarah gists, IVO-tillsyn) only for readers with read:kvalitet there.
import { endpoint } from "../../platform/http/endpoint.ts";
import { overviewResponse, trendsResponse } from "./responses.ts";
import { overviewQuery, trendsQuery } from "./schema.ts";

const tag = "Kvalitet";

export const overview = endpoint({
  method: "GET",
  url: "/api/kvalitet/oversikt",
  tag,
  summary:
    "Samlad bild för en enhet och period: händelser, lex Sarah, klagomål, risker, öppna åtgärder och IVO-tillsyn (poster loggas)",
  permission: "read",
  query: overviewQuery,
  response: overviewResponse,
});

export const trends = endpoint({
  method: "GET",
  url: "/api/kvalitet/trender",
  tag,
  summary: "Kvalitetstrender de senaste tre åren: händelser per kvartal, lex Sarah, klagomål och öppna åtgärder",
  permission: "read",
  query: trendsQuery,
  response: trendsResponse,
});
