// Inkommande's reads: the period lists (domar och beslut, skrivelser) and one dom or beslut (chosen nämnd).
import * as incoming from "../../../namnd/incoming/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export type Period = { from: string; to: string };
export type RulingPeriod = OutputOf<typeof incoming.rulingsForPeriod>;
export type Ruling = OutputOf<typeof incoming.getRuling>;

const periodInput = (orgNodeId: string | undefined, period: Period) =>
  orgNodeId && period.from && period.to && period.from <= period.to
    ? { query: { orgNodeId, periodStart: period.from, periodEnd: period.to } }
    : null;

export function useRulingsForPeriod(period: Period) {
  const { orgNode } = useSession();
  return useApi(incoming.rulingsForPeriod, periodInput(orgNode?.id, period));
}

export function useLettersForPeriod(period: Period) {
  const { orgNode } = useSession();
  return useApi(incoming.lettersForPeriod, periodInput(orgNode?.id, period));
}

export const useRuling = (id: string | undefined) => useApi(incoming.getRuling, id ? { params: { id } } : null);
