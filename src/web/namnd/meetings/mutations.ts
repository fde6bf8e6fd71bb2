// Sammanträden's changes. Every change of a meeting answers the meeting as it now stands, which replaces the
// cached one; the calendar (statuses, item counts) is read again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as meetings from "../../../namnd/meetings/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../../api.ts";
import type { Meeting } from "./queries.ts";

function useMeetingChange<I>(change: (input: I) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (m) => {
      queryClient.setQueryData(keyOf(meetings.meeting, { params: { id: m.id } }), m);
      return invalidate(queryClient, meetings.meetings);
    },
  });
}

export const useCreateMeeting = () =>
  useMeetingChange((input: InputOf<typeof meetings.createMeeting>) => call(meetings.createMeeting, input));
export const useAddItem = () =>
  useMeetingChange((input: InputOf<typeof meetings.addItem>) => call(meetings.addItem, input));
export const useAddStandingItems = () =>
  useMeetingChange((input: InputOf<typeof meetings.addStandingItems>) => call(meetings.addStandingItems, input));
export const useMoveItem = () =>
  useMeetingChange((input: InputOf<typeof meetings.moveItem>) => call(meetings.moveItem, input));
export const useRemoveItem = () =>
  useMeetingChange((input: InputOf<typeof meetings.removeItem>) => call(meetings.removeItem, input));
export const useSetRoster = () =>
  useMeetingChange((input: InputOf<typeof meetings.setRoster>) => call(meetings.setRoster, input));
export const useChangeStatus = () =>
  useMeetingChange((input: InputOf<typeof meetings.changeStatus>) => call(meetings.changeStatus, input));
export const useCancelMeeting = () =>
  useMeetingChange((input: InputOf<typeof meetings.cancelMeeting>) => call(meetings.cancelMeeting, input));

/** Deleting a planned meeting: the calendar is read again and the meeting's own cache dropped. */
export function useDeleteMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(meetings.deleteMeeting, { params: { id } }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: keyOf(meetings.meeting, { params: { id } }) });
      return invalidate(queryClient, meetings.meetings);
    },
  });
}
export const useRecordProtocol = () =>
  useMeetingChange((input: InputOf<typeof meetings.recordProtocol>) => call(meetings.recordProtocol, input));
