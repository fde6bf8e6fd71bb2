import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { seedNamndDemo } from "../demo.ts";

let t: TestApp;
const ifo = () => t.demo.nodes.ifo?.id as string;

beforeAll(async () => {
  t = await testApp();
  await t.database.db.transaction().execute((trx) => seedNamndDemo(trx, t.demo));
});
afterAll(() => t?.close());

type Motion = {
  id: string;
  kind: string;
  title: string;
  status: string;
  diarienummer: string | null;
  datedOn: string | null;
  proposal: string | null;
  steps: { status: string; occurredOn: string; reference: string | null }[];
  referees: { referee: string; status: string; answeredOn: string | null }[];
};
type Problems = { details: { problems: { field: string; message: string }[] } };

const motions = async (user = "fortroendevald") => {
  const res = await (await t.as(user)).get(`/api/namnd/motioner?orgNodeId=${ifo()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Motion[];
};

describe("initiativärenden and motions of the demo", () => {
  it("holds the motion referred to VO and IF, IF having answered", async () => {
    const motion = (await motions()).find((m) => m.diarienummer === "IF-2023-00360");
    expect(motion).toMatchObject({ kind: "motion", status: "remitterad", datedOn: "2023-09-24", proposal: "avslag" });
    expect(motion?.steps.map((s) => [s.status, s.occurredOn, s.reference])).toEqual([
      ["inkommen", "2023-09-04", null],
      ["anmald", "2023-11-07", "KF 2023-11-07 § 177"],
      ["remitterad", "2023-11-21", "KSAU 2023-11-21 § 317"],
    ]);
    expect(motion?.referees.map((r) => [r.referee, r.status, r.answeredOn])).toEqual([
      ["Nämnden för Individ & Familjeomsorg", "besvarad", "2024-02-02"],
      ["Nämnden för Vård & Omsorg", "remitterad", null],
    ]);
  });

  it("holds the initiative of 2023-12-13 § 179 answered, the PO chain decided, the cross-party item undated", async () => {
    const all = await motions();
    expect(all).toHaveLength(4);
    expect(all.find((m) => m.diarienummer === "IF-2023-00371")).toMatchObject({
      status: "besvarad",
      proposal: "besvarad",
    });
    const po = all.find((m) => m.diarienummer === "IF-2020-00345");
    expect(po?.status).toBe("beslutad");
    expect(po?.steps.at(-1)).toMatchObject({ occurredOn: "2022-12-15", reference: "IF 2022-12-15 § 207" });
    expect(all.find((m) => m.diarienummer === null)).toMatchObject({ status: "inkommen", datedOn: null });
  });
});

describe("a motion's steps", () => {
  it("names each refused field of a new motion by its form label, in plain Swedish and once", async () => {
    const res = await (await t.as("sekreterare")).post("/api/namnd/motioner", {
      orgNodeId: ifo(),
      kind: "motion",
      title: "",
      receivedOn: "2024-02-30",
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as Problems & { message: string };
    expect(body.details.problems).toEqual([
      { field: "title", label: "Rubrik", message: "Ange rubriken." },
      { field: "receivedOn", label: "Inkom", message: "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD." },
    ]);
    expect(body.message).not.toMatch(/title|receivedOn|Fältet/);
  });

  it("refuses skipping a status and writes nothing; takes the next", async () => {
    const client = await t.as("sekreterare");
    const created = await client.post("/api/namnd/motioner", {
      orgNodeId: ifo(),
      kind: "motion",
      title: "Motion om fritidsbank",
      receivedOn: "2024-01-10",
      diarienummer: "IF 2024-00005",
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const before = await countRows(t.database.db, "namnd_motion_step");
    const skip = await client.post(`/api/namnd/motioner/${id}/steg`, {
      status: "remitterad",
      occurredOn: "2024-01-20",
      referees: ["Kultur- och fritidsnämnden"],
    });
    expect(skip.statusCode).toBe(400);
    expect((skip.json() as Problems).details.problems).toEqual([
      {
        field: "status",
        label: "Nästa steg",
        message: "Ärendet är inkommen; nästa steg är anmäld, inte remitterad.",
      },
    ]);
    expect(await countRows(t.database.db, "namnd_motion_step")).toBe(before);
    const next = await client.post(`/api/namnd/motioner/${id}/steg`, {
      status: "anmald",
      occurredOn: "2024-01-20",
      reference: "KF 2024-01-20 § 3",
    });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ status: "anmald" });
    const referred = await client.post(`/api/namnd/motioner/${id}/steg`, {
      status: "remitterad",
      occurredOn: "2024-01-25",
      referees: ["Kultur- och fritidsnämnden", "Nämnden för Individ & Familjeomsorg"],
    });
    expect(referred.json().referees).toHaveLength(2);
    const early = await client.post(`/api/namnd/motioner/${id}/steg`, { status: "besvarad", occurredOn: "2024-01-30" });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("Svar saknas från Kultur- och fritidsnämnden, Nämnden för Individ & Familjeomsorg");
    const stranger = await client.post(`/api/namnd/motioner/${id}/svar`, { referee: "KS", answeredOn: "2024-01-30" });
    expect(stranger.statusCode).toBe(400);
    expect((stranger.json() as Problems).details.problems[0]?.field).toBe("referee");
  });

  it("is refused to a reader without write:namnd and to readers outside the nämnd", async () => {
    const write = await (await t.as("fortroendevald")).post("/api/namnd/motioner", {
      orgNodeId: ifo(),
      kind: "initiativ",
      title: "x",
      receivedOn: "2024-01-10",
    });
    expect(write.statusCode).toBe(403);
    const read = await (await t.as("vo-controller")).get(`/api/namnd/motioner?orgNodeId=${ifo()}`);
    expect(read.statusCode).toBe(403);
  });
});

describe("uppdrag", () => {
  it("holds § 207's uppdrag pågående, from the PO initiative, due on an event", async () => {
    const res = await (await t.as("fortroendevald")).get(`/api/namnd/uppdrag?orgNodeId=${ifo()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        decisionReference: "IF 2022-12-15 § 207",
        status: "pagaende",
        dueOn: null,
        overdue: false,
        diarienummer: "IF-2020-00345",
        motion: expect.objectContaining({
          title: "Initiativärende (PO): redovisning när Socialstyrelsens arbete är klart",
        }),
      }),
    ]);
  });

  it("is declared fullgjort only with the date and § of that decision", async () => {
    const client = await t.as("sekreterare");
    const [uppdrag] = (await client.get(`/api/namnd/uppdrag?orgNodeId=${ifo()}`)).json() as { id: string }[];
    const bare = await client.patch(`/api/namnd/uppdrag/${uppdrag?.id}`, { status: "fullgjort" });
    expect(bare.statusCode).toBe(400);
    expect((bare.json() as Problems).details.problems.map((p) => p.field).sort()).toEqual([
      "closedOn",
      "closingReference",
    ]);
    const done = await client.patch(`/api/namnd/uppdrag/${uppdrag?.id}`, {
      status: "fullgjort",
      closedOn: "2024-02-22",
      closingReference: "IF 2024-02-22 § 20",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "fullgjort", closedOn: "2024-02-22", overdue: false });
  });
});

describe("revisionsgranskningen Kompetensförsörjning", () => {
  const audit = async () => {
    const [summary] = (await (await t.as("fortroendevald")).get(`/api/namnd/revision?orgNodeId=${ifo()}`)).json() as {
      id: string;
      replyDeadline: string;
    }[];
    return summary as { id: string; replyDeadline: string };
  };

  it("holds the assessments per body and the recommendations KS 2, VO 2, IF 1 with IF's five actions", async () => {
    const { id, replyDeadline } = await audit();
    expect(replyDeadline).toBe("2024-02-18");
    const body = (await (await t.as("fortroendevald")).get(`/api/namnd/revision/${id}`)).json() as {
      questions: { assessments: { body: string; assessment: string }[] }[];
      recommendations: { recipient: string; actions: { responsible: string | null }[] }[];
    };
    expect(body.questions.flatMap((q) => q.assessments.map((a) => a.assessment))).toEqual([
      "ja_i_stort",
      "delvis",
      "delvis",
      "delvis",
      "nej",
      "nej",
      "ja",
      "ja",
    ]);
    const recipients = body.recommendations.map((r) => r.recipient);
    expect(recipients.filter((r) => r === "Kommunstyrelsen")).toHaveLength(2);
    expect(recipients.filter((r) => r === "Nämnden för Vård & Omsorg")).toHaveLength(2);
    expect(recipients.filter((r) => r === "Nämnden för Individ & Familjeomsorg")).toHaveLength(1);
    const actions = body.recommendations.flatMap((r) => r.actions);
    expect(actions.map((a) => a.responsible)).toEqual([
      "Verksamhetschef BmSS",
      "Verksamhetschef SHS",
      "HR-chef",
      "HR-chef",
      "HR-chef",
    ]);
  });

  it('generates the reply: what, when ("saknas" for four), who', async () => {
    const { id } = await audit();
    const res = await (await t.as("fortroendevald")).get(`/api/namnd/revision/${id}/svar`);
    expect(res.statusCode, res.body).toBe(200);
    const memo = res.json();
    expect(memo).toMatchObject({
      actionCount: 5,
      missingTimings: 4,
      missingResponsible: 0,
      diarienummer: "IF-2023-00392",
    });
    expect(memo.proposal).toBe(
      "Nämnden för Individ & Familjeomsorg antar svar på revisionsrapporten Granskning av kompetensförsörjning och överlämnar det till Kommunrevisionen (EY).",
    );
    expect(memo.recommendations[0].actions[0]).toMatchObject({
      when: "eventuellt beslut våren 2024",
      who: "Verksamhetschef BmSS",
    });
    expect(memo.recommendations[0].actions[1].when).toBe("saknas");
    const file = await (await t.as("fortroendevald")).get(`/api/namnd/revision/${id}/svar/fil?format=docx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("wordprocessingml");
    expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses actions on another body's recommendation and an end before the start, writing nothing", async () => {
    const { id } = await audit();
    const client = await t.as("sekreterare");
    const current = (await client.get(`/api/namnd/revision/${id}`)).json();
    const { id: _, overdue: __, ...fields } = current;
    fields.recommendations[0].actions = [{ text: "Något", status: "pagar" }];
    fields.recommendations[4].actions[0].startsOn = "2024-05-01";
    fields.recommendations[4].actions[0].endsOn = "2024-04-01";
    const res = await client.put(`/api/namnd/revision/${id}`, fields);
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problems).details.problems.map((p) => p.field)).toEqual([
      "recommendations.0.actions",
      "recommendations.4.actions.0.endsOn",
    ]);
    const after = (await client.get(`/api/namnd/revision/${id}`)).json();
    expect(after.recommendations[4].actions[0].startsOn).toBeNull();
  });
});
