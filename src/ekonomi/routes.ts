import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import type { Actor } from "../platform/auth/access.ts";
import type { Permission } from "../platform/auth/roles.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { type Endpoint, type Method, noContent, type RouteResponse } from "../platform/http/endpoint.ts";
import { type AnswerOf, route } from "../platform/http/route.ts";
import { deleteFigure, deleteFigures, listFigures, saveFigures } from "./figures-service.ts";
import { createForecast, deleteForecast, updateForecast } from "./forecast-service.ts";
import { imports, previewImport, runImport } from "./import-service.ts";
import { createInvestment, deleteInvestment, investments, updateInvestment } from "./investments-service.ts";
import {
  createReallocation,
  decideReallocation,
  deleteReallocation,
  reallocations,
  updateReallocation,
} from "./reallocations-service.ts";
import { budgetSplit, checkText, summary as economicSummary, followUp, forecastAccuracy } from "./report-service.ts";
import * as res from "./responses.ts";
import { addFundEntry, deleteFundEntry, resultFund } from "./result-fund-service.ts";
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
import {
  addMapping,
  copyLevels,
  createDefaultLevels,
  createLevel,
  deleteLevel,
  deleteMapping,
  namnder,
  setFrame,
  updateLevel,
  yearOverview,
} from "./structure-service.ts";
import type { EkonomiDB } from "./tables.ts";

const tag = "Ekonomi";
const api = "/api/ekonomi";
const base = `${api}/namnder/:namndId`;
const yearBase = `${base}/years/:year`;
// Ledger files travel base64-encoded in JSON: 20 MB of file is about 27 MB of body.
const importBodyLimit = 30 * 1024 * 1024;

/**
 * What a route reads besides its path (a JSON body or a query string, handed to the service as its last argument),
 * the permission it needs and what it answers.
 */
type Input<I extends z.ZodType, R extends RouteResponse> = {
  permission: Permission;
  response: R;
  body?: I;
  query?: I;
  bodyLimit?: number;
};

/**
 * Routes below one URL prefix whose path parameters become the service function's leading arguments
 * after (db, actor): every ekonomi service call has the shape (db, actor, ...scope, input).
 */
function scopedRoutes<P extends z.ZodType, Scope extends unknown[]>(
  app: FastifyInstance,
  prefix: string,
  params: P,
  scope: (params: z.infer<P>) => Scope,
) {
  return <R extends RouteResponse, I extends z.ZodType = z.ZodUndefined>(
    method: Method,
    path: string,
    summary: string,
    call: (db: DbOf<EkonomiDB>, actor: Actor, ...args: [...Scope, z.infer<I>]) => Promise<AnswerOf<R>>,
    input: Input<I, R>,
  ) =>
    route(
      app,
      { method, url: `${prefix}${path}`, tag, summary, params, ...input } as Endpoint,
      (r) =>
        call(r.db, r.actor, ...scope(r.params as z.infer<P>), (input.query ? r.query : r.body) as z.infer<I>) as never,
      { bodyLimit: input.bodyLimit },
    );
}

export async function ekonomiRoutes(app: FastifyInstance): Promise<void> {
  const onYear = scopedRoutes(app, yearBase, namndYearParams, (p) => [p.namndId, p.year] as [string, number]);
  const onNamnd = scopedRoutes(app, base, namndParams, (p) => [p.namndId] as [string]);
  const onId = scopedRoutes(app, api, idParams, (p) => [p.id] as [string]);
  const read = "read";
  const write = "write:ekonomi";

  route(
    app,
    {
      method: "GET",
      url: `${api}/namnder`,
      tag,
      summary: "Nämnder vars ekonomi du kan läsa",
      permission: read,
      response: res.namnderResponse,
    },
    ({ db, actor }) => namnder(db, actor),
  );
  onYear("GET", "", "Årets struktur: nivåer, kodmappning, prognoser, ram och importer", yearOverview, {
    permission: read,
    response: res.yearOverviewResponse,
  });

  // Structure
  onYear("POST", "/levels", "Skapa uppföljningsnivå", createLevel, {
    permission: write,
    body: levelInput,
    response: res.level,
  });
  onYear("POST", "/levels/default", "Skapa nivåer från nämndens verksamhetsområden", createDefaultLevels, {
    permission: write,
    response: res.levelsResponse,
  });
  onYear("POST", "/levels/copy", "Kopiera nivåer och kodmappning från ett annat år", copyLevels, {
    permission: write,
    body: copyLevelsInput,
    response: res.levelsResponse,
  });
  onId("PATCH", "/levels/:id", "Ändra uppföljningsnivå", updateLevel, {
    permission: write,
    body: levelPatch,
    response: res.level,
  });
  onId("DELETE", "/levels/:id", "Ta bort uppföljningsnivå utan belopp", deleteLevel, {
    permission: write,
    response: noContent,
  });
  onId("POST", "/levels/:id/mappings", "Mappa en konto-, ansvars- eller verksamhetskod till nivån", addMapping, {
    permission: write,
    body: mappingInput,
    response: res.mapping,
  });
  onId("DELETE", "/mappings/:id", "Ta bort kodmappning", deleteMapping, { permission: write, response: noContent });
  onYear("PUT", "/frame", "Sätt nämndens ram (kommunbidrag) för året", setFrame, {
    permission: write,
    body: frameInput,
    response: res.frame,
  });

  // Forecasts
  onYear("POST", "/forecasts", "Skapa namngiven prognos", createForecast, {
    permission: write,
    body: forecastInput,
    response: res.forecast,
  });
  onId("PATCH", "/forecasts/:id", "Ändra prognos", updateForecast, {
    permission: write,
    body: forecastPatch,
    response: res.forecast,
  });
  onId("DELETE", "/forecasts/:id", "Ta bort prognos med dess belopp", deleteForecast, {
    permission: write,
    response: noContent,
  });

  // Figures
  onYear("GET", "/figures", "Lagrade belopp", listFigures, {
    permission: read,
    query: figureQuery,
    response: res.figuresResponse,
  });
  onYear(
    "PUT",
    "/figures",
    "Spara belopp (budget, utfall, prognos) per nivå och period",
    (db, actor, namndId, year, body) => saveFigures(db, actor, namndId, year, body.figures),
    { permission: write, body: figuresInput, bodyLimit: 5 * 1024 * 1024, response: res.figuresChanged },
  );
  onYear("DELETE", "/figures", "Ta bort belopp av ett slag", deleteFigures, {
    permission: write,
    query: figureQuery,
    response: res.figuresDeleted,
  });
  onId("DELETE", "/figures/:id", "Ta bort ett belopp", deleteFigure, { permission: write, response: noContent });

  // Reports
  onYear(
    "GET",
    "/follow-up",
    "Budgetuppföljning: bokslut föregående år, budget, prognos, bokslut, avvikelse, med kontroller",
    followUp,
    { permission: read, query: followUpQuery, response: res.followUpResponse },
  );
  onNamnd("GET", "/summary", "Ekonomisk sammanfattning över år", economicSummary, {
    permission: read,
    query: rangeQuery,
    response: res.summaryResponse,
  });
  onNamnd("GET", "/forecast-accuracy", "Prognossäkerhet per år och prognos", forecastAccuracy, {
    permission: read,
    query: rangeQuery,
    response: res.forecastAccuracyResponse,
  });
  onYear(
    "GET",
    "/budget-split",
    "Budgetens fördelning på nivåer (på en minut), med summakontroll",
    (db, actor, namndId, year, query) => budgetSplit(db, actor, namndId, year, query.basis),
    { permission: read, query: budgetSplitQuery, response: res.budgetSplitResponse },
  );
  onYear(
    "POST",
    "/check-text",
    "Kontrollera att siffror i en text och enheter i tabeller stämmer med årets belopp",
    checkText,
    { permission: read, body: checkTextInput, response: res.checkTextResponse },
  );

  // Investments
  onYear("GET", "/investments", "Investeringar: budget och bokslut", investments, {
    permission: read,
    response: res.investmentsResponse,
  });
  onYear("POST", "/investments", "Registrera investering", createInvestment, {
    permission: write,
    body: investmentInput,
    response: res.investment,
  });
  onId("PATCH", "/investments/:id", "Ändra investering", updateInvestment, {
    permission: write,
    body: investmentPatch,
    response: res.investment,
  });
  onId("DELETE", "/investments/:id", "Ta bort investering", deleteInvestment, {
    permission: write,
    response: noContent,
  });

  // Ombudgetering
  onYear("GET", "/reallocations", "Ombudgeteringar", reallocations, {
    permission: read,
    response: res.reallocationsResponse,
  });
  onYear("POST", "/reallocations", "Föreslå ombudgetering per nivå", createReallocation, {
    permission: write,
    body: reallocationInput,
    response: res.reallocation,
  });
  onId("PATCH", "/reallocations/:id", "Ändra förslag till ombudgetering", updateReallocation, {
    permission: write,
    body: reallocationPatch,
    response: res.reallocation,
  });
  onId("POST", "/reallocations/:id/decision", "Registrera nämndens beslut om ombudgetering", decideReallocation, {
    permission: write,
    body: reallocationDecision,
    response: res.reallocation,
  });
  onId("DELETE", "/reallocations/:id", "Ta bort förslag till ombudgetering", deleteReallocation, {
    permission: write,
    response: noContent,
  });

  // Resultatfond
  onNamnd("GET", "/result-fund", "Resultatfonden år för år", resultFund, {
    permission: read,
    response: res.resultFundResponse,
  });
  onNamnd(
    "POST",
    "/result-fund/entries",
    "Registrera resultatdisposition, ingående balans eller justering",
    addFundEntry,
    { permission: write, body: fundEntryInput, response: res.fundEntry },
  );
  onId("DELETE", "/result-fund/entries/:id", "Ta bort fondpost", deleteFundEntry, {
    permission: write,
    response: noContent,
  });

  // Import
  route(
    app,
    {
      method: "POST",
      url: `${api}/imports/preview`,
      tag,
      summary: "Förhandsgranska fil: kolumner, förslag på mappning (CSV/XLSX) eller innehåll (SIE 4)",
      permission: write,
      body: importPreviewInput,
      bodyLimit: importBodyLimit,
      response: res.importPreviewResponse,
    },
    ({ actor, body }) => previewImport(actor, body),
  );
  onYear(
    "POST",
    "/imports",
    "Importera utfall, budget eller prognos från CSV, XLSX eller SIE 4 (allt eller inget)",
    runImport,
    { permission: write, body: importInput, bodyLimit: importBodyLimit, response: res.importResultResponse },
  );
  onYear("GET", "/imports", "Genomförda importer", imports, { permission: read, response: res.importsResponse });
}
