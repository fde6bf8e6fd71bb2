import type { FastifyInstance } from "fastify";
import { route } from "../platform/http/route.ts";
import * as api from "./api.ts";
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
import { addFundEntry, deleteFundEntry, resultFund } from "./result-fund-service.ts";
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

// Ledger files travel base64-encoded in JSON: 20 MB of file is about 27 MB of body.
const importBodyLimit = 30 * 1024 * 1024;

// Every ekonomi service call has the shape (db, actor, ...path parameters, input).
export async function ekonomiRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.namnder, ({ db, actor }) => namnder(db, actor));
  route(app, api.yearOverview, ({ db, actor, params }) => yearOverview(db, actor, params.namndId, params.year), {
    replica: true,
    held: true,
  });

  // Structure
  route(app, api.createLevel, ({ db, actor, params, body }) =>
    createLevel(db, actor, params.namndId, params.year, body),
  );
  route(app, api.createDefaultLevels, ({ db, actor, params }) =>
    createDefaultLevels(db, actor, params.namndId, params.year),
  );
  route(app, api.copyLevels, ({ db, actor, params, body }) => copyLevels(db, actor, params.namndId, params.year, body));
  route(app, api.updateLevel, ({ db, actor, params, body }) => updateLevel(db, actor, params.id, body));
  route(app, api.deleteLevel, ({ db, actor, params }) => deleteLevel(db, actor, params.id));
  route(app, api.addMapping, ({ db, actor, params, body }) => addMapping(db, actor, params.id, body));
  route(app, api.deleteMapping, ({ db, actor, params }) => deleteMapping(db, actor, params.id));
  route(app, api.setFrame, ({ db, actor, params, body }) => setFrame(db, actor, params.namndId, params.year, body));

  // Forecasts
  route(app, api.createForecast, ({ db, actor, params, body }) =>
    createForecast(db, actor, params.namndId, params.year, body),
  );
  route(app, api.updateForecast, ({ db, actor, params, body }) => updateForecast(db, actor, params.id, body));
  route(app, api.deleteForecast, ({ db, actor, params }) => deleteForecast(db, actor, params.id));

  // Figures
  route(app, api.figures, ({ db, actor, params, query }) => listFigures(db, actor, params.namndId, params.year, query));
  route(
    app,
    api.saveFigures,
    ({ db, actor, params, body }) => saveFigures(db, actor, params.namndId, params.year, body.figures),
    { bodyLimit: 5 * 1024 * 1024 },
  );
  route(app, api.deleteFigures, ({ db, actor, params, query }) =>
    deleteFigures(db, actor, params.namndId, params.year, query),
  );
  route(app, api.deleteFigure, ({ db, actor, params }) => deleteFigure(db, actor, params.id));

  // Reports
  route(app, api.followUp, ({ db, actor, params, query }) => followUp(db, actor, params.namndId, params.year, query), {
    held: true,
  });
  route(app, api.summary, ({ db, actor, params, query }) => economicSummary(db, actor, params.namndId, query));
  route(app, api.forecastAccuracy, ({ db, actor, params, query }) =>
    forecastAccuracy(db, actor, params.namndId, query),
  );
  route(app, api.budgetSplit, ({ db, actor, params, query }) =>
    budgetSplit(db, actor, params.namndId, params.year, query.basis),
  );
  route(app, api.checkText, ({ db, actor, params, body }) => checkText(db, actor, params.namndId, params.year, body));

  // Investments
  route(app, api.investments, ({ db, actor, params }) => investments(db, actor, params.namndId, params.year));
  route(app, api.createInvestment, ({ db, actor, params, body }) =>
    createInvestment(db, actor, params.namndId, params.year, body),
  );
  route(app, api.updateInvestment, ({ db, actor, params, body }) => updateInvestment(db, actor, params.id, body));
  route(app, api.deleteInvestment, ({ db, actor, params }) => deleteInvestment(db, actor, params.id));

  // Ombudgetering
  route(app, api.reallocations, ({ db, actor, params }) => reallocations(db, actor, params.namndId, params.year));
  route(app, api.createReallocation, ({ db, actor, params, body }) =>
    createReallocation(db, actor, params.namndId, params.year, body),
  );
  route(app, api.updateReallocation, ({ db, actor, params, body }) => updateReallocation(db, actor, params.id, body));
  route(app, api.decideReallocation, ({ db, actor, params, body }) => decideReallocation(db, actor, params.id, body));
  route(app, api.deleteReallocation, ({ db, actor, params }) => deleteReallocation(db, actor, params.id));

  // Resultatfond
  route(app, api.resultFund, ({ db, actor, params }) => resultFund(db, actor, params.namndId));
  route(app, api.addFundEntry, ({ db, actor, params, body }) => addFundEntry(db, actor, params.namndId, body));
  route(app, api.deleteFundEntry, ({ db, actor, params }) => deleteFundEntry(db, actor, params.id));

  // Import
  route(app, api.previewImport, ({ actor, body }) => previewImport(actor, body), { bodyLimit: importBodyLimit });
  route(app, api.runImport, ({ db, actor, params, body }) => runImport(db, actor, params.namndId, params.year, body), {
    bodyLimit: importBodyLimit,
  });
  route(app, api.imports, ({ db, actor, params }) => imports(db, actor, params.namndId, params.year));
}
