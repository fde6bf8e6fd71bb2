// Inkommande's changes: a registered dom, beslut or skrivelse alters its lists.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as incoming from "../../../namnd/incoming/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate } from "../../api.ts";

export function useRegisterRuling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof incoming.registerRuling>) => call(incoming.registerRuling, input),
    onSuccess: () => invalidate(queryClient, incoming.rulingsForPeriod, incoming.rulings),
  });
}

export function useRegisterLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof incoming.registerLetter>) => call(incoming.registerLetter, input),
    onSuccess: () => invalidate(queryClient, incoming.lettersForPeriod, incoming.letters),
  });
}
