// Föreningsbidrag's reads for the chosen nämnd.
import * as grants from "../../../namnd/grants/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export type GrantYear = OutputOf<typeof grants.getYear>;
export type GrantApplication = OutputOf<typeof grants.getApplication>;

export function useGrantYears() {
  const { orgNode } = useSession();
  return useApi(grants.years, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

export const useGrantYear = (id: string | undefined) => useApi(grants.getYear, id ? { params: { id } } : null);
export const useGrantApplication = (id: string | undefined) =>
  useApi(grants.getApplication, id ? { params: { id } } : null);
