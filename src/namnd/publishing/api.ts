// Publishing's wire contract: the review of a meeting's text before publication (write:namnd, with the
// personal data it masks), publishing it, the nämnd's own list and record of publications (read), and the
// public reads without login under /api/public/namnd (published, masked text only).
import { endpoint } from "../../platform/http/endpoint.ts";
import * as res from "./responses.ts";
import { idParams, publicationsQuery, publishInput, reviewQuery } from "./schema.ts";

const tag = "Nämnd";
const publicTag = "Offentligt";

export const review = endpoint({
  method: "GET",
  url: "/api/namnd/sammantraden/:id/publicering",
  tag,
  summary: "Granska publiceringen: texten före maskering och de maskeringar Lots föreslår",
  permission: "write:namnd",
  params: idParams,
  query: reviewQuery,
  response: res.reviewResponse,
});

export const publish = endpoint({
  method: "POST",
  url: "/api/namnd/sammantraden/:id/publicering",
  tag,
  summary: "Granskad och publicerad: maskeringarna, skälen och textens kontrollsumma registreras",
  permission: "write:namnd",
  params: idParams,
  body: publishInput,
  response: res.publicationResponse,
});

export const publications = endpoint({
  method: "GET",
  url: "/api/namnd/publiceringar",
  tag,
  summary: "Nämndens publicerade föredragningslistor och protokoll",
  permission: "read",
  query: publicationsQuery,
  response: res.publicationsResponse,
});

export const publication = endpoint({
  method: "GET",
  url: "/api/namnd/publiceringar/:id",
  tag,
  summary: "En publicering med granskningen: vem, när, maskeringar med skäl och kontrollsumma",
  permission: "read",
  params: idParams,
  response: res.publicationResponse,
});

export const publicNamnder = endpoint({
  method: "GET",
  url: "/api/public/namnd",
  tag: publicTag,
  summary: "Nämnder med publicerade föredragningslistor och protokoll (utan inloggning)",
  public: true,
  response: res.publicNamnderResponse,
});

export const publicNamnd = endpoint({
  method: "GET",
  url: "/api/public/namnd/:id",
  tag: publicTag,
  summary: "En nämnds publicerade föredragningslistor och protokoll (utan inloggning)",
  public: true,
  params: idParams,
  response: res.publicNamndResponse,
});

export const publicPublication = endpoint({
  method: "GET",
  url: "/api/public/namnd/publiceringar/:id",
  tag: publicTag,
  summary: "En publicerad föredragningslista eller ett protokoll, personuppgifter maskerade (utan inloggning)",
  public: true,
  params: idParams,
  response: res.publicPublicationResponse,
});
