import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import * as org from "../organisation/api.ts";
import type { orgNode } from "../organisation/responses.ts";
import * as auth from "../platform/auth/api.ts";
import type { Permission } from "../platform/auth/roles.ts";
import type { OutputOf } from "../platform/http/endpoint.ts";
import { ApiError, call, keyOf, setCsrfToken, useApi } from "./api.ts";

export type { Permission };

export type SessionUser = OutputOf<typeof auth.me>["user"];

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
  medarbetare: "Medarbetare",
};

export const kindLabels: Record<OrgNode["kind"], string> = {
  kommun: "Kommun",
  namnd: "Nämnd",
  utskott: "Utskott",
  forvaltning: "Förvaltning",
  verksamhetsomrade: "Verksamhetsområde",
  enhet: "Enhet",
};

const STORAGE_KEY = "lots.orgNodeId";

export function useMe() {
  return useQuery({
    queryKey: keyOf(auth.me),
    queryFn: async () => {
      try {
        const me = await call(auth.me);
        setCsrfToken(me.csrfToken ?? undefined);
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
  const tree = useApi(org.tree, {});
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
          predicate: (q) => q.queryKey[0] !== auth.me.url && q.queryKey[0] !== org.tree.url,
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
