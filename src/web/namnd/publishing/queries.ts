// Publishing's reads for the nämnd: the review of a meeting's text, the published versions.
import * as publishing from "../../../namnd/publishing/api.ts";
import type { PublicationKind } from "../../../namnd/publishing/vocabulary.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";

export type Review = OutputOf<typeof publishing.review>;

export const useReview = (meetingId: string, kind: PublicationKind) =>
  useApi(publishing.review, { params: { id: meetingId }, query: { kind } });
