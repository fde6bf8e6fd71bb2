// Delegation's changes: a registered decision alters the anmälan and the decision list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as delegation from "../../../namnd/delegation/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate } from "../../api.ts";

export function useRegisterDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof delegation.registerDecision>) => call(delegation.registerDecision, input),
    onSuccess: () => invalidate(queryClient, delegation.anmalan, delegation.decisions),
  });
}
