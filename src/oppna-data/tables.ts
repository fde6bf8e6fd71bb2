import type { ColumnType } from "kysely";
import type { EvbTables } from "../evb/index.ts";
import type { KvalitetTables } from "../kvalitet/index.ts";
import type { CreatedAt, Id, Json, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";
import type { StyrningTables } from "../styrning/index.ts";
import type { PublishedContent } from "./dataset.ts";
import type { Dataset } from "./vocabulary.ts";

/** A decision to publish one dataset of a nämnd for one period, with the content as published. */
export interface OpenDataPublicationTable {
  id: Id;
  /** The nämnd. */
  org_node_id: string;
  dataset: Dataset;
  /** "2023" or, for the EVB statistics, "2024Q2". */
  period: string;
  title: string;
  content: Json<PublishedContent>;
  /** sha256 of the content (contentChecksum). */
  checksum: string;
  published_by: string | null;
  publisher_name: string;
  published_at: ColumnType<Date, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OppnaDataTables {
  open_data_publication: OpenDataPublicationTable;
}

/** Öppna data's table and what its reads of styrning, EVB and kvalitet open. */
export interface OppnaDataDB extends PlatformTables, OppnaDataTables, StyrningTables, EvbTables, KvalitetTables {}
