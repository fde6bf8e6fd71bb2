// The single sign-on rules' reads and changes: the saved rules, a preview of a draft, and saving it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as oidc from "../../platform/auth/oidc/api.ts";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import { call, invalidate, useApi } from "../api.ts";

export const useSsoRules = () => useApi(oidc.rules, {});

export const usePreviewSsoRules = () =>
  useMutation({ mutationFn: (body: BodyOf<typeof oidc.previewRules>) => call(oidc.previewRules, { body }) });

export function useSaveSsoRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof oidc.saveRules>) => call(oidc.saveRules, { body }),
    onSuccess: () => invalidate(queryClient, oidc.rules),
  });
}
