// EVB's changes. Each refreshes every EVB read that may show what it changed: a decision, the catalogue
// or an import alters the register, the dashboard and the quarter reports alike.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as evb from "../../evb/api.ts";
import type { BodyOf, InputOf } from "../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../api.ts";
import type { Decision } from "./types.ts";

/** A change of the catalogue: its insatser and codes are shown with every decision and in every report. */
function useCatalogueChange<I>(change: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, evb) });
}

export const useCreateInsats = () =>
  useCatalogueChange((body: BodyOf<typeof evb.createInsats>) => call(evb.createInsats, { body }));

export const useUpdateInsats = () =>
  useCatalogueChange((input: InputOf<typeof evb.updateInsats>) => call(evb.updateInsats, input));

export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof evb.createDecision>) => call(evb.createDecision, { body }),
    onSuccess: () => invalidate(queryClient, evb),
  });
}

/** Every EVB read but the decision itself. */
const aroundDecision = Object.values(evb).filter((e) => e !== evb.decision);

/**
 * A change of one decision. Each answers the decision as it now stands: that replaces the cached one
 * rather than reading it again (every read of it is logged as a read of personal data).
 */
function useDecisionChange<I>(change: (input: I) => Promise<Decision>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (d) => {
      queryClient.setQueryData(keyOf(evb.decision, { params: { id: d.id } }), d);
      return invalidate(queryClient, ...aroundDecision);
    },
  });
}

export const useUpdateDecision = () =>
  useDecisionChange((input: InputOf<typeof evb.updateDecision>) => call(evb.updateDecision, input));

export const useExecuteDecision = () =>
  useDecisionChange((input: InputOf<typeof evb.executeDecision>) => call(evb.executeDecision, input));

export const useCloseDecision = () =>
  useDecisionChange((input: InputOf<typeof evb.closeDecision>) => call(evb.closeDecision, input));

export const useAddOffer = () => useDecisionChange((input: InputOf<typeof evb.addOffer>) => call(evb.addOffer, input));

export const useDeleteOffer = () =>
  useDecisionChange((input: InputOf<typeof evb.deleteOffer>) => call(evb.deleteOffer, input));

export const useAddInterruption = () =>
  useDecisionChange((input: InputOf<typeof evb.addInterruption>) => call(evb.addInterruption, input));

export const useUpdateInterruption = () =>
  useDecisionChange((input: InputOf<typeof evb.updateInterruption>) => call(evb.updateInterruption, input));

/** Checks (dry run) or imports a CSV file of decisions for a unit; only a real import changes anything. */
export function useImportDecisions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orgNodeId, dryRun, file }: { orgNodeId: string; dryRun: boolean; file: File }) =>
      call(evb.importDecisions, { query: { orgNodeId, dryRun: String(dryRun) }, file }),
    onSuccess: (result) => (result.dryRun ? undefined : invalidate(queryClient, evb)),
  });
}

/**
 * The error of the change sent last, for a page whose forms share one error message: a later success
 * clears an earlier failure.
 */
export const latestError = (...changes: Array<{ submittedAt: number; error: unknown }>) =>
  changes.reduce((a, b) => (b.submittedAt > a.submittedAt ? b : a)).error;
