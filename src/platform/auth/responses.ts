// What the sign-in routes answer, in wire form.
import { z } from "zod";
import { roles } from "./roles.ts";

export const sessionUser = z.object({
  id: z.uuid().nullable(),
  username: z.string(),
  displayName: z.string(),
  assignments: z.array(
    z.object({ role: z.enum(roles), orgNodeId: z.uuid(), permissions: z.array(z.string()).readonly() }),
  ),
});

/** The signed-in user and the token that state-changing requests repeat in a header. */
export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() });
/** The session is where the signed-in actor comes from, but its type does not promise one. */
export const meResponse = sessionResponse.partial({ csrfToken: true });
