// The double submit against cross-site requests: every request that may change something carries the
// session's CSRF token in this header, next to the session cookie. Shared by the server's check and the
// OpenAPI document, so the two cannot name different headers. Browser-safe.
import type { Method } from "./endpoint.ts";

/** The header holding the `csrfToken` that login (and GET /api/auth/me) answers. */
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request of this method must carry the CSRF header. */
export const needsCsrf = (method: Method | string): boolean => !SAFE_METHODS.has(method);
