// The public area's reads: published, masked agendas and protocols, without login.
import * as publishing from "../../namnd/publishing/api.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";
import { useApi } from "../api.ts";

export type PublicPublication = OutputOf<typeof publishing.publicPublication>["publication"];

export const usePublicNamnder = () => useApi(publishing.publicNamnder, {}, { staleTime: 60_000 });
export const usePublicNamnd = (id: string) => useApi(publishing.publicNamnd, { params: { id } });
export const usePublicPublication = (id: string) => useApi(publishing.publicPublication, { params: { id } });
