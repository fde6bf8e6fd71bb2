// Internkontroll's reads: the nämnd's year and its follow-up report.
import { keepPreviousData } from "@tanstack/react-query";
import * as ik from "../../../kvalitet/internkontroll/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export type YearView = OutputOf<typeof ik.year>;
export type Report = OutputOf<typeof ik.report>;

/** Internkontroll is the nämnd's: the chosen node's nämnd. */
export function useYear(year: number) {
  const { namnd } = useSession();
  return useApi(ik.year, namnd ? { query: { orgNodeId: namnd.id, year } } : null, {
    placeholderData: keepPreviousData,
  });
}

export function useReport(year: number) {
  const { namnd } = useSession();
  return useApi(ik.report, namnd ? { query: { orgNodeId: namnd.id, year } } : null, {
    placeholderData: keepPreviousData,
  });
}
