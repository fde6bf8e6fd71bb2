// Rapporter's changes: each refreshes the reports' reads (a text or a status changes the preview, the
// findings and the list alike).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import * as instances from "../../rapporter/instances-api.ts";
import { call, invalidate } from "../api.ts";

function useReportChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, instances) });
}

export const useCreateInstance = () =>
  useReportChange((body: BodyOf<typeof instances.createInstance>) => call(instances.createInstance, { body }));

export const useAssignChapter = (id: string) =>
  useReportChange((body: BodyOf<typeof instances.assignChapter>) =>
    call(instances.assignChapter, { params: { id }, body }),
  );

export const useSaveText = (id: string) =>
  useReportChange((body: BodyOf<typeof instances.saveText>) => call(instances.saveText, { params: { id }, body }));

export const useChapterStatus = (id: string) =>
  useReportChange((body: BodyOf<typeof instances.chapterStatus>) =>
    call(instances.chapterStatus, { params: { id }, body }),
  );

export const useAddComment = (id: string) =>
  useReportChange((body: BodyOf<typeof instances.addComment>) => call(instances.addComment, { params: { id }, body }));

export const useMoveStatus = (id: string) =>
  useReportChange((body: BodyOf<typeof instances.moveStatus>) => call(instances.moveStatus, { params: { id }, body }));

export const usePublish = (id: string) => useReportChange(() => call(instances.publish, { params: { id } }));

export const useCopyToNextPeriod = (id: string) =>
  useReportChange(() => call(instances.copyToNextPeriod, { params: { id } }));
