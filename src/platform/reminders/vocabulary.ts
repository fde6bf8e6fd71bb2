// How a user wants reminders: a vocabulary shared by the server, the web UI and the database's CHECK list.
export const reminderModes = ["off", "immediate", "weekly"] as const;
export type ReminderMode = (typeof reminderModes)[number];

export const reminderModeLabels: Record<ReminderMode, string> = {
  off: "Av",
  immediate: "Direkt (ett mejl när något nytt blir aktuellt)",
  weekly: "Veckosammanfattning (högst ett mejl i veckan)",
};

/** Without a stored choice: the people who own deadline work get reminders at once. */
export const DEFAULT_REMINDER_MODE: ReminderMode = "immediate";

/** A reminder in the send log: waiting (maybe for a retry), sent, given up after the last try, or no longer due. */
export const deliveryStatuses = ["pending", "sent", "failed", "cancelled"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  pending: "Väntar",
  sent: "Skickad",
  failed: "Misslyckad",
  cancelled: "Inaktuell",
};
