/**
 * The wire contract of one HTTP operation: method, path, permission, input schemas and response. Each
 * capability lists its endpoints in `api.ts`; the server binds a handler to each (`route()`), the web
 * client calls them (`src/web/api.ts`), and the OpenAPI document describes them — one declaration, so
 * the three cannot drift apart. Browser-safe: zod and types only.
 */
import type { z } from "zod";
import type { Permission } from "../auth/roles.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What an endpoint demands of the signed-in actor; "authenticated" is any session (own account, logout). */
export type RoutePermission = Permission | "authenticated";

/**
 * Every endpoint says who may call it: public ones (login) skip authentication; all others name the
 * permission the actor must hold somewhere. The service still checks it on the node the request touches.
 */
type Access = { public: true; permission?: never } | { permission: RoutePermission; public?: never };

/** An answer without a body (204). */
export const noContent = { kind: "noContent" } as const;
/** An answer that is a file of one of the given media types (an export), not JSON. */
export const fileResponse = (...mediaTypes: [string, ...string[]]) => ({ kind: "file", mediaTypes }) as const;

/**
 * What an endpoint answers: a JSON body described by a zod schema of the wire form (timestamps as ISO
 * strings, camelCase keys), nothing, or a file. Under test every answer is checked against it.
 */
export type RouteResponse = z.ZodType | typeof noContent | ReturnType<typeof fileResponse>;

export type Endpoint = {
  method: Method;
  /** Fastify form: `/api/evb/decisions/:id`. */
  url: string;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body. */
  body?: z.ZodType;
  /** The body is a raw file of one of these media types (a CSV import), not JSON. */
  upload?: readonly [string, ...string[]];
  response: RouteResponse;
  /** Server settings belong to route()'s options; refused here so they cannot be silently ignored. */
  bodyLimit?: never;
  rateLimit?: never;
} & Access;

/** Declares an endpoint, keeping its literal types for the server handler and the web client. */
export const endpoint = <const E extends Endpoint>(spec: E): E => spec;

export const isSchema = (response: RouteResponse): response is z.ZodType => !("kind" in response);

type Part<E, K extends "params" | "query" | "body"> = E extends { [P in K]: infer S extends z.ZodType }
  ? z.input<S>
  : undefined;
export type ParamsOf<E> = Part<E, "params">;
export type QueryOf<E> = Part<E, "query">;
export type BodyOf<E> = Part<E, "body">;

/** What a caller hands over: only the parts the endpoint has. */
export type InputOf<E extends Endpoint> = (E extends { params: z.ZodType } ? { params: ParamsOf<E> } : unknown) &
  (E extends { query: z.ZodType } ? { query: QueryOf<E> } : unknown) &
  (E extends { body: z.ZodType } ? { body: BodyOf<E> } : unknown) &
  (E extends { upload: readonly string[] } ? { file: Blob } : unknown);

/** What a caller gets back: the parsed JSON's type, nothing, or a file. */
export type OutputOf<E extends Endpoint> = E["response"] extends z.ZodType
  ? z.output<E["response"]>
  : E["response"] extends typeof noContent
    ? undefined
    : Blob;

type Scalar = string | number | boolean | null | undefined;

/** The endpoint's path with its `:name` parameters filled in and the defined query values appended. */
export function urlOf(e: Endpoint, input: { params?: unknown; query?: unknown } = {}): string {
  const params = (input.params ?? {}) as Record<string, Scalar>;
  const path = e.url.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === "") throw new Error(`${e.url}: ${name} saknas`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((input.query ?? {}) as Record<string, Scalar | Scalar[]>))
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== undefined && v !== null && v !== "") search.append(key, String(v));
  return search.size ? `${path}?${search}` : path;
}
