// The organisation capability's public surface. Other capabilities look nodes up here (one set of
// lookups instead of a copy each); the composition root takes its routes, demo organisation, account
// tools and first-start setup from here. Nothing else of src/organisation is imported from outside.

// For the composition root.
export { organisationAuditLabels } from "./audit-labels.ts";
export { type DemoKommunVariant, type DemoOrganisation, demoUsernames, seedDemoOrganisation } from "./demo.ts";
export { createNode, createUser, updateUserAccount } from "./directory-service.ts";
export {
  findNamnd,
  findNodeByIdOrName,
  kommunIdOf,
  kommunNamesOf,
  kommunOf,
  nodeOrOnlyKommun,
  nodeOrThrow,
  onlyKommunName,
  worksForNamnd,
} from "./nodes.ts";
// Node lookups for every capability (org_node is a platform table, so any capability's database fits).
export {
  findNode,
  findNodes,
  hasEverHeldData,
  nodesOfKindUnder,
  nodesUnder,
  type OrgNodeRow,
  rootNodes,
} from "./repository.ts";
export { organisationRoutes } from "./routes.ts";
export type { OrgKind } from "./schema.ts";
export { password, userInput } from "./schema.ts";
export { addKommun, type InitInput, initInput, initOrganisation } from "./setup.ts";
