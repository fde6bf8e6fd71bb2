// Rapporter's reads: the kommun's templates, the reports under the chosen unit, one report with its
// workflow, preview and findings, the writers the approver can choose, and the public area's published reports.
import * as ekonomi from "../../ekonomi/api.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";
import * as rapporter from "../../rapporter/api.ts";
import * as instances from "../../rapporter/instances-api.ts";
import { useApi } from "../api.ts";
import { useSession } from "../session.tsx";

export type Instance = OutputOf<typeof instances.instance>;
export type InstanceChapter = Instance["chapters"][number];

export function useTemplates() {
  const { orgNode } = useSession();
  return useApi(rapporter.templates, orgNode ? { query: { orgNodeId: orgNode.id } } : null, { staleTime: 60_000 });
}

export function useInstances() {
  const { orgNode } = useSession();
  return useApi(instances.instances, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

/** The nämnder whose figures the reader may read: a report is made for one of them. */
export const useNamnder = () => useApi(ekonomi.namnder, {}, { staleTime: 60_000 });

export const useInstance = (id: string) => useApi(instances.instance, { params: { id } });

export const useWriters = (namndId: string | null) =>
  useApi(instances.writers, namndId ? { query: { orgNodeId: namndId } } : null, { staleTime: 60_000 });

export const usePublicReports = () => useApi(instances.publicReports, {});
export const usePublicReport = (id: string) => useApi(instances.publicReport, { params: { id } });
