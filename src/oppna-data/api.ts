// Öppna data's wire contract: the nämnd publishes a dataset for a period (write:namnd) or withdraws it,
// lists its publications (read), and anyone reads what is published under /api/public/oppna-data without
// logging in: JSON, a CSV per table and the indicator values in Kolada's format. Documented in docs/oppna-data.md.
import { endpoint, fileResponse, noContent } from "../platform/http/endpoint.ts";
import * as res from "./responses.ts";
import { idParams, nodeQuery, publishInput, tableParams } from "./schema.ts";

const tag = "Öppna data";
const publicTag = "Offentligt";

export const publications = endpoint({
  method: "GET",
  url: "/api/oppna-data/publiceringar",
  tag,
  summary: "Nämndens publicerade datamängder, med vem som publicerade",
  permission: "read",
  query: nodeQuery,
  response: res.publicationsResponse,
});

export const publish = endpoint({
  method: "POST",
  url: "/api/oppna-data/publiceringar",
  tag,
  summary: "Publicera (eller publicera om) en datamängd för en period: innehållet läses nu och sparas",
  permission: "write:namnd",
  body: publishInput,
  response: res.publicationResponse,
});

export const withdraw = endpoint({
  method: "DELETE",
  url: "/api/oppna-data/publiceringar/:id",
  tag,
  summary: "Avpublicera en datamängd: den försvinner från de öppna adresserna",
  permission: "write:namnd",
  params: idParams,
  response: noContent,
});

export const publicCatalogue = endpoint({
  method: "GET",
  url: "/api/public/oppna-data",
  tag: publicTag,
  summary:
    "Publicerade datamängder med publiceringsdatum och länkar till JSON, CSV och Kolada-format (utan inloggning)",
  public: true,
  response: res.catalogueResponse,
});

export const publicDataset = endpoint({
  method: "GET",
  url: "/api/public/oppna-data/:id",
  tag: publicTag,
  summary: "En publicerad datamängd: tabeller utan personuppgifter, små antal undertryckta (utan inloggning)",
  public: true,
  params: idParams,
  response: res.datasetResponse,
});

export const publicCsv = endpoint({
  method: "GET",
  url: "/api/public/oppna-data/:id/csv/:table",
  tag: publicTag,
  summary:
    "En tabell ur en publicerad datamängd som CSV: rubrikrad, semikolon, punkt som decimaltecken (utan inloggning)",
  public: true,
  params: tableParams,
  response: fileResponse("text/csv"),
});

export const publicKolada = endpoint({
  method: "GET",
  url: "/api/public/oppna-data/:id/kolada",
  tag: publicTag,
  summary: "Måluppföljningens indikatorvärden i Koladas format (API v3) (utan inloggning)",
  public: true,
  params: idParams,
  response: res.koladaResponse,
});
