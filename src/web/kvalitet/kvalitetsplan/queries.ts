// The kvalitetsplan's reads: the chosen unit's plan for a year, the åtgärder under the chosen node, and
// the kommun's risk scales and processes.
import { keepPreviousData } from "@tanstack/react-query";
import * as plan from "../../../kvalitet/kvalitetsplan/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export type Plan = OutputOf<typeof plan.plan>;
export type PlanRisk = Plan["risks"][number];
export type Atgard = Plan["atgarder"][number];
export type Scale = OutputOf<typeof plan.scales>["scales"][number];
export type Process = OutputOf<typeof plan.processes>["processes"][number];
export type AtgardFilter = NonNullable<Parameters<typeof useAtgarder>[0]>;

/** Plans are kept by an enhet, a verksamhetsområde or the förvaltning (as the server's planUnitKinds). */
export const planUnitKinds: readonly string[] = ["enhet", "verksamhetsomrade", "forvaltning"];

export function usePlan(year: number) {
  const { orgNode } = useSession();
  const input = orgNode && planUnitKinds.includes(orgNode.kind) ? { query: { orgNodeId: orgNode.id, year } } : null;
  return useApi(plan.plan, input, { placeholderData: keepPreviousData });
}

export function useAtgarder(status: "oppna" | "forsenade" | Atgard["status"] | undefined, year?: number) {
  const { orgNode } = useSession();
  return useApi(plan.atgarder, orgNode ? { query: { orgNodeId: orgNode.id, status, year } } : null, {
    placeholderData: keepPreviousData,
  });
}

export function useScales() {
  const { orgNode } = useSession();
  return useApi(plan.scales, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

export function useProcesses() {
  const { orgNode } = useSession();
  return useApi(plan.processes, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}
