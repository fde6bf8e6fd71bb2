// Uppdrag och uppföljning's changes: each alters the lists and the record it touched.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as assignments from "../../../namnd/assignments/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate } from "../../api.ts";

export function useRegisterMotion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof assignments.registerMotion>) => call(assignments.registerMotion, input),
    onSuccess: () => invalidate(queryClient, assignments.motions),
  });
}

export function useTakeStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof assignments.takeStep>) => call(assignments.takeStep, input),
    onSuccess: () => invalidate(queryClient, assignments.motions, assignments.getMotion),
  });
}

export function useAnswerReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof assignments.answerReferral>) => call(assignments.answerReferral, input),
    onSuccess: () => invalidate(queryClient, assignments.motions, assignments.getMotion),
  });
}
