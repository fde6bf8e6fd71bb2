// Öppna data's input schemas (zod). Browser-safe.
import { z } from "zod";
import { labelled } from "../platform/validation.ts";
import { datasets } from "./vocabulary.ts";

export const idParams = z.object({ id: labelled(z.uuid(), "Datamängd") });

export const tableParams = z.object({
  id: labelled(z.uuid(), "Datamängd"),
  table: labelled(z.string().regex(/^[a-z]{1,40}$/, "Ange en tabell som datamängden har."), "Tabell"),
});

export const nodeQuery = z.object({ orgNodeId: labelled(z.uuid(), "Nämnd") });

export const publishInput = z.object({
  orgNodeId: labelled(z.uuid(), "Nämnd"),
  dataset: labelled(z.enum(datasets, "Välj en datamängd."), "Datamängd"),
  period: labelled(
    z
      .string()
      .trim()
      .regex(/^\d{4}(Q[1-4])?$/, "Ange ett år (2023) eller ett kvartal (2024Q2)."),
    "Period",
  ),
});
export type PublishInput = z.infer<typeof publishInput>;
