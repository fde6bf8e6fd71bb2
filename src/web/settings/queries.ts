// The user's own settings page and the admin's send log: reads.
import * as reminders from "../../platform/reminders/api.ts";
import { useApi } from "../api.ts";

export const useMySettings = () => useApi(reminders.mySettings, {});
export const useDeliveryLog = () => useApi(reminders.deliveryLog, {});
