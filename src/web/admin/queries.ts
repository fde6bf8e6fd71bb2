// The admin section's reads: accounts, the audit log and the access log.
import { keepPreviousData } from "@tanstack/react-query";
import * as org from "../../organisation/api.ts";
import * as access from "../../platform/access/api.ts";
import * as audit from "../../platform/audit/api.ts";
import type { QueryOf } from "../../platform/http/endpoint.ts";
import { useApi } from "../api.ts";

export const useAdminUsers = () => useApi(org.adminUsers, {});

/** One page of the audit log; the previous page stays on screen while the next loads. */
export const useAuditLog = (query: QueryOf<typeof audit.auditLog>) =>
  useApi(audit.auditLog, { query }, { placeholderData: keepPreviousData });

/** The logged entities by their Swedish names, for the audit log's filter. */
export const useAuditEntities = () => useApi(audit.auditEntityList, {});

export const useAccessLog = (query: QueryOf<typeof access.accessLog>) =>
  useApi(access.accessLog, { query }, { placeholderData: keepPreviousData });
