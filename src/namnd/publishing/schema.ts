// Publishing's input schemas (zod). Browser-safe.
import { z } from "zod";
import { labelled } from "../../platform/validation.ts";
import { maskKinds, publicationKinds } from "./vocabulary.ts";

const reason = (what: string) =>
  labelled(z.string().trim().min(1, `Ange varför ${what}.`).max(500, "Högst 500 tecken."), "Skäl");
const position = (label: string) => labelled(z.number().int().min(0).max(1_000_000), label);

export const idParams = z.object({ id: labelled(z.uuid(), "Id") });

export const kind = labelled(z.enum(publicationKinds, "Välj föredragningslista eller protokoll."), "Handling");
export const reviewQuery = z.object({ kind });

export const publishInput = z.object({
  kind,
  /** The checksum of the text the reviewer saw; a text changed since is refused. */
  sourceChecksum: labelled(z.string().regex(/^[0-9a-f]{64}$/, "Granska texten igen."), "Granskad text"),
  added: labelled(
    z
      .array(
        z.object({
          block: position("Stycke"),
          start: position("Början"),
          end: position("Slut"),
          kind: labelled(z.enum(maskKinds, "Välj vad som maskeras."), "Slag"),
          reason: reason("texten maskeras"),
        }),
      )
      .max(500)
      .default([]),
    "Tillagda maskeringar",
  ),
  lifted: labelled(
    z
      .array(
        z.object({
          block: position("Stycke"),
          start: position("Början"),
          end: position("Slut"),
          reason: reason("maskeringen tas bort"),
        }),
      )
      .max(500)
      .default([]),
    "Borttagna maskeringar",
  ),
  omitted: labelled(
    z
      .array(
        z.object({
          itemId: labelled(z.uuid(), "Punkt"),
          lagrum: labelled(z.string().trim().min(1, "Välj lagrum.").max(60), "Lagrum"),
        }),
      )
      .max(200)
      .default([]),
    "Utelämnade punkter",
  ),
  /** A correction: the publication it replaces, and what was corrected. */
  replacesId: labelled(z.uuid().nullish(), "Ersätter"),
  correctionNote: labelled(z.string().trim().max(1000, "Högst 1000 tecken.").nullish(), "Vad som rättats"),
});
export type PublishInput = z.infer<typeof publishInput>;

export const publicationsQuery = z.object({ orgNodeId: labelled(z.uuid(), "Nämnd") });
