import { describe, expect, it } from "vitest";
import { bulkEvent } from "./audit.ts";
import {
  columnLabel,
  composeTitle,
  describeEvent,
  entityOptions,
  formatAuditValue,
  hasColumnLabel,
  humanise,
  withoutHidden,
} from "./describe.ts";
import type { AuditLabels } from "./labels.ts";

const labels: AuditLabels = {
  namnd_case: {
    label: "Ärende",
    title: ["{prefix}-{year}-{number:5} {title}", "{title}"],
    columns: { handler_id: "Handläggare (id)" },
    values: { status: { oppet: "Öppet", avslutat: "Avslutat" } },
  },
  ekonomi_figure: {
    label: "Belopp",
    title: ["{kind} {period_type} {period_no}: {amount_kr}"],
    values: { kind: { kostnader: "Utfall kostnader" }, period_type: { month: "månad" } },
  },
  app_user: { label: "Användarkonto", columns: { password_hash: "Lösenord" } },
};

describe("formatAuditValue", () => {
  it("formats values for people", () => {
    expect(formatAuditValue("note", null)).toBe("–");
    expect(formatAuditValue("note", undefined)).toBe("–");
    expect(formatAuditValue("note", "")).toBe("–");
    expect(formatAuditValue("active", true)).toBe("ja");
    expect(formatAuditValue("active", false)).toBe("nej");
    expect(formatAuditValue("amount_kr", 1234567)).toBe("1\u00a0234\u00a0567 kr");
    expect(formatAuditValue("amount_kr", "-2500")).toBe("\u22122\u00a0500 kr");
    expect(formatAuditValue("target", 12345.5)).toBe("12\u00a0345,5");
    // Years, numbers in a series and positions are names, not amounts: no grouping.
    expect(formatAuditValue("year", 2024)).toBe("2024");
    expect(formatAuditValue("report_year", 2024)).toBe("2024");
    expect(formatAuditValue("period_no", 11)).toBe("11");
    expect(formatAuditValue("received_on", "2024-03-05")).toBe("2024-03-05");
    // Swedish time, whatever the server's zone.
    expect(formatAuditValue("created_at", "2024-03-05T10:00:00.000Z")).toBe("2024-03-05 11:00");
    expect(formatAuditValue("created_at", "2024-07-01T22:30:00.000Z")).toBe("2024-07-02 00:30");
    expect(formatAuditValue("handler_id", "0f8fad5b-d9cb-469f-a165-70867728950e")).toBe("0f8fad5b");
    expect(formatAuditValue("status", "oppet", { oppet: "Öppet" })).toBe("Öppet");
    expect(formatAuditValue("status", "okand", { oppet: "Öppet" })).toBe("okand");
    expect(formatAuditValue("types", ["a", "b"])).toBe("a, b");
    expect(formatAuditValue("types", [])).toBe("–");
    expect(formatAuditValue("settings", { sep: ";" })).toBe('{"sep":";"}');
  });

  it("shortens long text to one line", () => {
    const text = `${"Lång text ".repeat(20)}\nmed radbrytning`;
    const shown = formatAuditValue("summary", text);
    expect(shown).toHaveLength(80);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown).not.toContain("\n");
    expect(formatAuditValue("summary", "rad ett\nrad två")).toBe("rad ett rad två");
  });

  it("never shows credentials or document content", () => {
    expect(formatAuditValue("password_hash", "$argon2id$v=19$secret")).toBe("(dolt)");
    expect(formatAuditValue("csrf_token", "abc")).toBe("(dolt)");
    expect(formatAuditValue("content", "JVBERi0xLjQK")).toBe("(dolt)");
    expect(withoutHidden({ content: "JVBERi0xLjQK", title: "Yttrande", password_hash: null })).toEqual({
      content: "(dolt)",
      title: "Yttrande",
      password_hash: null,
    });
    expect(withoutHidden(null)).toBeNull();
  });
});

describe("composeTitle", () => {
  const templates = ["{prefix}-{year}-{number:5} {title}", "{title}"];

  it("fills the first template whose columns all have values, padding where asked", () => {
    expect(composeTitle(templates, { prefix: "IF", year: 2024, number: 12, title: "Yttrande till IVO" })).toBe(
      "IF-2024-00012 Yttrande till IVO",
    );
    expect(composeTitle(templates, { prefix: null, year: 2024, number: 12, title: "Yttrande" })).toBe("Yttrande");
    expect(composeTitle(templates, { other: 1 })).toBeNull();
  });

  it("formats each value as its column would be", () => {
    expect(
      composeTitle(
        labels.ekonomi_figure?.title ?? [],
        { kind: "kostnader", period_type: "month", period_no: 3, amount_kr: 12300 },
        labels.ekonomi_figure?.values,
      ),
    ).toBe("Utfall kostnader månad 3: 12\u00a0300 kr");
  });
});

describe("describeEvent", () => {
  const before = {
    id: "0f8fad5b-d9cb-469f-a165-70867728950e",
    prefix: "IF",
    year: 2024,
    number: 12,
    title: "Skrivelse",
    status: "oppet",
    handler_id: null,
    closed_on: null,
    updated_at: "2024-03-05T10:00:00.000Z",
  };

  it("names the entity, titles the record and lists the changed fields with labels", () => {
    const after = {
      ...before,
      title: "Yttrande till IVO",
      status: "avslutat",
      handler_id: "9b2f3c4d-0000-4000-8000-000000000000",
      closed_on: "2024-04-01",
      updated_at: "2024-04-01T08:00:00.000Z",
    };
    expect(describeEvent(labels, { entity: "namnd_case", before, after })).toEqual({
      entityLabel: "Ärende",
      title: "IF-2024-00012 Yttrande till IVO",
      changes: [
        { field: "title", label: "Rubrik", from: "Skrivelse", to: "Yttrande till IVO" },
        { field: "status", label: "Status", from: "Öppet", to: "Avslutat" },
        { field: "handler_id", label: "Handläggare (id)", from: "–", to: "9b2f3c4d" },
        { field: "closed_on", label: "Avslutad", from: "–", to: "2024-04-01" },
      ],
    });
  });

  it("compares only what the event's after holds, and treats a missing value as none", () => {
    const event = { entity: "namnd_case", before, after: { title: "Ny", extraKey: null } };
    expect(describeEvent(labels, event)).toEqual({
      entityLabel: "Ärende",
      // The title's other columns come from the row before.
      title: "IF-2024-00012 Ny",
      changes: [{ field: "title", label: "Rubrik", from: "Skrivelse", to: "Ny" }],
    });
  });

  it("compares a camelCase input with the row's snake_case column, and skips empty for empty", () => {
    const event = {
      entity: "namnd_case",
      before: { ...before, status: "oppet" },
      after: { status: "avslutat", closedOn: "2024-04-01", jav: [] },
    };
    expect(describeEvent(labels, event).changes).toEqual([
      { field: "status", label: "Status", from: "Öppet", to: "Avslutat" },
      { field: "closedOn", label: "Avslutad", from: "–", to: "2024-04-01" },
    ]);
  });

  it("lists a bulk event's rows by their own labels, new rows from none", () => {
    const event = bulkEvent("ekonomi_figure", null, [
      { id: "a", label: "Nämnd, budget, april 2024", column: "amount_kr", before: -1000, after: -1500 },
      { id: "b", label: "Nämnd, budget, maj 2024", column: "amount_kr", before: null, after: -200 },
    ]);
    expect(describeEvent(labels, { entity: event.entity, before: event.before, after: event.after })).toEqual({
      entityLabel: "Belopp",
      title: "2 ändringar",
      changes: [
        { field: "a", label: "Nämnd, budget, april 2024", from: "\u22121\u00a0000 kr", to: "\u22121\u00a0500 kr" },
        { field: "b", label: "Nämnd, budget, maj 2024", from: "–", to: "\u2212200 kr" },
      ],
    });
  });

  it("lists a bulk event's whole rows: a changed one column by column, a new one as new (its values stay in the row)", () => {
    const event = bulkEvent("namnd_case", null, [
      {
        id: "a",
        label: "Ärende 12",
        column: null,
        before: { status: "oppet", handler_id: null },
        after: { status: "avslutat", handler_id: null },
      },
      { id: "b", label: "Ärende 13", column: null, before: null, after: { status: "oppet", title: "Hemligt namn" } },
    ]);
    expect(describeEvent(labels, { entity: event.entity, before: event.before, after: event.after })).toEqual({
      entityLabel: "Ärende",
      title: "2 ändringar",
      changes: [
        { field: "a.status", label: "Ärende 12: Status", from: "Öppet", to: "Avslutat" },
        { field: "b", label: "Ärende 13", from: "–", to: "ny" },
      ],
    });
  });

  it("lists no changes for a create or delete, but still titles the record", () => {
    expect(describeEvent(labels, { entity: "namnd_case", before: null, after: before })).toEqual({
      entityLabel: "Ärende",
      title: "IF-2024-00012 Skrivelse",
      changes: [],
    });
    expect(describeEvent(labels, { entity: "namnd_case", before, after: null }).title).toBe("IF-2024-00012 Skrivelse");
  });

  it("shows that a hidden field changed, never its value", () => {
    const changes = describeEvent(labels, {
      entity: "app_user",
      before: { password_hash: "old-hash" },
      after: { password_hash: "new-hash" },
    }).changes;
    expect(changes).toEqual([{ field: "password_hash", label: "Lösenord", from: "(dolt)", to: "(dolt)" }]);
  });

  it("falls back to a humanised name for an unknown entity or a snapshot key that is no column", () => {
    expect(describeEvent(labels, { entity: "some_new_thing", before: null, after: { name: "x" } })).toEqual({
      entityLabel: "Some new thing",
      title: null,
      changes: [],
    });
    expect(columnLabel(labels, "namnd_case", "riskIds")).toBe("Risk ids");
    expect(humanise("copied_from")).toBe("Copied from");
    expect(hasColumnLabel(labels, "namnd_case", "riskIds")).toBe(false);
    expect(hasColumnLabel(labels, "namnd_case", "handler_id")).toBe(true);
    expect(hasColumnLabel(labels, "namnd_case", "org_node_id")).toBe(true);
  });
});

describe("entityOptions", () => {
  it("lists the entities by their Swedish names in Swedish order", () => {
    expect(entityOptions(labels)).toEqual([
      { entity: "app_user", label: "Användarkonto" },
      { entity: "ekonomi_figure", label: "Belopp" },
      { entity: "namnd_case", label: "Ärende" },
    ]);
  });
});
