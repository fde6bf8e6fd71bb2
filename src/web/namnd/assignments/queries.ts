// Uppdrag och uppföljning's reads for the chosen nämnd.
import * as assignments from "../../../namnd/assignments/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export type Motion = OutputOf<typeof assignments.getMotion>;

export function useMotions() {
  const { orgNode } = useSession();
  return useApi(assignments.motions, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

export function useAssignments() {
  const { orgNode } = useSession();
  return useApi(assignments.assignments, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

export function useAudits() {
  const { orgNode } = useSession();
  return useApi(assignments.audits, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

export const useMotion = (id: string | undefined) => useApi(assignments.getMotion, id ? { params: { id } } : null);
export const useAudit = (id: string | undefined) => useApi(assignments.getAudit, id ? { params: { id } } : null);
export const useAuditReply = (id: string | undefined) => useApi(assignments.auditReply, id ? { params: { id } } : null);
