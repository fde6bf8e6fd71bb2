// The public area's reads: published, masked agendas and protocols, without login.
import * as publishing from "../../namnd/publishing/api.ts";
import * as oppnaData from "../../oppna-data/api.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";
import { hrefOf, useApi } from "../api.ts";

export type PublicPublication = OutputOf<typeof publishing.publicPublication>["publication"];

export const usePublicNamnder = () => useApi(publishing.publicNamnder, {}, { staleTime: 60_000 });
export const usePublicNamnd = (id: string) => useApi(publishing.publicNamnd, { params: { id } });
export const usePublicPublication = (id: string) => useApi(publishing.publicPublication, { params: { id } });

// Öppna data: the published datasets and their machine-readable forms.
export const useOpenData = () => useApi(oppnaData.publicCatalogue, {}, { staleTime: 60_000 });
export const useOpenDataset = (id: string) => useApi(oppnaData.publicDataset, { params: { id } });
export const openDataLinks = {
  json: (id: string) => hrefOf(oppnaData.publicDataset, { params: { id } }),
  csv: (id: string, table: string) => hrefOf(oppnaData.publicCsv, { params: { id, table } }),
  kolada: (id: string) => hrefOf(oppnaData.publicKolada, { params: { id } }),
};
