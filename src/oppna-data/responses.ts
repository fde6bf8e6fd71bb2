// Öppna data's response schemas (the wire form). Browser-safe. The public ones hold no publisher and no
// ids of people: a nämnd, a dataset and tables of values.
import { z } from "zod";
import { datasets } from "./vocabulary.ts";

const organisation = z.object({ id: z.uuid(), name: z.string() });
const cell = z.union([z.string(), z.number(), z.null()]);

const summary = z.object({
  id: z.uuid(),
  dataset: z.enum(datasets),
  title: z.string(),
  /** "2023", or a quarter "2024Q2" for the EVB statistics. */
  period: z.string(),
  organisation,
  /** When it was (last) published, ISO 8601. */
  publishedAt: z.iso.datetime(),
});

export const publicationResponse = summary;
export const publicationsResponse = z.object({
  publications: z.array(summary.extend({ publisherName: z.string(), checksum: z.string() })),
});

const links = z.object({
  json: z.string(),
  csv: z.array(z.object({ table: z.string(), title: z.string(), href: z.string() })),
  /** The indicator values in Kolada's format (the goal follow-up only). */
  kolada: z.string().nullable(),
});

// Public: the nämnd that published names its kommun (an installation may publish for several kommuner).
const described = summary.extend({ organisation: organisation.extend({ kommun: z.string() }), links });

export const catalogueResponse = z.object({ kommun: z.string().nullable(), datasets: z.array(described) });

export const datasetResponse = described.extend({
  kommun: z.string().nullable(),
  /** sha256 of the published content. */
  checksum: z.string(),
  /** Counts from 1 up to this (exclusive) are published as null. */
  suppressBelow: z.number().int(),
  tables: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(["text", "number", "period"]) })),
      rows: z.array(z.record(z.string(), cell)),
    }),
  ),
});

/** Kolada API v3's data shape, as styrning writes it. */
export const koladaResponse = z.object({
  count: z.number().int(),
  values: z.array(
    z.object({
      kpi: z.string(),
      municipality: z.string(),
      period: z.number().int(),
      values: z.array(
        z.object({
          gender: z.enum(["T", "K", "M"]),
          count: z.number().int(),
          status: z.string().nullable(),
          value: z.number().nullable(),
        }),
      ),
    }),
  ),
  next_url: z.null(),
});
