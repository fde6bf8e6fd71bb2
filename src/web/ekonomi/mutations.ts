// The ekonomi section's changes. Amounts, levels and decisions feed every report of the section, so each
// change refreshes all of its reads: tables and their checks stay in step.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as ekonomi from "../../ekonomi/api.ts";
import type { BodyOf, InputOf } from "../../platform/http/endpoint.ts";
import { call, callWithUploadProgress, invalidate } from "../api.ts";

function useEkonomiChange<I, R>(change: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, ekonomi) });
}

// ---------- structure ----------

export const useCreateLevel = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.createLevel>) => call(ekonomi.createLevel, input));
export const useCreateDefaultLevels = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.createDefaultLevels>) => call(ekonomi.createDefaultLevels, input));
export const useCopyLevels = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.copyLevels>) => call(ekonomi.copyLevels, input));
export const useDeleteLevel = () => useEkonomiChange((id: string) => call(ekonomi.deleteLevel, { params: { id } }));
export const useAddMapping = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.addMapping>) => call(ekonomi.addMapping, input));
export const useDeleteMapping = () => useEkonomiChange((id: string) => call(ekonomi.deleteMapping, { params: { id } }));
export const useSetFrame = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.setFrame>) => call(ekonomi.setFrame, input));

// ---------- forecasts ----------

export const useCreateForecast = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.createForecast>) => call(ekonomi.createForecast, input));
export const useDeleteForecast = () =>
  useEkonomiChange((id: string) => call(ekonomi.deleteForecast, { params: { id } }));

// ---------- figures (the budget and prognos grid) ----------

export const useSaveFigures = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.saveFigures>) => call(ekonomi.saveFigures, input));
export const useDeleteFigure = () => useEkonomiChange((id: string) => call(ekonomi.deleteFigure, { params: { id } }));
export const useDeleteFigures = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.deleteFigures>) => call(ekonomi.deleteFigures, input));

// ---------- investments, reallocations, result fund ----------

export const useCreateInvestment = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.createInvestment>) => call(ekonomi.createInvestment, input));
export const useDeleteInvestment = () =>
  useEkonomiChange((id: string) => call(ekonomi.deleteInvestment, { params: { id } }));

export const useCreateReallocation = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.createReallocation>) => call(ekonomi.createReallocation, input));
export const useDecideReallocation = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.decideReallocation>) => call(ekonomi.decideReallocation, input));
export const useDeleteReallocation = () =>
  useEkonomiChange((id: string) => call(ekonomi.deleteReallocation, { params: { id } }));

export const useAddFundEntry = () =>
  useEkonomiChange((input: InputOf<typeof ekonomi.addFundEntry>) => call(ekonomi.addFundEntry, input));
export const useDeleteFundEntry = () =>
  useEkonomiChange((id: string) => call(ekonomi.deleteFundEntry, { params: { id } }));

// ---------- import ----------

/** File bytes as base64, in chunks so a large ledger does not overflow the call stack. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type ImportEncoding = NonNullable<BodyOf<typeof ekonomi.previewImport>["encoding"]>;

/**
 * Reads a ledger file and previews it. The file's base64 comes back with the preview, for the import that
 * follows; a preview changes nothing, so nothing is refreshed. `onSent` hears how much of the file has been sent.
 */
export function usePreviewImport(onSent: (share: number) => void) {
  return useMutation({
    mutationFn: async ({ file, encoding }: { file: File; encoding: ImportEncoding }) => {
      const contentBase64 = await toBase64(file);
      const body = { fileName: file.name, contentBase64, encoding };
      return { contentBase64, preview: await callWithUploadProgress(ekonomi.previewImport, { body }, onSent) };
    },
  });
}

/** Imports the previewed file; `onSent` hears how much of it has been sent. */
export const useRunImport = (onSent: (share: number) => void) =>
  useEkonomiChange((input: InputOf<typeof ekonomi.runImport>) =>
    callWithUploadProgress(ekonomi.runImport, input, onSent),
  );
