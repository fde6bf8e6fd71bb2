// Delegation's reads: the ordning in force today, and the anmälan of a period (for the chosen nämnd).
import * as delegation from "../../../namnd/delegation/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export type Order = OutputOf<typeof delegation.order>;
export type Period = { from: string; to: string };

export function useOrder() {
  const { orgNode } = useSession();
  return useApi(delegation.order, orgNode ? { query: { orgNodeId: orgNode.id } } : null, { staleTime: 60_000 });
}

export function useAnmalan(period: Period) {
  const { orgNode } = useSession();
  const valid = Boolean(period.from && period.to && period.from <= period.to);
  return useApi(
    delegation.anmalan,
    orgNode && valid ? { query: { orgNodeId: orgNode.id, periodStart: period.from, periodEnd: period.to } } : null,
  );
}
