// The ekonomi wire contract (see platform/http/endpoint.ts): a committee's levels and code mappings, forecasts,
// frame and figures, the reports drawn from them, investments, reallocations, the result fund and the ledger import.
import { endpoint, noContent } from "../platform/http/endpoint.ts";
import { idParams } from "../platform/validation.ts";
import * as res from "./responses.ts";
import {
  budgetSplitQuery,
  checkTextInput,
  copyLevelsInput,
  figureQuery,
  figuresInput,
  followUpQuery,
  forecastInput,
  forecastPatch,
  frameInput,
  fundEntryInput,
  importInput,
  importPreviewInput,
  investmentInput,
  investmentPatch,
  levelInput,
  levelPatch,
  mappingInput,
  namndParams,
  namndYearParams,
  rangeQuery,
  reallocationDecision,
  reallocationInput,
  reallocationPatch,
} from "./schema.ts";

const tag = "Ekonomi";

export const namnder = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder",
  tag,
  summary: "Nämnder vars ekonomi du kan läsa",
  permission: "read",
  response: res.namnderResponse,
});

export const yearOverview = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/years/:year",
  tag,
  summary: "Årets struktur: nivåer, kodmappning, prognoser, ram och importer",
  permission: "read",
  params: namndYearParams,
  response: res.yearOverviewResponse,
});

// ---------- structure ----------

export const createLevel = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/levels",
  tag,
  summary: "Skapa uppföljningsnivå",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: levelInput,
  response: res.level,
});

export const createDefaultLevels = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/levels/default",
  tag,
  summary: "Skapa nivåer från nämndens verksamhetsområden",
  permission: "write:ekonomi",
  params: namndYearParams,
  response: res.levelsResponse,
});

export const copyLevels = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/levels/copy",
  tag,
  summary: "Kopiera nivåer och kodmappning från ett annat år",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: copyLevelsInput,
  response: res.levelsResponse,
});

export const updateLevel = endpoint({
  method: "PATCH",
  url: "/api/ekonomi/levels/:id",
  tag,
  summary: "Ändra uppföljningsnivå",
  permission: "write:ekonomi",
  params: idParams("Nivåns id"),
  body: levelPatch,
  response: res.level,
});

export const deleteLevel = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/levels/:id",
  tag,
  summary: "Ta bort uppföljningsnivå utan belopp",
  permission: "write:ekonomi",
  params: idParams("Nivåns id"),
  response: noContent,
});

export const addMapping = endpoint({
  method: "POST",
  url: "/api/ekonomi/levels/:id/mappings",
  tag,
  summary: "Mappa en konto-, ansvars- eller verksamhetskod till nivån",
  permission: "write:ekonomi",
  params: idParams("Nivåns id"),
  body: mappingInput,
  response: res.mapping,
});

export const deleteMapping = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/mappings/:id",
  tag,
  summary: "Ta bort kodmappning",
  permission: "write:ekonomi",
  params: idParams("Kopplingens id"),
  response: noContent,
});

export const setFrame = endpoint({
  method: "PUT",
  url: "/api/ekonomi/namnder/:namndId/years/:year/frame",
  tag,
  summary: "Sätt nämndens ram (kommunbidrag) för året",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: frameInput,
  response: res.frame,
});

// ---------- forecasts ----------

export const createForecast = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/forecasts",
  tag,
  summary: "Skapa namngiven prognos",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: forecastInput,
  response: res.forecast,
});

export const updateForecast = endpoint({
  method: "PATCH",
  url: "/api/ekonomi/forecasts/:id",
  tag,
  summary: "Ändra prognos",
  permission: "write:ekonomi",
  params: idParams("Prognosens id"),
  body: forecastPatch,
  response: res.forecast,
});

export const deleteForecast = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/forecasts/:id",
  tag,
  summary: "Ta bort prognos med dess belopp",
  permission: "write:ekonomi",
  params: idParams("Prognosens id"),
  response: noContent,
});

// ---------- figures ----------

export const figures = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/years/:year/figures",
  tag,
  summary: "Lagrade belopp",
  permission: "read",
  params: namndYearParams,
  query: figureQuery,
  response: res.figuresResponse,
});

export const saveFigures = endpoint({
  method: "PUT",
  url: "/api/ekonomi/namnder/:namndId/years/:year/figures",
  tag,
  summary: "Spara belopp (budget, utfall, prognos) per nivå och period",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: figuresInput,
  response: res.figuresChanged,
});

export const deleteFigures = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/namnder/:namndId/years/:year/figures",
  tag,
  summary: "Ta bort belopp av ett slag",
  permission: "write:ekonomi",
  params: namndYearParams,
  query: figureQuery,
  response: res.figuresDeleted,
});

export const deleteFigure = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/figures/:id",
  tag,
  summary: "Ta bort ett belopp",
  permission: "write:ekonomi",
  params: idParams("Beloppets id"),
  response: noContent,
});

// ---------- reports ----------

export const followUp = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/years/:year/follow-up",
  tag,
  summary: "Budgetuppföljning: bokslut föregående år, budget, prognos, bokslut, avvikelse, med kontroller",
  permission: "read",
  params: namndYearParams,
  query: followUpQuery,
  response: res.followUpResponse,
});

export const summary = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/summary",
  tag,
  summary: "Ekonomisk sammanfattning över år",
  permission: "read",
  params: namndParams,
  query: rangeQuery,
  response: res.summaryResponse,
});

export const forecastAccuracy = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/forecast-accuracy",
  tag,
  summary: "Prognossäkerhet per år och prognos",
  permission: "read",
  params: namndParams,
  query: rangeQuery,
  response: res.forecastAccuracyResponse,
});

export const budgetSplit = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/years/:year/budget-split",
  tag,
  summary: "Budgetens fördelning på nivåer (på en minut), med summakontroll",
  permission: "read",
  params: namndYearParams,
  query: budgetSplitQuery,
  response: res.budgetSplitResponse,
});

export const checkText = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/check-text",
  tag,
  summary: "Kontrollera att siffror i en text och enheter i tabeller stämmer med årets belopp",
  permission: "read",
  params: namndYearParams,
  body: checkTextInput,
  response: res.checkTextResponse,
});

// ---------- investments ----------

export const investments = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/years/:year/investments",
  tag,
  summary: "Investeringar: budget och bokslut",
  permission: "read",
  params: namndYearParams,
  response: res.investmentsResponse,
});

export const createInvestment = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/investments",
  tag,
  summary: "Registrera investering",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: investmentInput,
  response: res.investment,
});

export const updateInvestment = endpoint({
  method: "PATCH",
  url: "/api/ekonomi/investments/:id",
  tag,
  summary: "Ändra investering",
  permission: "write:ekonomi",
  params: idParams("Investeringens id"),
  body: investmentPatch,
  response: res.investment,
});

export const deleteInvestment = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/investments/:id",
  tag,
  summary: "Ta bort investering",
  permission: "write:ekonomi",
  params: idParams("Investeringens id"),
  response: noContent,
});

// ---------- reallocations (ombudgetering) ----------

export const reallocations = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/years/:year/reallocations",
  tag,
  summary: "Ombudgeteringar",
  permission: "read",
  params: namndYearParams,
  response: res.reallocationsResponse,
});

export const createReallocation = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/reallocations",
  tag,
  summary: "Föreslå ombudgetering per nivå",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: reallocationInput,
  response: res.reallocation,
});

export const updateReallocation = endpoint({
  method: "PATCH",
  url: "/api/ekonomi/reallocations/:id",
  tag,
  summary: "Ändra förslag till ombudgetering",
  permission: "write:ekonomi",
  params: idParams("Omfördelningens id"),
  body: reallocationPatch,
  response: res.reallocation,
});

export const decideReallocation = endpoint({
  method: "POST",
  url: "/api/ekonomi/reallocations/:id/decision",
  tag,
  summary: "Registrera nämndens beslut om ombudgetering",
  permission: "write:ekonomi",
  params: idParams("Omfördelningens id"),
  body: reallocationDecision,
  response: res.reallocation,
});

export const deleteReallocation = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/reallocations/:id",
  tag,
  summary: "Ta bort förslag till ombudgetering",
  permission: "write:ekonomi",
  params: idParams("Omfördelningens id"),
  response: noContent,
});

// ---------- result fund (resultatfond) ----------

export const resultFund = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/result-fund",
  tag,
  summary: "Resultatfonden år för år",
  permission: "read",
  params: namndParams,
  response: res.resultFundResponse,
});

export const addFundEntry = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/result-fund/entries",
  tag,
  summary: "Registrera resultatdisposition, ingående balans eller justering",
  permission: "write:ekonomi",
  params: namndParams,
  body: fundEntryInput,
  response: res.fundEntry,
});

export const deleteFundEntry = endpoint({
  method: "DELETE",
  url: "/api/ekonomi/result-fund/entries/:id",
  tag,
  summary: "Ta bort fondpost",
  permission: "write:ekonomi",
  params: idParams("Postens id"),
  response: noContent,
});

// ---------- import ----------
// Ledger files travel base64-encoded in JSON (not as raw uploads): a preview and an import carry the same file.

export const previewImport = endpoint({
  method: "POST",
  url: "/api/ekonomi/imports/preview",
  tag,
  summary: "Förhandsgranska fil: kolumner, förslag på mappning (CSV/XLSX) eller innehåll (SIE 4)",
  permission: "write:ekonomi",
  body: importPreviewInput,
  response: res.importPreviewResponse,
});

export const runImport = endpoint({
  method: "POST",
  url: "/api/ekonomi/namnder/:namndId/years/:year/imports",
  tag,
  summary: "Importera utfall, budget eller prognos från CSV, XLSX eller SIE 4 (allt eller inget)",
  permission: "write:ekonomi",
  params: namndYearParams,
  body: importInput,
  response: res.importResultResponse,
});

export const imports = endpoint({
  method: "GET",
  url: "/api/ekonomi/namnder/:namndId/years/:year/imports",
  tag,
  summary: "Genomförda importer",
  permission: "read",
  params: namndYearParams,
  response: res.importsResponse,
});
