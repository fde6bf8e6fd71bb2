import type { OrgKind } from "./schema.ts";

const rank: Record<Exclude<OrgKind, "utskott">, number> = {
  kommun: 0,
  namnd: 1,
  forvaltning: 2,
  verksamhetsomrade: 3,
  enhet: 4,
};

/**
 * Levels may be skipped (a small nämnd may have no verksamhetsområden) but never reversed;
 * units may contain sub-units, which is how a configurable depth below the area is expressed.
 * An utskott is a part of its nämnd's political organisation: directly under the nämnd, with nothing below.
 * A new kommun is a root of its own, never a child (see docs/organisation.md).
 */
export function allowedChild(parent: OrgKind, child: OrgKind): boolean {
  if (child === "kommun" || parent === "utskott") return false;
  if (child === "utskott") return parent === "namnd";
  if (parent === "enhet") return child === "enhet";
  return rank[child] > rank[parent];
}

export const kindLabels: Record<OrgKind, string> = {
  kommun: "Kommun",
  namnd: "Nämnd",
  utskott: "Utskott",
  forvaltning: "Förvaltning",
  verksamhetsomrade: "Verksamhetsområde",
  enhet: "Enhet",
};
