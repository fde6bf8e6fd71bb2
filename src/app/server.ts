import type { FastifyInstance } from "fastify";
import { buildServer, type ServerOptions } from "../platform/http/server.ts";
import { capabilityRoutes } from "./capabilities.ts";

/** The platform's server with every capability's routes. */
export function buildApp(options: Omit<ServerOptions, "routes">): Promise<FastifyInstance> {
  return buildServer({ ...options, routes: capabilityRoutes });
}
