// IVO-tillsyn's changes: each answers the tillsyn as it now stands, which replaces the cached one.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as tillsyn from "../../../kvalitet/tillsyn/api.ts";
import type { BodyOf, InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../../api.ts";

export function useCreateInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof tillsyn.createInspection>) => call(tillsyn.createInspection, { body }),
    onSuccess: () => invalidate(queryClient, tillsyn.inspections),
  });
}

export function useUpdateInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof tillsyn.updateInspection>) => call(tillsyn.updateInspection, input),
    onSuccess: (i) => {
      queryClient.setQueryData(keyOf(tillsyn.inspection, { params: { id: i.id } }), i);
      return invalidate(queryClient, tillsyn.inspections);
    },
  });
}
