// Entra ID leaves the groups out of the ID token when a user is in more than it puts in a token (200): it sends
// the distributed-claim reference `_claim_names: { groups: "src1" }` instead and expects the app to ask Microsoft
// Graph. The reference's own endpoint is the retired Azure AD Graph, so the operator names the call to make
// (LOTS_OIDC_GROUPS_URL, e.g. https://graph.microsoft.com/v1.0/me/getMemberObjects), made with the user's
// access token. Without it such a user is refused with a message saying so, never signed in without groups.
import { z } from "zod";

/** The ID token says the user's groups are elsewhere (and does not list them). */
export function groupsOverage(claims: Record<string, unknown>): boolean {
  const names = claims._claim_names;
  return (
    !("groups" in claims) &&
    typeof names === "object" &&
    names !== null &&
    "groups" in (names as Record<string, unknown>)
  );
}

// Microsoft Graph's answer to getMemberObjects: group ids, in pages when there are many.
const page = z.object({
  value: z.array(z.string()),
  "@odata.nextLink": z.string().url().optional(),
});

const MAX_PAGES = 50;

/** The user's groups from the configured Graph call; throws with the reason when they cannot be had. */
export async function fetchOverageGroups(url: URL, accessToken: string | undefined): Promise<string[]> {
  if (!accessToken) throw new Error("the token response had no access token to ask for the groups with");
  const groups: string[] = [];
  let next: string | undefined = url.href;
  for (let i = 0; next && i < MAX_PAGES; i++) {
    const response: Response = await fetch(next, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ securityEnabledOnly: false }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`${url.host} answered ${response.status}`);
    const parsed = page.safeParse(await response.json());
    if (!parsed.success) throw new Error(`${url.host} answered something other than a list of groups`);
    groups.push(...parsed.data.value);
    next = parsed.data["@odata.nextLink"];
  }
  if (next) throw new Error(`${url.host} had more than ${MAX_PAGES} pages of groups`);
  return groups;
}
