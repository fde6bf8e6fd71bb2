// The user's own reminder choice and calendar address. Each refreshes the settings it changed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as reminders from "../../platform/reminders/api.ts";
import type { ReminderMode } from "../../platform/reminders/vocabulary.ts";
import { call, invalidate } from "../api.ts";

function useSettingsChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, reminders.mySettings) });
}

export const useSaveReminderMode = () =>
  useSettingsChange((mode: ReminderMode) => call(reminders.saveMySettings, { body: { mode } }));
export const useRenewCalendar = () => useSettingsChange(() => call(reminders.renewCalendar));
export const useRevokeCalendar = () => useSettingsChange(() => call(reminders.revokeCalendar));
