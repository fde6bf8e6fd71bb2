import { useQuery } from "@tanstack/react-query";
import { api, query } from "../api.ts";
import { useSession } from "../session.tsx";
import type { Catalogue } from "./types.ts";

/** The kommun's insatser and reason codes, for filters and forms. */
export function useCatalogue() {
  const { orgNode } = useSession();
  return useQuery({
    queryKey: ["evb-catalogue", orgNode?.id],
    queryFn: () => api.get<Catalogue>(`/api/evb/catalogue${query({ orgNodeId: orgNode?.id })}`),
    enabled: Boolean(orgNode),
    staleTime: 5 * 60_000,
  });
}

/** Units a user may register decisions on: enheter and verksamhetsområden where they hold write:evb. */
export function useWritableUnits() {
  const { tree, can } = useSession();
  return tree.filter((n) => (n.kind === "enhet" || n.kind === "verksamhetsomrade") && can("write:evb", n.id));
}
