// The web UI's only way to the server: JSON over /api with the session cookie and CSRF header.

export type ApiProblem = { code: string; message: string; details?: unknown };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
  ) {
    super(problem.message);
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined && !(body instanceof FormData)) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, data ?? { code: "internal", message: `Fel ${response.status}` });
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>("GET", url),
  post: <T>(url: string, body?: unknown) => request<T>("POST", url, body ?? {}),
  put: <T>(url: string, body?: unknown) => request<T>("PUT", url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>("PATCH", url, body ?? {}),
  delete: <T>(url: string) => request<T>("DELETE", url),
  /** Sends raw file content (CSV, XLSX, SIE) with its own content type. */
  upload: async <T>(url: string, file: Blob, contentType = "application/octet-stream"): Promise<T> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType, ...(csrfToken ? { "x-csrf-token": csrfToken } : {}) },
      credentials: "same-origin",
      body: file,
    });
    const data = await response.json().catch(() => undefined);
    if (!response.ok)
      throw new ApiError(response.status, data ?? { code: "internal", message: `Fel ${response.status}` });
    return data as T;
  },
};

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : "";
}
