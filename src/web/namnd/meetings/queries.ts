// Sammanträden's reads: the bodies that meet, the calendar of the chosen nämnd, one meeting.
import * as meetings from "../../../namnd/meetings/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { hrefOf, useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

export type Meeting = OutputOf<typeof meetings.meeting>;
export type AgendaItem = Meeting["items"][number];

export function useBodies() {
  const { orgNode } = useSession();
  return useApi(meetings.bodies, orgNode ? { query: { orgNodeId: orgNode.id } } : null, { staleTime: 60_000 });
}

export function useMeetings(year: number | undefined) {
  const { orgNode } = useSession();
  return useApi(meetings.meetings, orgNode ? { query: { orgNodeId: orgNode.id, year } } : null);
}

export const useMeeting = (id: string) => useApi(meetings.meeting, { params: { id } });

/** The kallelse (föredragningslista with the standing items' counts) as a download link. */
export const kallelseHref = (meetingId: string, format: "docx" | "pdf") =>
  hrefOf(meetings.kallelse, { params: { id: meetingId }, query: { format } });

/** The protokollsutdrag of one § as a download link. */
export const extractHref = (meetingId: string, itemId: string, format: "docx" | "pdf", recipient?: string) =>
  hrefOf(meetings.extract, { params: { id: meetingId }, query: { itemId, format, recipient } });
