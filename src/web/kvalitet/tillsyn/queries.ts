// IVO-tillsyn's reads: IVO's kinds of tillsyn (for the forms), the tillsyner under the chosen node and one.
import * as tillsyn from "../../../kvalitet/tillsyn/api.ts";
import type { InspectionStatus } from "../../../kvalitet/tillsyn/vocabulary.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export const useInspectionTypes = () => useApi(tillsyn.inspectionTypes, {}, { staleTime: 5 * 60_000 });

export function useInspections(filters: { year?: number; status?: InspectionStatus }) {
  const { orgNode, can } = useSession();
  return useApi(
    tillsyn.inspections,
    orgNode && can("read:kvalitet") ? { query: { orgNodeId: orgNode.id, ...filters } } : null,
  );
}

export const useInspection = (id: string) => useApi(tillsyn.inspection, { params: { id } });
