// The security headers (CSP, HSTS, nosniff, frame options …) as helmet sets them, worked out once at start.
// @fastify/helmet built helmet anew on every request and parsed the CSP each time: ~15 % of the CPU of a cheap
// signed-in read. Ours are static (no per-request nonces), so one set of headers serves every response.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** The headers helmet's middleware would set on a response with these options. */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  // helmet's middlewares run synchronously, one after the other.
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

/** Sets the headers on every response, the 404s and static files included. */
export function addSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
