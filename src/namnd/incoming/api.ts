// Inkommande's wire contract: domar och beslut and skrivelser och meddelanden, each as a register and as the
// period list the sammanträde notes. Reading needs read on the nämnd (another appellant's description and a
// private sender's name need read:personal); writing needs write:namnd.
import { endpoint } from "../../platform/http/endpoint.ts";
import * as res from "./responses.ts";
import {
  letterFields,
  letterIdParams,
  letterInput,
  lettersQuery,
  periodQuery,
  rulingFields,
  rulingIdParams,
  rulingInput,
  rulingsQuery,
} from "./schema.ts";

const tag = "Nämnd";

export const rulings = endpoint({
  method: "GET",
  url: "/api/namnd/domar",
  tag,
  summary: "Domar och beslut som kommit in till nämnden, efter registreringsdatum",
  permission: "read",
  query: rulingsQuery,
  response: res.rulingsResponse,
});

export const rulingsForPeriod = endpoint({
  method: "GET",
  url: "/api/namnd/domar/period",
  tag,
  summary: "Domar och beslut registrerade under en period, i avsnitten KR, FR, IMY, IVO, KF, KS",
  permission: "read",
  query: periodQuery,
  response: res.rulingsForPeriodResponse,
});

export const registerRuling = endpoint({
  method: "POST",
  url: "/api/namnd/domar",
  tag,
  summary: "Registrera en dom eller ett beslut",
  permission: "write:namnd",
  body: rulingInput,
  response: res.rulingResponse,
});

export const getRuling = endpoint({
  method: "GET",
  url: "/api/namnd/domar/:id",
  tag,
  summary: "En dom eller ett beslut",
  permission: "read",
  params: rulingIdParams,
  response: res.rulingResponse,
});

export const updateRuling = endpoint({
  method: "PUT",
  url: "/api/namnd/domar/:id",
  tag,
  summary: "Rätta en registrerad dom eller ett beslut (hela raden)",
  permission: "write:namnd",
  params: rulingIdParams,
  body: rulingFields,
  response: res.rulingResponse,
});

export const letters = endpoint({
  method: "GET",
  url: "/api/namnd/skrivelser",
  tag,
  summary: "Skrivelser och meddelanden som kommit in till nämnden, efter registreringsdatum",
  permission: "read",
  query: lettersQuery,
  response: res.lettersResponse,
});

export const lettersForPeriod = endpoint({
  method: "GET",
  url: "/api/namnd/skrivelser/period",
  tag,
  summary: "Skrivelser och meddelanden registrerade under en period",
  permission: "read",
  query: periodQuery,
  response: res.lettersForPeriodResponse,
});

export const registerLetter = endpoint({
  method: "POST",
  url: "/api/namnd/skrivelser",
  tag,
  summary: "Registrera en skrivelse eller ett meddelande",
  permission: "write:namnd",
  body: letterInput,
  response: res.letterResponse,
});

export const getLetter = endpoint({
  method: "GET",
  url: "/api/namnd/skrivelser/:id",
  tag,
  summary: "En skrivelse eller ett meddelande",
  permission: "read",
  params: letterIdParams,
  response: res.letterResponse,
});

export const updateLetter = endpoint({
  method: "PUT",
  url: "/api/namnd/skrivelser/:id",
  tag,
  summary: "Rätta en registrerad skrivelse (hela raden)",
  permission: "write:namnd",
  params: letterIdParams,
  body: letterFields,
  response: res.letterResponse,
});
