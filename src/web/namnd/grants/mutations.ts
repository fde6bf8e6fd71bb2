// Föreningsbidrag's changes: each alters the year's sums and lists and the application it touched.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as grants from "../../../namnd/grants/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate } from "../../api.ts";

export function useRegisterApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof grants.registerApplication>) => call(grants.registerApplication, input),
    onSuccess: () => invalidate(queryClient, grants),
  });
}

export function useTakeGrantStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof grants.takeStep>) => call(grants.takeStep, input),
    onSuccess: () => invalidate(queryClient, grants),
  });
}

export function useDrawSample() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof grants.drawSample>) => call(grants.drawSample, input),
    onSuccess: () => invalidate(queryClient, grants),
  });
}

export function useCreateGrantYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof grants.createYear>) => call(grants.createYear, input),
    onSuccess: () => invalidate(queryClient, grants),
  });
}

export function useUpdateGrantYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof grants.updateYear>) => call(grants.updateYear, input),
    onSuccess: () => invalidate(queryClient, grants),
  });
}
