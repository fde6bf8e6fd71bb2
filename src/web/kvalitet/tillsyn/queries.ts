// IVO-tillsyn's reads: the kommun's kinds of tillsyn (for the forms and their page), the tillsyner under the
// chosen node and one.
import * as tillsyn from "../../../kvalitet/tillsyn/api.ts";
import type { InspectionStatus } from "../../../kvalitet/tillsyn/vocabulary.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

/** The kinds of tillsyn of the kommun `orgNodeId` (default: the chosen node) belongs to. */
export function useInspectionTypes(orgNodeId?: string) {
  const { orgNode } = useSession();
  const id = orgNodeId ?? orgNode?.id;
  return useApi(tillsyn.inspectionTypes, id ? { query: { orgNodeId: id } } : null, { staleTime: 5 * 60_000 });
}

export function useInspections(filters: { year?: number; status?: InspectionStatus }) {
  const { orgNode, can } = useSession();
  return useApi(
    tillsyn.inspections,
    orgNode && can("read:kvalitet") ? { query: { orgNodeId: orgNode.id, ...filters } } : null,
  );
}

export const useInspection = (id: string) => useApi(tillsyn.inspection, { params: { id } });
