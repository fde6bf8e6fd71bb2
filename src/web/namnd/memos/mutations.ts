// The tjänsteskrivelser's changes. Each answers the memo as it now stands, which replaces the cached one; the
// case's list of memos is read again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as memos from "../../../namnd/memos/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../../api.ts";
import type { Memo } from "./queries.ts";

function useMemoChange<I>(change: (input: I) => Promise<Memo>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (memo) => {
      queryClient.setQueryData(keyOf(memos.memo, { params: { id: memo.id } }), memo);
      return invalidate(queryClient, memos.caseMemos, memos.memo);
    },
  });
}

export const useCreateMemo = () =>
  useMemoChange((input: InputOf<typeof memos.createMemo>) => call(memos.createMemo, input));
export const useUpdateMemo = () =>
  useMemoChange((input: InputOf<typeof memos.updateMemo>) => call(memos.updateMemo, input));
export const useCompleteMemo = () =>
  useMemoChange((input: InputOf<typeof memos.completeMemo>) => call(memos.completeMemo, input));
export const useNewMemoVersion = () =>
  useMemoChange((input: InputOf<typeof memos.newMemoVersion>) => call(memos.newMemoVersion, input));
