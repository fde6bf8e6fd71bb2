import type { ColumnType } from "kysely";
import type { CreatedAt, Id } from "../../platform/db/columns.ts";
import type { LiftedMask, Mask, OmittedItem, PublicBlock } from "./masking.ts";
import type { PublicationKind } from "./vocabulary.ts";

type JsonArray<T> = ColumnType<T[], string, never>;

/** A reviewed, published föredragningslista or protokoll; never changed (a correction is a new version). */
export interface NamndPublicationTable {
  id: Id;
  /** The nämnd. */
  org_node_id: string;
  meeting_id: string;
  kind: PublicationKind;
  version: number;
  /** The version this one corrects (null for version 1). */
  replaces_id: string | null;
  correction_note: string | null;
  title: string;
  /** The text as published: masks applied, items left out under OSL replaced. */
  content: JsonArray<PublicBlock>;
  /** The masks applied (proposed and kept, or added by the reviewer with a reason), on the source text. */
  masks: JsonArray<Mask>;
  /** The proposed masks the reviewer lifted, each with the reason. */
  lifted: JsonArray<LiftedMask>;
  omitted: JsonArray<OmittedItem>;
  /** sha256 of the published text (publishedChecksum). */
  checksum: string;
  reviewed_by: string | null;
  reviewer_name: string;
  published_at: ColumnType<Date, never, never>;
  created_at: CreatedAt;
}

export interface PublishingTables {
  namnd_publication: NamndPublicationTable;
}
