import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type { BasisKind, ChildQuestion, MemoStatus, VerbCode } from "./vocabulary.ts";

/** A tjänsteskrivelse in an ärende; version n+1 supersedes version n, which stays as it was marked klar. */
export interface NamndMemoTable {
  id: Id;
  case_id: string;
  /** The case's nämnd, so access is checked on it directly. */
  org_node_id: string;
  version: number;
  supersedes_id: string | null;
  status: MemoStatus;
  completed_on: string | null;
  /** The Datum of the letterhead. */
  memo_date: string;
  title: string;
  letterhead: boolean;
  /** The förvaltning or avdelning under the kommun's name. */
  department: string | null;
  handler_name: string | null;
  handler_title: string | null;
  handler_phone: string | null;
  summary: string;
  description: string | null;
  child_assessment: boolean;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndMemoClauseTable {
  memo_id: string;
  position: number;
  verb: VerbCode;
  /** The rest of the sentence after the verb. */
  text: string;
  created_at: CreatedAt;
}

export interface NamndMemoBasisTable {
  memo_id: string;
  position: number;
  kind: BasisKind;
  document_id: string | null;
  issuer: string | null;
  title: string | null;
  /** The body whose protocol is cited (Kommunfullmäktige …). */
  body: string | null;
  basis_date: string | null;
  paragraph: number | null;
  created_at: CreatedAt;
}

export interface NamndMemoRecipientTable {
  memo_id: string;
  position: number;
  name: string;
  created_at: CreatedAt;
}

export interface NamndMemoSignatureTable {
  memo_id: string;
  position: number;
  name: string;
  title: string;
  created_at: CreatedAt;
}

export interface NamndMemoChildAnswerTable {
  memo_id: string;
  question: ChildQuestion;
  answer: string;
  created_at: CreatedAt;
}

export interface MemoTables {
  namnd_memo: NamndMemoTable;
  namnd_memo_clause: NamndMemoClauseTable;
  namnd_memo_basis: NamndMemoBasisTable;
  namnd_memo_recipient: NamndMemoRecipientTable;
  namnd_memo_signature: NamndMemoSignatureTable;
  namnd_memo_child_answer: NamndMemoChildAnswerTable;
}
