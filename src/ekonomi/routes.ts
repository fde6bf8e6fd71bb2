import type { FastifyInstance } from "fastify";
import { route } from "../platform/http/route.ts";
import { imports, previewImport, runImport } from "./imports.ts";
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
  idParams,
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
import * as service from "./service.ts";

const tag = "Ekonomi";
const base = "/api/ekonomi/namnder/:namndId";
const yearBase = `${base}/years/:year`;
// Ledger files travel base64-encoded in JSON: 20 MB of file is about 27 MB of body.
const importBodyLimit = 30 * 1024 * 1024;

export async function ekonomiRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    { method: "GET", url: "/api/ekonomi/namnder", tag, summary: "Nämnder vars ekonomi du kan läsa" },
    ({ db, actor }) => service.namnder(db, actor),
  );
  route(
    app,
    {
      method: "GET",
      url: yearBase,
      tag,
      summary: "Årets struktur: nivåer, kodmappning, prognoser, ram och importer",
      params: namndYearParams,
    },
    ({ db, actor, params }) => service.yearOverview(db, actor, params.namndId, params.year),
  );

  // Structure
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/levels`,
      tag,
      summary: "Skapa uppföljningsnivå",
      params: namndYearParams,
      body: levelInput,
    },
    ({ db, actor, params, body }) => service.createLevel(db, actor, params.namndId, params.year, body),
  );
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/levels/default`,
      tag,
      summary: "Skapa nivåer från nämndens verksamhetsområden",
      params: namndYearParams,
    },
    ({ db, actor, params }) => service.createDefaultLevels(db, actor, params.namndId, params.year),
  );
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/levels/copy`,
      tag,
      summary: "Kopiera nivåer och kodmappning från ett annat år",
      params: namndYearParams,
      body: copyLevelsInput,
    },
    ({ db, actor, params, body }) => service.copyLevels(db, actor, params.namndId, params.year, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/ekonomi/levels/:id",
      tag,
      summary: "Ändra uppföljningsnivå",
      params: idParams,
      body: levelPatch,
    },
    ({ db, actor, params, body }) => service.updateLevel(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "DELETE",
      url: "/api/ekonomi/levels/:id",
      tag,
      summary: "Ta bort uppföljningsnivå utan belopp",
      params: idParams,
    },
    ({ db, actor, params }) => service.deleteLevel(db, actor, params.id),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/ekonomi/levels/:id/mappings",
      tag,
      summary: "Mappa en konto-, ansvars- eller verksamhetskod till nivån",
      params: idParams,
      body: mappingInput,
    },
    ({ db, actor, params, body }) => service.addMapping(db, actor, params.id, body),
  );
  route(
    app,
    { method: "DELETE", url: "/api/ekonomi/mappings/:id", tag, summary: "Ta bort kodmappning", params: idParams },
    ({ db, actor, params }) => service.deleteMapping(db, actor, params.id),
  );
  route(
    app,
    {
      method: "PUT",
      url: `${yearBase}/frame`,
      tag,
      summary: "Sätt nämndens ram (kommunbidrag) för året",
      params: namndYearParams,
      body: frameInput,
    },
    ({ db, actor, params, body }) => service.setFrame(db, actor, params.namndId, params.year, body),
  );

  // Forecasts
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/forecasts`,
      tag,
      summary: "Skapa namngiven prognos",
      params: namndYearParams,
      body: forecastInput,
    },
    ({ db, actor, params, body }) => service.createForecast(db, actor, params.namndId, params.year, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/ekonomi/forecasts/:id",
      tag,
      summary: "Ändra prognos",
      params: idParams,
      body: forecastPatch,
    },
    ({ db, actor, params, body }) => service.updateForecast(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "DELETE",
      url: "/api/ekonomi/forecasts/:id",
      tag,
      summary: "Ta bort prognos med dess belopp",
      params: idParams,
    },
    ({ db, actor, params }) => service.deleteForecast(db, actor, params.id),
  );

  // Figures
  route(
    app,
    {
      method: "GET",
      url: `${yearBase}/figures`,
      tag,
      summary: "Lagrade belopp",
      params: namndYearParams,
      query: figureQuery,
    },
    ({ db, actor, params, query }) => service.listFigures(db, actor, params.namndId, params.year, query),
  );
  route(
    app,
    {
      method: "PUT",
      url: `${yearBase}/figures`,
      tag,
      summary: "Spara belopp (budget, utfall, prognos) per nivå och period",
      params: namndYearParams,
      body: figuresInput,
      bodyLimit: 5 * 1024 * 1024,
    },
    ({ db, actor, params, body }) => service.saveFigures(db, actor, params.namndId, params.year, body.figures),
  );
  route(
    app,
    {
      method: "DELETE",
      url: `${yearBase}/figures`,
      tag,
      summary: "Ta bort belopp av ett slag",
      params: namndYearParams,
      query: figureQuery,
    },
    ({ db, actor, params, query }) => service.deleteFigures(db, actor, params.namndId, params.year, query),
  );
  route(
    app,
    { method: "DELETE", url: "/api/ekonomi/figures/:id", tag, summary: "Ta bort ett belopp", params: idParams },
    ({ db, actor, params }) => service.deleteFigure(db, actor, params.id),
  );

  // Reports
  route(
    app,
    {
      method: "GET",
      url: `${yearBase}/follow-up`,
      tag,
      summary: "Budgetuppföljning: bokslut föregående år, budget, prognos, bokslut, avvikelse, med kontroller",
      params: namndYearParams,
      query: followUpQuery,
    },
    ({ db, actor, params, query }) => service.followUp(db, actor, params.namndId, params.year, query),
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/summary`,
      tag,
      summary: "Ekonomisk sammanfattning över år",
      params: namndParams,
      query: rangeQuery,
    },
    ({ db, actor, params, query }) => service.summary(db, actor, params.namndId, query),
  );
  route(
    app,
    {
      method: "GET",
      url: `${base}/forecast-accuracy`,
      tag,
      summary: "Prognossäkerhet per år och prognos",
      params: namndParams,
      query: rangeQuery,
    },
    ({ db, actor, params, query }) => service.forecastAccuracy(db, actor, params.namndId, query),
  );
  route(
    app,
    {
      method: "GET",
      url: `${yearBase}/budget-split`,
      tag,
      summary: "Budgetens fördelning på nivåer (på en minut), med summakontroll",
      params: namndYearParams,
      query: budgetSplitQuery,
    },
    ({ db, actor, params, query }) => service.budgetSplit(db, actor, params.namndId, params.year, query.basis),
  );
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/check-text`,
      tag,
      summary: "Kontrollera att siffror i en text och enheter i tabeller stämmer med årets belopp",
      params: namndYearParams,
      body: checkTextInput,
    },
    ({ db, actor, params, body }) => service.checkText(db, actor, params.namndId, params.year, body),
  );

  // Investments
  route(
    app,
    {
      method: "GET",
      url: `${yearBase}/investments`,
      tag,
      summary: "Investeringar: budget och bokslut",
      params: namndYearParams,
    },
    ({ db, actor, params }) => service.investments(db, actor, params.namndId, params.year),
  );
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/investments`,
      tag,
      summary: "Registrera investering",
      params: namndYearParams,
      body: investmentInput,
    },
    ({ db, actor, params, body }) => service.createInvestment(db, actor, params.namndId, params.year, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/ekonomi/investments/:id",
      tag,
      summary: "Ändra investering",
      params: idParams,
      body: investmentPatch,
    },
    ({ db, actor, params, body }) => service.updateInvestment(db, actor, params.id, body),
  );
  route(
    app,
    { method: "DELETE", url: "/api/ekonomi/investments/:id", tag, summary: "Ta bort investering", params: idParams },
    ({ db, actor, params }) => service.deleteInvestment(db, actor, params.id),
  );

  // Ombudgetering
  route(
    app,
    { method: "GET", url: `${yearBase}/reallocations`, tag, summary: "Ombudgeteringar", params: namndYearParams },
    ({ db, actor, params }) => service.reallocations(db, actor, params.namndId, params.year),
  );
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/reallocations`,
      tag,
      summary: "Föreslå ombudgetering per nivå",
      params: namndYearParams,
      body: reallocationInput,
    },
    ({ db, actor, params, body }) => service.createReallocation(db, actor, params.namndId, params.year, body),
  );
  route(
    app,
    {
      method: "PATCH",
      url: "/api/ekonomi/reallocations/:id",
      tag,
      summary: "Ändra förslag till ombudgetering",
      params: idParams,
      body: reallocationPatch,
    },
    ({ db, actor, params, body }) => service.updateReallocation(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "POST",
      url: "/api/ekonomi/reallocations/:id/decision",
      tag,
      summary: "Registrera nämndens beslut om ombudgetering",
      params: idParams,
      body: reallocationDecision,
    },
    ({ db, actor, params, body }) => service.decideReallocation(db, actor, params.id, body),
  );
  route(
    app,
    {
      method: "DELETE",
      url: "/api/ekonomi/reallocations/:id",
      tag,
      summary: "Ta bort förslag till ombudgetering",
      params: idParams,
    },
    ({ db, actor, params }) => service.deleteReallocation(db, actor, params.id),
  );

  // Resultatfond
  route(
    app,
    { method: "GET", url: `${base}/result-fund`, tag, summary: "Resultatfonden år för år", params: namndParams },
    ({ db, actor, params }) => service.resultFund(db, actor, params.namndId),
  );
  route(
    app,
    {
      method: "POST",
      url: `${base}/result-fund/entries`,
      tag,
      summary: "Registrera resultatdisposition, ingående balans eller justering",
      params: namndParams,
      body: fundEntryInput,
    },
    ({ db, actor, params, body }) => service.addFundEntry(db, actor, params.namndId, body),
  );
  route(
    app,
    {
      method: "DELETE",
      url: "/api/ekonomi/result-fund/entries/:id",
      tag,
      summary: "Ta bort fondpost",
      params: idParams,
    },
    ({ db, actor, params }) => service.deleteFundEntry(db, actor, params.id),
  );

  // Import
  route(
    app,
    {
      method: "POST",
      url: "/api/ekonomi/imports/preview",
      tag,
      summary: "Förhandsgranska fil: kolumner, förslag på mappning (CSV/XLSX) eller innehåll (SIE 4)",
      body: importPreviewInput,
      bodyLimit: importBodyLimit,
    },
    ({ actor, body }) => previewImport(actor, body),
  );
  route(
    app,
    {
      method: "POST",
      url: `${yearBase}/imports`,
      tag,
      summary: "Importera utfall, budget eller prognos från CSV, XLSX eller SIE 4 (allt eller inget)",
      params: namndYearParams,
      body: importInput,
      bodyLimit: importBodyLimit,
    },
    ({ db, actor, params, body }) => runImport(db, actor, params.namndId, params.year, body),
  );
  route(
    app,
    { method: "GET", url: `${yearBase}/imports`, tag, summary: "Genomförda importer", params: namndYearParams },
    ({ db, actor, params }) => imports(db, actor, params.namndId, params.year),
  );
}
