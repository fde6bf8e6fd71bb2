import { type Actor, can } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { read } from "../../platform/service.ts";
import { diarienummerOf, namndOf } from "../case-read-service.ts";
import { currentProposal } from "../memos/memo-read-service.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { beslutsgang, type MotionEntry, memberLabel, standingProposal } from "./rules.ts";
import { changedSince, quarterLabel, standingContent } from "./standing-service.ts";

type Db = DbOf<NamndDB>;

/** Finds a meeting or says it does not exist. */
export async function meetingOrThrow(db: Db, id: string): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(db, id);
  if (!row) throw notFound("Sammanträdet");
  return row;
}

export const summaryOf = (m: repo.MeetingRow) => ({
  id: m.id,
  body: { id: m.body_id, kind: m.body_kind, name: m.body_name },
  meetingDate: m.meeting_date,
  startTime: m.start_time,
  place: m.place,
  status: m.status,
  periodStart: m.period_start,
  periodEnd: m.period_end,
  calledOn: m.called_on,
  adjustedOn: m.adjusted_on,
  cancelledOn: m.cancelled_on,
  cancelReason: m.cancel_reason,
});

/** "nämnden" or "utskottet": how the beslutsgång names the body deciding. */
export const deciding = (m: Pick<repo.MeetingRow, "body_kind">) => (m.body_kind === "namnd" ? "nämnden" : "utskottet");

/**
 * The förslag till beslut the agenda shows for an item: a standing item's by its kind, an ärende's from its
 * current tjänsteskrivelse.
 */
export async function proposalOf(db: Db, m: repo.MeetingRow, item: repo.ItemRow): Promise<string | null> {
  if (item.standing_kind) {
    return standingProposal(
      item.standing_kind,
      m.body_name,
      { start: m.period_start, end: m.period_end },
      quarterLabel(m.meeting_date),
    );
  }
  if (item.kind === "information") return `${m.body_name} noterar informationen till protokollet.`;
  if (!item.case_id) return null;
  return currentProposal(db, item.case_id, (await namndOf(db, m.org_node_id)).name);
}

export async function listBodies(db: Db, actor: Actor, orgNodeId: string) {
  const namnd = await namndOf(db, orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db, node }) => ({
    namnd: { id: namnd.id, name: namnd.name },
    bodies: (await repo.bodiesOf(db, namnd.id)).map((b) => ({
      id: b.id,
      kind: b.kind,
      name: b.name,
      active: b.active,
    })),
    canWrite: can(actor, "write:namnd", node.path),
  }));
}

/** The nämnd's meeting calendar: every body's meetings (of a year, of one body) in date order. */
export async function listMeetings(db: Db, actor: Actor, q: { orgNodeId: string; year?: number; bodyId?: string }) {
  const namnd = await namndOf(db, q.orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) =>
    (await repo.meetingsOf(db, namnd.id, q)).map((m) => ({ ...summaryOf(m), itemCount: Number(m.item_count) })),
  );
}

/**
 * The nämnd's own meetings (not its utskott's) for other capabilities: each day and whether it is held
 * (genomfört or justerat), in date order; inställda left out, as they reported nothing. Needs read on the nämnd.
 */
export async function meetingDates(db: Db, actor: Actor, namndId: string) {
  return read(db, actor, "read", namndId, async ({ db }) =>
    (await repo.meetingsOf(db, namndId, {}))
      .filter((m) => m.body_kind === "namnd" && m.status !== "installt")
      .map((m) => ({ date: m.meeting_date, held: m.status === "genomfort" || m.status === "justerat" })),
  );
}
export type MeetingDate = Awaited<ReturnType<typeof meetingDates>>[number];

/** Everything a meeting's page shows, the standing items computed from the registers for this reader. */
export async function describeMeeting(db: Db, actor: Actor, m: repo.MeetingRow) {
  const namnd = await namndOf(db, m.org_node_id);
  const [attendees, items] = [await repo.attendeesOf(db, m.id), await repo.itemsOf(db, m.id)];
  const ids = items.map((i) => i.id);
  const [motions, notes] = [await repo.motionsOf(db, ids), await repo.memberNotesOf(db, ids)];
  const byId = new Map(attendees.map((a) => [a.id, a]));
  const label = (id: string) => {
    const a = byId.get(id);
    return a ? memberLabel(a) : "";
  };
  const held = m.status === "genomfort" || m.status === "justerat";
  const period = { start: m.period_start, end: m.period_end };
  const described = [];
  for (const item of items) {
    const itemMotions = motions.filter((x) => x.item_id === item.id);
    let standing = null;
    if (item.standing_kind) {
      const live = await standingContent(db, actor, item.standing_kind, namnd.id, period, m.meeting_date);
      standing = { live, presented: item.snapshot, changedSinceCall: changedSince(item.snapshot, live) };
    }
    const entries: MotionEntry[] = itemMotions.map((x) => ({
      attendeeKey: x.attendee_id,
      name: byId.get(x.attendee_id)?.name ?? "",
      party: byId.get(x.attendee_id)?.party ?? null,
      kind: x.kind,
      text: x.text,
      adopted: x.adopted,
    }));
    described.push({
      id: item.id,
      position: item.position,
      kind: item.kind,
      title: item.title,
      paragraph: item.paragraph,
      case: item.case_id
        ? {
            id: item.case_id,
            diarienummer: diarienummerOf({
              prefix: item.case_prefix as string,
              year: item.case_year as number,
              number: item.case_number as number,
            }),
            title: item.case_title ?? "",
          }
        : null,
      standingKind: item.standing_kind,
      standing,
      proposal: await proposalOf(db, m, item),
      decision: item.decision,
      recipients: item.recipients,
      motions: itemMotions.map((x) => ({
        attendeeId: x.attendee_id,
        member: label(x.attendee_id),
        kind: x.kind,
        text: x.text,
        adopted: x.adopted,
      })),
      notes: notes
        .filter((n) => n.item_id === item.id)
        .map((n) => ({ attendeeId: n.attendee_id, member: label(n.attendee_id), kind: n.kind })),
      beslutsgang: held ? beslutsgang(entries, deciding(m)) : null,
    });
  }
  return {
    ...summaryOf(m),
    namnd: { id: namnd.id, name: namnd.name },
    attendees: attendees.map((a) => ({
      id: a.id,
      name: a.name,
      party: a.party,
      role: a.role,
      present: a.present,
      servingFor: a.serving_for,
      adjuster: a.adjuster,
    })),
    items: described,
  };
}

export async function getMeeting(db: Db, actor: Actor, id: string) {
  const m = await meetingOrThrow(db, id);
  return read(db, actor, "read", m.org_node_id, async ({ db, node }) => ({
    ...(await describeMeeting(db, actor, m)),
    canWrite: can(actor, "write:namnd", node.path),
  }));
}

/**
 * A meeting named the way people name it: the nämnd, the day and (when the nämnd has several bodies meeting
 * that day) the body by name; the nämnd's own body by default. For the command line.
 */
export async function meetingOn(db: Db, actor: Actor, q: { orgNodeId: string; date: string; body?: string }) {
  const namnd = await namndOf(db, q.orgNodeId);
  const bodies = await repo.bodiesOf(db, namnd.id);
  const wanted = q.body?.trim().toLocaleLowerCase("sv");
  const body = wanted
    ? bodies.find((b) => b.name.toLocaleLowerCase("sv") === wanted || b.kind === wanted)
    : bodies.find((b) => b.kind === "namnd");
  if (!body) {
    throw new DomainError(
      "validation",
      `${namnd.name} har inget organ ${q.body ?? "av slaget nämnd"}; organen är ${bodies.map((b) => b.name).join(", ") || "inga än"}.`,
    );
  }
  const m = await repo.findMeetingOn(db, body.id, q.date);
  if (!m) throw new DomainError("not_found", `${body.name} har inget sammanträde ${q.date}.`);
  return getMeeting(db, actor, m.id);
}
