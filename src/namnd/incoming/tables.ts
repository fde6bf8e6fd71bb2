import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type { Appellant, Issuer, Outcome, RulingKind, SenderKind } from "./vocabulary.ts";

/** A dom or beslut that came in to the nämnd (a court's, another authority's, KF's or KS's). */
export interface NamndRulingTable {
  id: Id;
  /** The nämnd. */
  org_node_id: string;
  issuer: Issuer;
  /** Which court or authority exactly ("Förvaltningsrätten i Göteborg", "Försäkringskassan"). */
  issuer_name: string | null;
  kind: RulingKind;
  /** A court's mål nr, NNNN-YY. */
  case_number: string | null;
  /** The authority's own reference (IVO's or IMY's diarienummer). */
  authority_reference: string | null;
  /** KF's or KS's §. */
  paragraph: number | null;
  decided_on: string;
  registered_on: string;
  appellant: Appellant | null;
  /** The other party, described by role (never a name of an individual). */
  appellant_other: string | null;
  /** What it concerns (KF/KS: the title of the §). */
  subject: string;
  /** The provision as written ("LSS 9 §"): data text, not code. */
  law: string | null;
  outcome: Outcome | null;
  consequence: string | null;
  /** For the nämnd: derived from appellant and outcome where it can be, else as registered. */
  won: boolean | null;
  /** The nämnd's own case it belongs to. */
  diarienummer: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndLetterTable {
  id: Id;
  org_node_id: string;
  diarienummer: string;
  registered_on: string;
  sender: string;
  sender_kind: SenderKind;
  subject: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IncomingTables {
  namnd_ruling: NamndRulingTable;
  namnd_letter: NamndLetterTable;
}
