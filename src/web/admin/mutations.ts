// The admin section's changes: organisation nodes, accounts and roles. Each refreshes what it changed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as org from "../../organisation/api.ts";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import { call, invalidate } from "../api.ts";

export function useCreateNode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof org.createNode>) => call(org.createNode, { body }),
    onSuccess: () => invalidate(queryClient, org.tree),
  });
}

function useAccountChange<I>(change: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, org.adminUsers, org.usersOfNode) });
}

export const useCreateUser = () =>
  useAccountChange((body: BodyOf<typeof org.createUser>) => call(org.createUser, { body }));

export const useSetUserActive = () =>
  useAccountChange(({ id, active }: { id: string; active: boolean }) =>
    call(org.updateUser, { params: { id }, body: { active } }),
  );

export const useRemoveRole = () => useAccountChange((id: string) => call(org.removeRole, { params: { id } }));
