// Response shapes, taken from the endpoints lex Sarah declares, so the UI cannot drift from the API.
import type * as lexSarah from "../../../kvalitet/lex-sarah/api.ts";
import type { CaseStatus, Outcome } from "../../../kvalitet/lex-sarah/vocabulary.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";

export type LexSarahLists = OutputOf<typeof lexSarah.lists>;
export type LexSarahCase = OutputOf<typeof lexSarah.lexSarahCase>;
export type Memo = OutputOf<typeof lexSarah.memo>;
/** What the register filters on; the unit comes from the session. */
export type CaseFilters = {
  year?: number;
  periodStart?: string;
  periodEnd?: string;
  status?: CaseStatus;
  outcome?: Outcome;
  offset?: number;
};
