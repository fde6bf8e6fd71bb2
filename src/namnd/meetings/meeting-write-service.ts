import { randomUUID } from "node:crypto";
import type { Actor } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { type BoundAudit, write, writeRecord } from "../../platform/service.ts";
import { type FieldProblem, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { parseDiarienummer } from "../diarienummer.ts";
import * as caseRepo from "../repository.ts";
import type { NamndDB } from "../tables.ts";
import { getMeeting, meetingOrThrow, proposalOf } from "./meeting-read-service.ts";
import * as repo from "./repository.ts";
import {
  agendaOpen,
  cancelProblem,
  defaultPeriod,
  deleteProblem,
  type MotionEntry,
  paragraphRange,
  paragraphYear,
  protocolOpen,
  protocolProblems,
  type RosterEntry,
  rosterProblems,
  standingItems,
  transitionProblems,
} from "./rules.ts";
import type {
  BodyInput,
  ItemInput,
  MeetingInput,
  MeetingPatch,
  ProtocolInput,
  RosterInput,
  StatusInput,
} from "./schema.ts";
import { standingContent } from "./standing-service.ts";
import { type MeetingStatus, standingKinds } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

const refuse = (what: string, problems: FieldProblem[]) => {
  if (problems.length > 0) throw validationError(what, problems);
};

/** A justerat protokoll and an inställt meeting are locked; other steps say what the change waits for. */
function requireStatus(m: repo.MeetingRow, allowed: (s: MeetingStatus) => boolean, what: string) {
  if (m.status === "justerat") {
    throw new DomainError("conflict", `Protokollet justerades ${m.adjusted_on} och kan inte ändras.`);
  }
  if (m.status === "installt") {
    throw new DomainError("conflict", `Sammanträdet ställdes in ${m.cancelled_on} och kan inte ändras.`);
  }
  if (!allowed(m.status)) throw new DomainError("conflict", what);
}

/** A write on a meeting, on its nämnd, seeing the meeting as no concurrent writer can change it any more. */
const onMeeting = <T>(
  db: Db,
  actor: Actor,
  id: string,
  work: (c: { trx: Db; meeting: repo.MeetingRow; audit: BoundAudit }) => Promise<T>,
) =>
  writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => meetingOrThrow(db, id),
    ({ trx, record, audit }) => work({ trx, meeting: record, audit }),
  );

// ---------------------------------------------------------------- bodies

export async function createBody(db: Db, actor: Actor, input: BodyInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, audit }) => {
    const existing = await repo.bodiesOf(trx, namnd.id);
    if (existing.some((b) => b.name.toLocaleLowerCase("sv") === input.name.toLocaleLowerCase("sv"))) {
      throw validationError("Organet kan inte läggas till", [{ field: "name", message: `${input.name} finns redan.` }]);
    }
    const body = await repo.insertBody(trx, { org_node_id: namnd.id, kind: input.kind, name: input.name });
    await audit("namnd_body", body.id, "create", { after: body });
    return { id: body.id, kind: body.kind, name: body.name, active: body.active };
  });
}

/**
 * Where a body's § series stands for a year before Lots issues its numbers (the year's earlier meetings were
 * kept elsewhere). It only moves forward: numbers already issued are never issued again.
 */
export async function setParagraphSeries(
  db: Db,
  actor: Actor,
  bodyId: string,
  input: { year: number; lastNumber: number },
) {
  const body = await repo.findBody(db, bodyId);
  if (!body) throw notFound("Organet");
  return write(db, actor, "write:namnd", body.org_node_id, async ({ trx, audit }) => {
    const last = await repo.raiseParagraphSeries(trx, body.id, input.year, input.lastNumber);
    if (last > input.lastNumber) {
      throw new DomainError(
        "conflict",
        `${body.name} har redan § ${last} för ${input.year}; serien kan inte flyttas bakåt.`,
      );
    }
    await audit("namnd_paragraph_series", body.id, "update", { after: input });
    return { year: input.year, lastNumber: last };
  });
}

// ---------------------------------------------------------------- meetings

export async function createMeeting(db: Db, actor: Actor, input: MeetingInput) {
  const body = await repo.findBody(db, input.bodyId);
  if (!body)
    throw validationError("Sammanträdet kan inte läggas till", [{ field: "bodyId", message: "Organet finns inte." }]);
  const id = await write(db, actor, "write:namnd", body.org_node_id, async ({ trx, audit }) => {
    if (await repo.meetingHoldingDay(trx, body.id, input.meetingDate)) {
      throw validationError("Sammanträdet kan inte läggas till", [
        { field: "meetingDate", message: `${body.name} har redan ett sammanträde ${input.meetingDate}.` },
      ]);
    }
    const previous = await repo.previousMeeting(trx, body.id, input.meetingDate);
    const period = defaultPeriod(input.meetingDate, previous?.period_end ?? null);
    const start = input.periodStart ?? period.start;
    const end = input.periodEnd ?? period.end;
    refuse(
      "Sammanträdet kan inte läggas till",
      start > end ? [{ field: "periodEnd", message: "Periodens slut kan inte ligga före dess början." }] : [],
    );
    const values = {
      org_node_id: body.org_node_id,
      body_id: body.id,
      meeting_date: input.meetingDate,
      start_time: input.startTime ?? null,
      place: input.place ?? null,
      period_start: start,
      period_end: end,
    };
    const id = await repo.insertMeeting(trx, values);
    await audit("namnd_meeting", id, "create", { after: values });
    return id;
  });
  return getMeeting(db, actor, id);
}

export async function updateMeeting(db: Db, actor: Actor, id: string, patch: MeetingPatch) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    requireStatus(meeting, agendaOpen, "Sammanträdet är genomfört; datum, tid, plats och period ändras inte längre.");
    const date = patch.meetingDate ?? meeting.meeting_date;
    const problems: FieldProblem[] = [];
    if ((patch.periodStart ?? meeting.period_start) > (patch.periodEnd ?? meeting.period_end)) {
      problems.push({ field: "periodEnd", message: "Periodens slut kan inte ligga före dess början." });
    }
    const clash = date !== meeting.meeting_date ? await repo.meetingHoldingDay(trx, meeting.body_id, date) : undefined;
    if (clash)
      problems.push({ field: "meetingDate", message: `${meeting.body_name} har redan ett sammanträde ${date}.` });
    refuse("Sammanträdet kan inte ändras", problems);
    const values = {
      meeting_date: patch.meetingDate,
      start_time: patch.startTime,
      place: patch.place,
      period_start: patch.periodStart,
      period_end: patch.periodEnd,
    };
    await repo.updateMeeting(trx, meeting.id, values);
    await audit("namnd_meeting", meeting.id, "update", { before: meeting, after: values });
  });
  return getMeeting(db, actor, id);
}

/** Deletes a planned meeting (no kallelse sent, no § issued) with its roster and agenda. */
export async function deleteMeeting(db: Db, actor: Actor, id: string) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    const problem = deleteProblem(meeting.status);
    if (problem) throw new DomainError("conflict", problem);
    const [items, attendees] = [await repo.itemsOf(trx, meeting.id), await repo.attendeesOf(trx, meeting.id)];
    await repo.deleteMeeting(trx, meeting.id);
    await audit("namnd_meeting", meeting.id, "delete", { before: { ...meeting, items, attendees } });
  });
  return { deleted: true as const };
}

/**
 * Ställer in a kallat meeting: the status and the reason are kept (the kallelse went out), the agenda is
 * released so its ärenden can go on another meeting's list, and no § is ever issued for it.
 */
export async function cancelMeeting(db: Db, actor: Actor, id: string, input: { reason: string }) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    const problem = cancelProblem(meeting.status);
    if (problem) throw new DomainError("conflict", problem);
    const items = await repo.itemsOf(trx, meeting.id);
    const values = { status: "installt" as const, cancelled_on: todayInSweden(), cancel_reason: input.reason };
    await repo.deleteItemsOf(trx, meeting.id);
    await repo.updateMeeting(trx, meeting.id, values);
    await audit("namnd_meeting", meeting.id, "update", { before: { status: meeting.status, items }, after: values });
  });
  return getMeeting(db, actor, id);
}

// ---------------------------------------------------------------- agenda

const standingKindsIn = (items: readonly repo.ItemRow[]) => new Set(items.map((i) => i.standing_kind));

async function snapshotFor(trx: Db, actor: Actor, meeting: repo.MeetingRow, kind: (typeof standingKinds)[number]) {
  const content = await standingContent(
    trx,
    actor,
    kind,
    meeting.org_node_id,
    { start: meeting.period_start, end: meeting.period_end },
    meeting.meeting_date,
  );
  return JSON.stringify(content);
}

export async function addItem(db: Db, actor: Actor, id: string, input: ItemInput) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    requireStatus(meeting, agendaOpen, "Sammanträdet är genomfört; föredragningslistan är fastställd.");
    const items = await repo.itemsOf(trx, meeting.id);
    const what = "Punkten kan inte läggas till";
    const position = items.length ? Math.max(...items.map((i) => i.position)) + 1 : 0;
    const base = { meeting_id: meeting.id, position, recipients: "[]" };
    let values: Parameters<typeof repo.insertItem>[1];
    if (input.kind === "arende") {
      const namnd = await namndOf(trx, meeting.org_node_id);
      const parsed = parseDiarienummer(input.diarienummer, namnd.prefix);
      if (!parsed.ok) throw validationError(what, [{ field: "diarienummer", message: parsed.message }]);
      if (parsed.value.foreign) {
        throw validationError(what, [
          { field: "diarienummer", message: `${parsed.value.canonical} hör till en annan myndighets diarium.` },
        ]);
      }
      const found = await caseRepo.findCaseByNumber(trx, namnd.id, parsed.value);
      if (!found) {
        throw validationError(what, [
          { field: "diarienummer", message: `${parsed.value.canonical} finns inte i diariet.` },
        ]);
      }
      if (items.some((i) => i.case_id === found.id)) {
        throw validationError(what, [
          { field: "diarienummer", message: `${parsed.value.canonical} står redan på föredragningslistan.` },
        ]);
      }
      values = { ...base, kind: "arende", case_id: found.id, title: input.title ?? found.title };
    } else if (input.kind === "information") {
      values = { ...base, kind: "information", title: input.title };
    } else {
      if (standingKindsIn(items).has(input.standingKind)) {
        throw validationError(what, [{ field: "standingKind", message: "Den stående punkten står redan på listan." }]);
      }
      values = {
        ...base,
        kind: "staende",
        standing_kind: input.standingKind,
        title: standingItems[input.standingKind].title,
        // Added after the kallelse: what it presents is what the registers hold now.
        snapshot: meeting.status === "kallat" ? await snapshotFor(trx, actor, meeting, input.standingKind) : null,
      };
    }
    const itemId = await repo.insertItem(trx, values);
    await audit("namnd_agenda_item", itemId, "create", { after: values });
  });
  return getMeeting(db, actor, id);
}

/** Adds every standing item the agenda lacks, in their fixed order, after the items it has. */
export async function addStandingItems(db: Db, actor: Actor, id: string) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    requireStatus(meeting, agendaOpen, "Sammanträdet är genomfört; föredragningslistan är fastställd.");
    const items = await repo.itemsOf(trx, meeting.id);
    const present = standingKindsIn(items);
    let position = items.length ? Math.max(...items.map((i) => i.position)) + 1 : 0;
    for (const kind of standingKinds.filter((k) => !present.has(k))) {
      const values = {
        meeting_id: meeting.id,
        position: position++,
        kind: "staende" as const,
        standing_kind: kind,
        title: standingItems[kind].title,
        recipients: "[]",
        snapshot: meeting.status === "kallat" ? await snapshotFor(trx, actor, meeting, kind) : null,
      };
      const itemId = await repo.insertItem(trx, values);
      await audit("namnd_agenda_item", itemId, "create", { after: values });
    }
  });
  return getMeeting(db, actor, id);
}

async function itemOf(trx: Db, meeting: repo.MeetingRow, itemId: string) {
  const items = await repo.itemsOf(trx, meeting.id);
  const item = items.find((i) => i.id === itemId);
  if (!item) throw notFound("Punkten på föredragningslistan");
  return { item, items };
}

export async function removeItem(db: Db, actor: Actor, id: string, itemId: string) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    requireStatus(meeting, agendaOpen, "Sammanträdet är genomfört; föredragningslistan är fastställd.");
    const { item } = await itemOf(trx, meeting, itemId);
    await repo.deleteItem(trx, item.id);
    await audit("namnd_agenda_item", item.id, "delete", { before: item });
  });
  return getMeeting(db, actor, id);
}

/** Moves an item to a place in the list (0 is first); the others keep their order. */
export async function moveItem(db: Db, actor: Actor, id: string, input: { itemId: string; position: number }) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    requireStatus(meeting, agendaOpen, "Sammanträdet är genomfört; föredragningslistan är fastställd.");
    const { item, items } = await itemOf(trx, meeting, input.itemId);
    const order = items.filter((i) => i.id !== item.id);
    order.splice(Math.min(input.position, order.length), 0, item);
    for (const [position, i] of order.entries()) {
      if (i.position !== position) await repo.updateItem(trx, i.id, { position });
    }
    await audit("namnd_agenda_item", item.id, "update", {
      before: { position: item.position },
      after: { position: input.position },
    });
  });
  return getMeeting(db, actor, id);
}

// ---------------------------------------------------------------- närvaro

export async function setRoster(db: Db, actor: Actor, id: string, input: RosterInput) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    requireStatus(meeting, () => true, "");
    const current = await repo.attendeesOf(trx, meeting.id);
    const known = new Set(current.map((a) => a.id));
    const what = "Närvarolistan kan inte sparas";
    const problems: FieldProblem[] = [];
    input.attendees.forEach((a, i) => {
      if (a.id && !known.has(a.id))
        problems.push({ field: `attendees.${i}.id`, message: "Personen finns inte i sammanträdets lista." });
      if (a.servingFor != null && !input.attendees[a.servingFor]) {
        problems.push({ field: `attendees.${i}.servingFor`, message: "Ange raden för ledamoten som ersätts." });
      }
    });
    refuse(what, problems);
    const ids = input.attendees.map((a) => a.id ?? randomUUID());
    const roster: RosterEntry[] = input.attendees.map((a, i) => ({
      key: ids[i] as string,
      name: a.name,
      party: a.party ?? null,
      role: a.role,
      present: a.present,
      servingFor: a.servingFor == null ? null : (ids[a.servingFor] as string),
      adjuster: a.adjuster,
    }));
    const kept = new Set(ids);
    const referenced = await repo.attendeesReferenced(trx, meeting.id);
    current.forEach((a) => {
      if (!kept.has(a.id) && referenced.has(a.id)) {
        problems.push({
          field: "attendees",
          message: `${a.name} har yrkat, anmält jäv eller reserverat sig i protokollet och kan inte tas bort ur listan.`,
        });
      }
    });
    refuse(what, [...problems, ...rosterProblems(roster)]);
    // Kept rows keep their ids (the protokoll points at them); the list is written anew in its order.
    const stay = current.filter((a) => kept.has(a.id) && referenced.has(a.id));
    await repo.deleteAttendees(
      trx,
      meeting.id,
      stay.map((a) => a.id),
    );
    const values = roster.map((r, position) => ({
      id: r.key,
      meeting_id: meeting.id,
      position,
      name: r.name,
      party: r.party,
      role: r.role,
      present: r.present,
      serving_for: r.servingFor,
      adjuster: r.adjuster,
    }));
    await repo.saveAttendees(
      trx,
      values.filter((v) => !stay.some((s) => s.id === v.id)),
      values.filter((v) => stay.some((s) => s.id === v.id)),
    );
    await audit("namnd_meeting_attendee", meeting.id, "update", { before: current, after: values });
  });
  return getMeeting(db, actor, id);
}

// ---------------------------------------------------------------- status

/**
 * The next step of the meeting. Kallat: the standing items' content is stored as the kallelse presents it.
 * Genomfört: the items get their § numbers in agenda order from the body's series for the year (in this
 * transaction, so two meetings held at once never share a number), and every item its förslag till beslut
 * (an ärende's from its tjänsteskrivelse) as a first draft of the beslut. Justerat: the protokoll is locked.
 */
export async function changeStatus(db: Db, actor: Actor, id: string, input: StatusInput) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    const today = todayInSweden();
    const [items, attendees] = [await repo.itemsOf(trx, meeting.id), await repo.attendeesOf(trx, meeting.id)];
    refuse(
      "Sammanträdet kan inte gå vidare",
      transitionProblems(
        {
          status: meeting.status,
          meetingDate: meeting.meeting_date,
          today,
          items,
          attendees,
          adjustedOn: input.adjustedOn,
        },
        input.status,
      ),
    );
    if (input.status === "kallat") {
      for (const item of items) {
        if (item.standing_kind) {
          await repo.updateItem(trx, item.id, { snapshot: await snapshotFor(trx, actor, meeting, item.standing_kind) });
        }
      }
      await repo.updateMeeting(trx, meeting.id, { status: "kallat", called_on: today });
    }
    if (input.status === "genomfort") {
      const last = await repo.issueParagraphs(trx, meeting.body_id, paragraphYear(meeting.meeting_date), items.length);
      const numbers = paragraphRange(last, items.length);
      for (const [i, item] of items.entries()) {
        await repo.updateItem(trx, item.id, {
          paragraph: numbers[i] as number,
          decision: item.decision ?? (await proposalOf(trx, meeting, item)),
        });
      }
      await repo.updateMeeting(trx, meeting.id, { status: "genomfort" });
    }
    if (input.status === "justerat") {
      await repo.updateMeeting(trx, meeting.id, { status: "justerat", adjusted_on: input.adjustedOn as string });
    }
    await audit("namnd_meeting", meeting.id, "update", {
      before: { status: meeting.status },
      after: { status: input.status, adjustedOn: input.adjustedOn ?? null },
    });
  });
  return getMeeting(db, actor, id);
}

// ---------------------------------------------------------------- protokoll

/** One §'s protokoll: the beslut, yrkanden, jäv, reservationer and who the beslut is sent to. */
export async function recordProtocol(db: Db, actor: Actor, id: string, input: ProtocolInput) {
  await onMeeting(db, actor, id, async ({ trx, meeting, audit }) => {
    requireStatus(meeting, protocolOpen, "Sammanträdet är inte genomfört än; protokollet skrivs när det har hållits.");
    const { item } = await itemOf(trx, meeting, input.itemId);
    const attendees = await repo.attendeesOf(trx, meeting.id);
    const byId = new Map(attendees.map((a) => [a.id, a]));
    const roster: RosterEntry[] = attendees.map((a) => ({
      key: a.id,
      name: a.name,
      party: a.party,
      role: a.role,
      present: a.present,
      servingFor: a.serving_for,
      adjuster: a.adjuster,
    }));
    const motions: MotionEntry[] = input.motions.map((m) => ({
      attendeeKey: m.attendeeId,
      name: byId.get(m.attendeeId)?.name ?? "",
      party: byId.get(m.attendeeId)?.party ?? null,
      kind: m.kind,
      text: m.text,
      adopted: m.adopted,
    }));
    refuse(
      `Protokollet för § ${item.paragraph} kan inte sparas`,
      protocolProblems({ motions, jav: input.jav, reservations: input.reservations }, roster),
    );
    await repo.updateItem(trx, item.id, { decision: input.decision, recipients: JSON.stringify(input.recipients) });
    await repo.replaceProtocolEntries(
      trx,
      item.id,
      input.motions.map((m, position) => ({
        position,
        attendee_id: m.attendeeId,
        kind: m.kind,
        text: m.text,
        adopted: m.adopted,
      })),
      [
        ...[...new Set(input.jav)].map((a) => ({ attendee_id: a, kind: "jav" as const })),
        ...[...new Set(input.reservations)].map((a) => ({ attendee_id: a, kind: "reservation" as const })),
      ],
    );
    await audit("namnd_agenda_item", item.id, "update", { before: item, after: input });
  });
  return getMeeting(db, actor, id);
}
