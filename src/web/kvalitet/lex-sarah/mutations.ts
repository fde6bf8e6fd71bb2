// Lex Sarah's changes. Each answers the case as it now stands, which replaces the cached one rather than
// reading it again (every read is logged); the register, the memo and the statistics are read anew.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as kvalitet from "../../../kvalitet/api.ts";
import * as lexSarah from "../../../kvalitet/lex-sarah/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../../api.ts";
import type { LexSarahCase } from "./types.ts";

function useCaseChange<I>(change: (input: I) => Promise<LexSarahCase>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (c) => {
      queryClient.setQueryData(keyOf(lexSarah.lexSarahCase, { params: { id: c.id } }), c);
      return invalidate(queryClient, lexSarah.cases, lexSarah.memo, kvalitet.statistics);
    },
  });
}

export const useRegister = () =>
  useCaseChange((input: InputOf<typeof lexSarah.register>) => call(lexSarah.register, input));
export const useUpdateCase = () =>
  useCaseChange((input: InputOf<typeof lexSarah.update>) => call(lexSarah.update, input));
export const useAddEntry = () =>
  useCaseChange((input: InputOf<typeof lexSarah.addEntry>) => call(lexSarah.addEntry, input));
export const useDecide = () => useCaseChange((input: InputOf<typeof lexSarah.decide>) => call(lexSarah.decide, input));
export const useUpdateIvo = () => useCaseChange((input: InputOf<typeof lexSarah.ivo>) => call(lexSarah.ivo, input));
