// The kallelse of a kallat (or later) sammanträde as a Word or PDF file, the standing items as the kallelse
// presented them (their snapshot).
import { kommunOf } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DOCX_TYPE, PDF_TYPE, type RenderedFile } from "../../platform/documents/http.ts";
import { DomainError } from "../../platform/errors.ts";
import { read } from "../../platform/service.ts";
import { renderDocx } from "../documents/docx.ts";
import { renderPdf } from "../documents/pdf.ts";
import type { NamndDB } from "../tables.ts";
import { kallelseDocument } from "./kallelse.ts";
import { describeMeeting, meetingOrThrow } from "./meeting-read-service.ts";

type Db = DbOf<NamndDB>;

export async function kallelseFile(db: Db, actor: Actor, id: string, format: "docx" | "pdf"): Promise<RenderedFile> {
  const m = await meetingOrThrow(db, id);
  const doc = await read(db, actor, "read", m.org_node_id, async ({ db, node }) => {
    if (m.status === "planerat") {
      throw new DomainError("conflict", "Kallelsen finns när sammanträdet är kallat; skicka kallelsen först.");
    }
    const meeting = await describeMeeting(db, actor, m);
    const kommun = await kommunOf(db, node.path);
    return kallelseDocument(
      {
        bodyName: meeting.body.name,
        meetingDate: meeting.meetingDate,
        startTime: meeting.startTime,
        place: meeting.place,
        calledOn: meeting.calledOn,
        periodStart: meeting.periodStart,
        periodEnd: meeting.periodEnd,
        items: meeting.items.map((i) => ({
          kind: i.kind,
          title: i.title,
          case: i.case,
          standing: i.standing ? (i.standing.presented ?? i.standing.live) : null,
        })),
      },
      kommun.name,
    );
  });
  return {
    fileName: `Kallelse ${m.body_name} ${m.meeting_date}.${format}`,
    contentType: format === "docx" ? DOCX_TYPE : PDF_TYPE,
    render: () => (format === "docx" ? renderDocx(doc) : renderPdf(doc)),
  };
}
