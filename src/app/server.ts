import type { FastifyInstance } from "fastify";
import { buildServer, type ServerOptions } from "../platform/http/server.ts";
import { appAuditLabels } from "./audit-labels.ts";
import { capabilityRoutes } from "./capabilities.ts";
import { startRoutes } from "./start-routes.ts";

/** The platform's server with every capability's routes and the start page, which composes them. */
export function buildApp(options: Omit<ServerOptions, "routes" | "auditLabels">): Promise<FastifyInstance> {
  return buildServer({ ...options, routes: [...capabilityRoutes, startRoutes], auditLabels: appAuditLabels });
}
