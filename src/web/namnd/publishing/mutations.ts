// Publishing a reviewed text; the review (its versions) and the lists are read again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as publishing from "../../../namnd/publishing/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate } from "../../api.ts";

export function usePublish() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<typeof publishing.publish>) => call(publishing.publish, input),
    onSuccess: () => invalidate(queryClient, publishing),
  });
}
