import type { FastifyInstance } from "fastify";
import { buildServer, type ServerOptions } from "../platform/http/server.ts";
import type { MailConfig } from "../platform/reminders/mail-config.ts";
import { appAuditLabels } from "./audit-labels.ts";
import { capabilityRoutes } from "./capabilities.ts";
import { appDeadlines } from "./reminder-sources.ts";
import { startRoutes } from "./start-routes.ts";

/**
 * The platform's server with every capability's routes, the start page and the reminders and calendar
 * feeds, which compose them. `mail` (LOTS_SMTP_URL …) turns the reminder job on.
 */
export function buildApp(
  options: Omit<ServerOptions, "routes" | "auditLabels" | "reminders"> & { mail?: MailConfig | null },
): Promise<FastifyInstance> {
  const { mail = null, ...server } = options;
  return buildServer({
    ...server,
    routes: [...capabilityRoutes, startRoutes],
    auditLabels: appAuditLabels,
    reminders: { deadlines: appDeadlines, mail },
  });
}
