// Wire schemas of the server's own routes (health and the API description).
import { z } from "zod";

export const healthResponse = z.strictObject({
  status: z.literal("ok"),
  engine: z.enum(["pglite", "postgresql"]),
  /** PostgreSQL's version() text, e.g. "PostgreSQL 17.4 on …". */
  postgres: z.string().nullable(),
});

/** The OpenAPI 3.1 document; its own structure is OpenAPI's, not described again here. */
export const openApiResponse = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });
