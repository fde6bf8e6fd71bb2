// Kvalitet's changes. A report or a change of a händelse alters the lists and the statistics alike.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as kvalitet from "../../kvalitet/api.ts";
import type { BodyOf, InputOf } from "../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../api.ts";
import type { KvalitetEvent } from "./types.ts";

export function useReportEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof kvalitet.reportEvent>) => call(kvalitet.reportEvent, { body }),
    onSuccess: () => invalidate(queryClient, kvalitet.events, kvalitet.statistics),
  });
}

/**
 * A change of one händelse answers it as it now stands: that replaces the cached one rather than reading
 * it again (every read of it is logged).
 */
function useEventChange<I>(change: (input: I) => Promise<KvalitetEvent>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (e) => {
      queryClient.setQueryData(keyOf(kvalitet.event, { params: { id: e.id } }), e);
      return invalidate(queryClient, kvalitet.events, kvalitet.statistics);
    },
  });
}

export const useUpdateEvent = () =>
  useEventChange((input: InputOf<typeof kvalitet.updateEvent>) => call(kvalitet.updateEvent, input));

export const useCloseEvent = () =>
  useEventChange((input: InputOf<typeof kvalitet.closeEvent>) => call(kvalitet.closeEvent, input));

type EventFile = { orgNodeId: string; file: File };

/** What an import of the file would do; writes nothing, so nothing cached changes. */
export const usePreviewEventImport = () =>
  useMutation({
    mutationFn: ({ orgNodeId, file }: EventFile) => call(kvalitet.previewEventImport, { query: { orgNodeId }, file }),
  });

export function useImportEvents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orgNodeId, file }: EventFile) => call(kvalitet.importEvents, { query: { orgNodeId }, file }),
    onSuccess: () => invalidate(queryClient, kvalitet.events, kvalitet.statistics),
  });
}
