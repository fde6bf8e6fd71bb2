import type { OrgKind } from "./schema.ts";

const rank: Record<OrgKind, number> = { kommun: 0, namnd: 1, forvaltning: 2, verksamhetsomrade: 3, enhet: 4 };

/**
 * Levels may be skipped (a small nämnd may have no verksamhetsområden) but never reversed;
 * units may contain sub-units, which is how a configurable depth below the area is expressed.
 */
export function allowedChild(parent: OrgKind, child: OrgKind): boolean {
  if (child === "kommun") return false;
  if (parent === "enhet") return child === "enhet";
  return rank[child] > rank[parent];
}

export const kindLabels: Record<OrgKind, string> = {
  kommun: "Kommun",
  namnd: "Nämnd",
  forvaltning: "Förvaltning",
  verksamhetsomrade: "Verksamhetsområde",
  enhet: "Enhet",
};
