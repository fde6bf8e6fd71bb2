// The audit log's whole vocabulary: the platform's words and every capability's, merged here because only
// the composition root knows them all. Two owners of one entity would make its name depend on import order.
import { ekonomiAuditLabels } from "../ekonomi/index.ts";
import { evbAuditLabels } from "../evb/index.ts";
import { kvalitetAuditLabels } from "../kvalitet/index.ts";
import { namndAuditLabels } from "../namnd/index.ts";
import { oppnaDataAuditLabels } from "../oppna-data/index.ts";
import { organisationAuditLabels } from "../organisation/index.ts";
import { platformAuditLabels } from "../platform/audit/audit-labels.ts";
import type { AuditLabels } from "../platform/audit/labels.ts";
import { rapporterAuditLabels } from "../rapporter/index.ts";
import { styrningAuditLabels } from "../styrning/index.ts";

export function mergeAuditLabels(...parts: AuditLabels[]): AuditLabels {
  const merged: Record<string, AuditLabels[string]> = {};
  for (const part of parts) {
    for (const [entity, labels] of Object.entries(part)) {
      if (merged[entity]) throw new Error(`Granskningsloggens ord för "${entity}" finns på två ställen.`);
      merged[entity] = labels;
    }
  }
  return merged;
}

export const appAuditLabels: AuditLabels = mergeAuditLabels(
  platformAuditLabels,
  organisationAuditLabels,
  styrningAuditLabels,
  ekonomiAuditLabels,
  evbAuditLabels,
  kvalitetAuditLabels,
  namndAuditLabels,
  rapporterAuditLabels,
  oppnaDataAuditLabels,
);
