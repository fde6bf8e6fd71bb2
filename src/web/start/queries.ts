// The start page's one read: every capability's items for the node chosen in the session.
import { start } from "../../app/start-api.ts";
import { useApi } from "../api.ts";
import { useSession } from "../session.tsx";

export function useStart() {
  const { orgNode } = useSession();
  return useApi(start, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}
