// The start page's wire contract: every capability's live numbers and to-dos for one node, in one request.
// Browser-safe (zod and the platform's endpoint declaration), so the web client derives its call from it.
import { z } from "zod";
import { endpoint } from "../platform/http/endpoint.ts";
import { startItem } from "../platform/start-item.ts";
import { labelled } from "../platform/validation.ts";

/** The capabilities that offer start items, in the order the start page shows them. */
export const startCapabilities = ["evb", "styrning", "ekonomi", "kvalitet", "namnd"] as const;
export type StartCapability = (typeof startCapabilities)[number];

export const startGroup = z.object({
  capability: z.enum(startCapabilities),
  items: z.array(startItem),
});

export const startResponse = z.object({
  organisation: z.object({ id: z.string(), name: z.string() }),
  groups: z.array(startGroup),
});

export const start = endpoint({
  method: "GET",
  url: "/api/start",
  tag: "Startsida",
  summary: "Startsidans siffror och att göra för en organisationsenhet",
  permission: "read",
  query: z.object({ orgNodeId: labelled(z.uuid(), "Organisation") }),
  response: startResponse,
});
