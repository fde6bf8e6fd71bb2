import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import type { orgNode } from "../organisation/responses.ts";
import type { Permission } from "../platform/auth/access.ts";
import { ApiError, api, setCsrfToken } from "./api.ts";

export type { Permission };

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  assignments: { role: string; orgNodeId: string; permissions: Permission[] }[];
};

export type OrgNode = z.output<typeof orgNode>;

type SessionValue = {
  user: SessionUser;
  tree: OrgNode[];
  /** The organisation node the user is looking at; pages filter by it. */
  orgNode: OrgNode | undefined;
  setOrgNodeId: (id: string) => void;
  /** Client-side hint only (hides buttons); the server decides. */
  can: (permission: Permission, nodeId?: string) => boolean;
  /** The nämnd the selected node belongs to (or is). */
  namnd: OrgNode | undefined;
};

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

export const roleLabels: Record<string, string> = {
  admin: "Administratör",
  controller: "Controller",
  kvalitet: "Kvalitetsstrateg",
  namndsekreterare: "Nämndsekreterare",
  enhetschef: "Enhetschef",
  handlaggare: "Handläggare",
  fortroendevald: "Förtroendevald",
};

export const kindLabels: Record<OrgNode["kind"], string> = {
  kommun: "Kommun",
  namnd: "Nämnd",
  forvaltning: "Förvaltning",
  verksamhetsomrade: "Verksamhetsområde",
  enhet: "Enhet",
};

const STORAGE_KEY = "lots.orgNodeId";

export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        const me = await api.get<{ user: SessionUser; csrfToken: string }>("/api/auth/me");
        setCsrfToken(me.csrfToken);
        return me.user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const tree = useQuery({ queryKey: ["org-tree"], queryFn: () => api.get<OrgNode[]>("/api/org/tree") });
  const [orgNodeId, setOrgNodeIdState] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));
  const nodes = tree.data ?? [];
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!nodes.length) return;
    if (!orgNodeId || !nodes.some((n) => n.id === orgNodeId)) {
      // Default to the most specific place the user works: their first assignment's node.
      const first = user.assignments.map((a) => a.orgNodeId).find((id) => nodes.some((n) => n.id === id));
      setOrgNodeIdState(first ?? nodes[0]?.id ?? null);
    }
  }, [nodes, orgNodeId, user.assignments]);

  const value = useMemo<SessionValue>(() => {
    const orgNode = nodes.find((n) => n.id === orgNodeId);
    const pathOf = (id: string | undefined) => nodes.find((n) => n.id === id)?.path;
    const namnd = orgNode ? nodes.find((n) => n.kind === "namnd" && orgNode.path.startsWith(n.path)) : undefined;
    return {
      user,
      tree: nodes,
      orgNode,
      namnd,
      setOrgNodeId: (id: string) => {
        localStorage.setItem(STORAGE_KEY, id);
        setOrgNodeIdState(id);
        queryClient.invalidateQueries({
          predicate: (q) => q.queryKey[0] !== "me" && q.queryKey[0] !== "org-tree",
        });
      },
      can: (permission, nodeId) => {
        const target = pathOf(nodeId ?? orgNode?.id);
        return user.assignments.some((a) => {
          if (!a.permissions.includes(permission)) return false;
          const scope = pathOf(a.orgNodeId);
          return !target || !scope || target.startsWith(scope);
        });
      },
    };
  }, [nodes, orgNodeId, user, queryClient]);

  if (tree.isLoading) return <p className="loading">Laddar organisation…</p>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
