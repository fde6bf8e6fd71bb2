// Nämnd's changes. A change of a case answers the case as it now stands, which replaces the cached one;
// the diarium's lists (numbers, standing series) are read again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as namnd from "../../namnd/api.ts";
import type { InputOf } from "../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../api.ts";
import type { Case } from "./queries.ts";

function useCaseChange<I>(change: (input: I) => Promise<Case>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (c) => {
      queryClient.setQueryData(keyOf(namnd.getCase, { params: { id: c.id } }), c);
      return invalidate(queryClient, namnd.cases, namnd.lists);
    },
  });
}

export const useRegisterCase = () =>
  useCaseChange((input: InputOf<typeof namnd.registerCase>) => call(namnd.registerCase, input));
export const useUpdateCase = () =>
  useCaseChange((input: InputOf<typeof namnd.updateCase>) => call(namnd.updateCase, input));
export const useLinkCase = () => useCaseChange((input: InputOf<typeof namnd.linkCase>) => call(namnd.linkCase, input));
export const useUnlinkCase = () =>
  useCaseChange((input: InputOf<typeof namnd.unlinkCase>) => call(namnd.unlinkCase, input));
export const useAddReference = () =>
  useCaseChange((input: InputOf<typeof namnd.addReference>) => call(namnd.addReference, input));
export const useRemoveReference = () =>
  useCaseChange((input: InputOf<typeof namnd.removeReference>) => call(namnd.removeReference, input));

/** A document added or changed alters its case (and the list's document count). */
function useDocumentChange<I>(change: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => invalidate(queryClient, namnd.getCase, namnd.cases),
  });
}

export const useUploadDocument = () =>
  useDocumentChange((input: InputOf<typeof namnd.uploadDocument>) => call(namnd.uploadDocument, input));
export const useUpdateDocument = () =>
  useDocumentChange((input: InputOf<typeof namnd.updateDocument>) => call(namnd.updateDocument, input));

export function useCreateStanding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof namnd.createStanding>) => call(namnd.createStanding, input),
    onSuccess: () => invalidate(queryClient, namnd.cases, namnd.lists),
  });
}
