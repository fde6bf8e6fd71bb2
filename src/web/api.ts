// The web UI's only way to the server: the endpoints each capability declares in its api.ts, called as
// JSON over /api with the session cookie and CSRF header. URLs and query keys are derived from the
// endpoint, so no page writes a path or invents a cache key.
import { type QueryClient, skipToken, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { type Endpoint, type InputOf, type OutputOf, urlOf } from "../platform/http/endpoint.ts";

export type ApiProblem = { code: string; message: string; details?: unknown };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
  ) {
    super(problem.message);
  }
}

/** The server refused the user (403): a page says so instead of offering its forms. */
export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

type AnyInput = { params?: unknown; query?: unknown; body?: unknown; file?: Blob };
/** The input argument: required when the endpoint takes any, otherwise optional. */
type Args<E extends Endpoint> = keyof InputOf<E> extends never ? [input?: InputOf<E>] : [input: InputOf<E>];

function requestBody(e: Endpoint, input: AnyInput): { body?: Blob | string; type?: string } {
  if (e.upload) {
    if (!input.file) throw new Error(`${e.method} ${e.url}: ingen fil`);
    const type = e.upload.includes(input.file.type) ? input.file.type : e.upload[0];
    return { body: input.file, type };
  }
  if (e.method === "GET" || e.method === "DELETE") return {};
  return { body: JSON.stringify(input.body ?? {}), type: "application/json" };
}

/** The URL, headers and body of a call. */
function request(e: Endpoint, input: AnyInput) {
  const { body, type } = requestBody(e, input);
  const headers: Record<string, string> = {};
  if (type) headers["content-type"] = type;
  if (e.method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  return { url: urlOf(e, input), headers, body };
}

const failure = (status: number, problem: ApiProblem | undefined) =>
  new ApiError(status, problem ?? { code: "internal", message: `Fel ${status}` });

/** Calls an endpoint; a refusal or error becomes an ApiError carrying the server's Swedish message. */
export async function call<E extends Endpoint>(e: E, ...[input]: Args<E>): Promise<OutputOf<E>> {
  const given = (input ?? {}) as AnyInput;
  const { url, headers, body } = request(e, given);
  const response = await fetch(url, { method: e.method, headers, credentials: "same-origin", body });
  if (!response.ok) {
    throw failure(response.status, await response.json().catch(() => undefined));
  }
  if (response.status === 204) return undefined as OutputOf<E>;
  if (!("kind" in e.response)) return (await response.json()) as OutputOf<E>;
  return (await response.blob()) as OutputOf<E>;
}

/**
 * As `call` for an endpoint that answers JSON, telling `onSent` the share (0–1) of the request body sent so
 * far: a large upload (a 20 MB ledger) takes a while on a slow line, and fetch cannot report it.
 */
export function callWithUploadProgress<E extends Endpoint>(
  e: E,
  input: InputOf<E>,
  onSent: (share: number) => void,
): Promise<OutputOf<E>> {
  const { url, headers, body } = request(e, input as AnyInput);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(e.method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onSent(event.loaded / event.total);
    };
    // A small body may be sent without a progress event.
    xhr.upload.onload = () => onSent(1);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.response as OutputOf<E>)
        : reject(failure(xhr.status, xhr.response ?? undefined));
    xhr.onerror = () => reject(failure(0, { code: "network", message: "Servern gick inte att nå." }));
    xhr.send(body ?? null);
  });
}

/** The cache key of a read: the endpoint's path pattern first, so a capability's reads can be invalidated together. */
export const keyOf = (e: Endpoint, input?: AnyInput) => [e.url, input?.params ?? {}, input?.query ?? {}] as const;

type ReadOptions<E extends Endpoint> = Omit<UseQueryOptions<OutputOf<E>, ApiError>, "queryKey" | "queryFn">;

/**
 * Reads an endpoint through the query cache. `null` as input means "not ready yet" (say, no unit chosen):
 * the query waits instead of calling with half its input.
 */
export function useApi<E extends Endpoint & { method: "GET" }>(
  e: E,
  input: InputOf<E> | null,
  options: ReadOptions<E> = {},
) {
  return useQuery<OutputOf<E>, ApiError>({
    ...options,
    queryKey: keyOf(e, (input ?? undefined) as AnyInput | undefined),
    queryFn: input === null ? skipToken : () => call(e, ...([input] as Args<E>)),
  });
}

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === "object" && value !== null && "url" in value && "method" in value && "response" in value;

/** Marks the reads of the given endpoints (or of whole api modules) stale, so open pages fetch them again. */
export function invalidate(queryClient: QueryClient, ...targets: Array<Endpoint | Record<string, Endpoint>>) {
  const urls = new Set<string>();
  for (const target of targets) {
    const endpoints = isEndpoint(target) ? [target] : Object.values(target).filter(isEndpoint);
    for (const e of endpoints) if (e.method === "GET") urls.add(e.url);
  }
  return queryClient.invalidateQueries({ predicate: (q) => urls.has(String(q.queryKey[0])) });
}

/** A link to a file the endpoint answers (an export), for `<a href download>`. */
export const hrefOf = <E extends Endpoint & { method: "GET" }>(e: E, input: InputOf<E>) => urlOf(e, input as AnyInput);
