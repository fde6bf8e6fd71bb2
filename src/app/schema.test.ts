// The migrated database against the TypeScript side: every table of AppDB with exactly its typed columns
// (nullable iff the type admits null), and every CHECK (column IN (…)) list equal to the vocabulary the
// code validates with. The types are read with the TypeScript 7 API (the compiler's Go process).
import path from "node:path";
import { sql } from "kysely";
import { API, type Checker, type Project, type Type, TypeFlags, type TypeReference } from "typescript/unstable/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../platform/db/database.ts";
import { testDatabase } from "./testing.ts";

/** Table → column → nullable. */
type Columns = Record<string, Record<string, boolean>>;
/** One CHECK (column IN (…)) list, keyed "table.column". */
type CheckList = { key: string; values: string[] };

/** Kysely's bookkeeping, not part of the application's schema. */
const untypedTables = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * The vocabulary each CHECK list must equal, as "file#export" (an `as const` array or a zod enum). A new
 * CHECK list fails the test until it is added here.
 */
const vocabularies: Record<string, string> = {
  "org_node.kind": "src/organisation/schema.ts#orgKinds",
  "open_data_publication.dataset": "src/oppna-data/vocabulary.ts#datasets",
  "indicator.kind": "src/styrning/vocabulary.ts#indicatorKinds",
  "indicator_dimension.kind": "src/styrning/vocabulary.ts#dimensionKinds",
  "indicator_relation.kind": "src/styrning/vocabulary.ts#relationKinds",
  "indicator_value.value_kind": "src/styrning/vocabulary.ts#valueKinds",
  "indicator_target.condition_op": "src/styrning/target.ts#comparators",
  "rapport_chapter.status": "src/rapporter/workflow.ts#chapterStatuses",
  "rapport_instance.status": "src/rapporter/workflow.ts#reportStatuses",
  "oidc_role_rule.role": "src/platform/auth/roles.ts#roles",
  "reminder_setting.mode": "src/platform/reminders/vocabulary.ts#reminderModes",
  "reminder_delivery.status": "src/platform/reminders/vocabulary.ts#deliveryStatuses",
  "styrning_scale.kind": "src/styrning/vocabulary.ts#scaleKinds",
  "styrning_scale_level.meaning": "src/styrning/vocabulary.ts#meanings",
  "goal_level.decided_by": "src/styrning/vocabulary.ts#decidedByValues",
  "goal_level.kind": "src/styrning/vocabulary.ts#levelKinds",
  "indicator.unit": "src/styrning/vocabulary.ts#units",
  "indicator.value_type": "src/styrning/vocabulary.ts#valueTypes",
  "indicator.direction": "src/styrning/vocabulary.ts#directions",
  "indicator.gender_split": "src/styrning/vocabulary.ts#genderSplits",
  "indicator.period_type": "src/styrning/period.ts#periodTypes",
  "indicator.source_kind": "src/styrning/vocabulary.ts#sourceKinds",
  "indicator_value.gender": "src/styrning/vocabulary.ts#genders",
  "indicator_value.state": "src/styrning/vocabulary.ts#valueStates",
  "indicator_value.source": "src/styrning/vocabulary.ts#valueSources",
  "indicator_value_correction.gender": "src/styrning/vocabulary.ts#genders",
  "kolada_value.gender": "src/styrning/vocabulary.ts#genders",
  "directive.issued_by": "src/styrning/vocabulary.ts#directiveIssuers",
  "activity.status": "src/styrning/vocabulary.ts#activityStatuses",
  "activity_followup.status": "src/styrning/vocabulary.ts#activityStatuses",
  "goal.decided_by": "src/styrning/vocabulary.ts#decidedByValues",
  "indicator.decided_by": "src/styrning/vocabulary.ts#decidedByValues",
  "styrning_uppdrag.decided_by": "src/styrning/vocabulary.ts#uppdragDeciders",
  "styrning_uppdrag.report_form": "src/styrning/vocabulary.ts#reportForms",
  "styrning_uppdrag.report_to": "src/styrning/vocabulary.ts#reportRecipients",
  "styrning_uppdrag.status": "src/styrning/vocabulary.ts#activityStatuses",
  "styrning_uppdrag_followup.status": "src/styrning/vocabulary.ts#activityStatuses",
  "ekonomi_code_mapping.dimension": "src/ekonomi/import/ledger.ts#codeDimensions",
  "ekonomi_import.format": "src/ekonomi/import/analyse.ts#fileFormats",
  "ekonomi_import.kind": "src/ekonomi/import/ledger.ts#importKinds",
  "ekonomi_figure.kind": "src/ekonomi/reports.ts#figureKinds",
  "ekonomi_figure.period_type": "src/ekonomi/periods.ts#periodTypes",
  "ekonomi_investment.category": "src/ekonomi/reports.ts#investmentCategories",
  "ekonomi_reallocation.financing": "src/ekonomi/schema.ts#reallocationFinancings",
  "ekonomi_reallocation.status": "src/ekonomi/schema.ts#reallocationStatuses",
  "ekonomi_fund_entry.kind": "src/ekonomi/reports.ts#fundEntryKinds",
  "evb_insats.law": "src/evb/report.ts#laws",
  "evb_code.kind": "src/evb/schema.ts#codeKinds",
  "evb_code.side": "src/evb/schema.ts#delaySides",
  "evb_decision.sex": "src/evb/schema.ts#sexSchema",
  "evb_wait.sex": "src/evb/schema.ts#sexSchema",
  "evb_offer.answer": "src/evb/schema.ts#answerSchema",
  "evb_wait.kind": "src/evb/clock.ts#episodeKinds",
  "evb_wait.ending": "src/evb/clock.ts#episodeEndings",
  "kvalitet_event_type.type_group": "src/kvalitet/vocabulary.ts#typeGroups",
  "kvalitet_event.kind": "src/kvalitet/vocabulary.ts#eventKinds",
  "kvalitet_event.category": "src/kvalitet/vocabulary.ts#workCategories",
  "kvalitet_event.status": "src/kvalitet/vocabulary.ts#eventStatuses",
  "kvalitet_lex_sarah_list.list": "src/kvalitet/lex-sarah/vocabulary.ts#listKinds",
  "kvalitet_lex_sarah_decision.outcome": "src/kvalitet/lex-sarah/vocabulary.ts#outcomes",
  "kvalitet_lex_sarah_decision.finding": "src/kvalitet/lex-sarah/vocabulary.ts#findings",
  "kvalitet_lex_sarah.consequence": "src/kvalitet/lex-sarah/vocabulary.ts#consequences",
  "kvalitet_lex_sarah.recurrence": "src/kvalitet/lex-sarah/vocabulary.ts#recurrenceRisks",
  "kvalitet_lex_sarah.route": "src/kvalitet/lex-sarah/vocabulary.ts#reportRoutes",
  "kvalitet_lex_sarah.status": "src/kvalitet/lex-sarah/vocabulary.ts#caseStatuses",
  "kvalitet_lex_sarah_entry.kind": "src/kvalitet/lex-sarah/vocabulary.ts#entryKinds",
  "kvalitet_complaint.channel": "src/kvalitet/klagomal/vocabulary.ts#channels",
  "kvalitet_complaint.sender_type": "src/kvalitet/klagomal/vocabulary.ts#senderTypes",
  "kvalitet_complaint.complaint_type": "src/kvalitet/klagomal/vocabulary.ts#complaintTypes",
  "kvalitet_complaint.category": "src/kvalitet/klagomal/vocabulary.ts#categories",
  "kvalitet_inspection.status": "src/kvalitet/tillsyn/vocabulary.ts#inspectionStatuses",
  "kvalitet_risk_scale.kind": "src/kvalitet/risk/risk.ts#riskScaleKinds",
  "kvalitet_atgard.status": "src/kvalitet/kvalitetsplan/vocabulary.ts#atgardStatuses",
  "kvalitet_ik_answer.answer": "src/kvalitet/internkontroll/vocabulary.ts#answers",
  "namnd_case.status": "src/namnd/vocabulary.ts#caseStatuses",
  "namnd_case_reference.kind": "src/namnd/vocabulary.ts#referenceKinds",
  "namnd_document.content_type": "src/namnd/vocabulary.ts#documentTypes",
  "namnd_document.direction": "src/namnd/vocabulary.ts#documentDirections",
  "namnd_delegation_point.anmalan_section": "src/namnd/delegation/vocabulary.ts#anmalanSections",
  "namnd_delegation_delegate.kind": "src/namnd/delegation/vocabulary.ts#delegateKinds",
  "namnd_delegation_decision.decider_kind": "src/namnd/delegation/vocabulary.ts#delegateKinds",
  "namnd_delegation_decision.law": "src/namnd/delegation/vocabulary.ts#decisionLaws",
  "namnd_ruling.issuer": "src/namnd/incoming/vocabulary.ts#issuers",
  "namnd_ruling.kind": "src/namnd/incoming/vocabulary.ts#rulingKinds",
  "namnd_ruling.appellant": "src/namnd/incoming/vocabulary.ts#appellants",
  "namnd_ruling.outcome": "src/namnd/incoming/vocabulary.ts#outcomes",
  "namnd_letter.sender_kind": "src/namnd/incoming/vocabulary.ts#senderKinds",
  "namnd_motion.kind": "src/namnd/assignments/vocabulary.ts#motionKinds",
  "namnd_motion.status": "src/namnd/assignments/vocabulary.ts#motionStatuses",
  "namnd_motion.proposal": "src/namnd/assignments/vocabulary.ts#proposals",
  "namnd_motion_step.status": "src/namnd/assignments/vocabulary.ts#motionStatuses",
  "namnd_motion_referee.status": "src/namnd/assignments/vocabulary.ts#refereeStatuses",
  "namnd_assignment.status": "src/namnd/assignments/vocabulary.ts#assignmentStatuses",
  "namnd_audit_assessment.assessment": "src/namnd/assignments/vocabulary.ts#assessments",
  "namnd_publication.kind": "src/namnd/publishing/vocabulary.ts#publicationKinds",
  "namnd_audit_action.status": "src/namnd/assignments/vocabulary.ts#actionStatuses",
  "namnd_grant_application.status": "src/namnd/grants/vocabulary.ts#applicationStatuses",
  "namnd_grant_assessment.fulfilment": "src/namnd/grants/vocabulary.ts#fulfilments",
  "namnd_body.kind": "src/namnd/meetings/vocabulary.ts#bodyKinds",
  "namnd_meeting.status": "src/namnd/meetings/vocabulary.ts#meetingStatuses",
  "namnd_meeting_attendee.role": "src/namnd/meetings/vocabulary.ts#attendeeRoles",
  "namnd_agenda_item.kind": "src/namnd/meetings/vocabulary.ts#itemKinds",
  "namnd_agenda_item.standing_kind": "src/namnd/meetings/vocabulary.ts#standingKinds",
  "namnd_agenda_motion.kind": "src/namnd/meetings/vocabulary.ts#motionKinds",
  "namnd_agenda_member_note.kind": "src/namnd/meetings/vocabulary.ts#memberNoteKinds",
  "namnd_memo.status": "src/namnd/memos/vocabulary.ts#memoStatuses",
  "namnd_memo_clause.verb": "src/namnd/memos/vocabulary.ts#verbCodes",
  "namnd_memo_basis.kind": "src/namnd/memos/vocabulary.ts#basisKinds",
  "namnd_memo_child_answer.question": "src/namnd/memos/vocabulary.ts#childQuestionCodes",
};

/** Every difference between the database's columns and the typed ones, one line each. */
function compareColumns(database: Columns, types: Columns): string[] {
  const problems: string[] = [];
  for (const table of Object.keys(database)) {
    if (!types[table]) problems.push(`${table}: a table in the database that AppDB lacks`);
  }
  for (const [table, typed] of Object.entries(types)) {
    const actual = database[table];
    if (!actual) {
      problems.push(`${table}: in AppDB but not in the database`);
      continue;
    }
    for (const [column, nullable] of Object.entries(actual)) {
      const declared = typed[column];
      if (declared === undefined) problems.push(`${table}.${column}: in the database but not in the type`);
      else if (declared !== nullable) {
        const says = (n: boolean) => (n ? "nullable" : "NOT NULL");
        problems.push(`${table}.${column}: ${says(nullable)} in the database, ${says(declared)} in the type`);
      }
    }
    for (const column of Object.keys(typed)) {
      if (!(column in actual)) problems.push(`${table}.${column}: in the type but not in the database`);
    }
  }
  return problems.sort();
}

/** Each `column = ANY (ARRAY['a'::text, …])` in a CHECK definition as PostgreSQL prints it. */
function checkLists(table: string, definition: string): CheckList[] {
  return [...definition.matchAll(/(\w+) = ANY \(ARRAY\[([^\]]*)\]\)/g)].map(([, column, list]) => ({
    key: `${table}.${column}`,
    values: [...(list ?? "").matchAll(/'((?:[^']|'')*)'/g)].map(([, value]) => (value ?? "").replaceAll("''", "'")),
  }));
}

/** Every CHECK list without a mapped vocabulary or differing from it, and every mapping without a list. */
function compareVocabularies(lists: CheckList[], vocabularyOf: Record<string, string[]>): string[] {
  const problems: string[] = [];
  for (const { key, values } of lists) {
    const vocabulary = vocabularyOf[key];
    if (!vocabulary) {
      problems.push(`${key}: CHECK IN (${values.join(", ")}) has no vocabulary in the test's map`);
      continue;
    }
    const extra = values.filter((v) => !vocabulary.includes(v));
    const missing = vocabulary.filter((v) => !values.includes(v));
    if (extra.length > 0) problems.push(`${key}: the database allows ${extra.join(", ")}, the vocabulary does not`);
    if (missing.length > 0) problems.push(`${key}: the vocabulary has ${missing.join(", ")}, the database refuses it`);
  }
  const checked = new Set(lists.map((l) => l.key));
  for (const key of Object.keys(vocabularyOf)) {
    if (!checked.has(key)) problems.push(`${key}: mapped to a vocabulary, but the database has no CHECK IN list there`);
  }
  return problems.sort();
}

describe("comparing the schema with the types (synthetic)", () => {
  const types: Columns = { goal: { id: false, title: false, description: true } };

  it("accepts equal columns and nullability", () => {
    expect(compareColumns({ goal: { id: false, title: false, description: true } }, types)).toEqual([]);
  });

  it("reports a column added to a migration but not to the type, and the reverse", () => {
    expect(compareColumns({ goal: { id: false, title: false, description: true, code: true } }, types)).toEqual([
      "goal.code: in the database but not in the type",
    ]);
    expect(compareColumns({ goal: { id: false, title: false } }, types)).toEqual([
      "goal.description: in the type but not in the database",
    ]);
  });

  it("reports nullability that differs and tables on one side only", () => {
    expect(compareColumns({ goal: { id: false, title: true, description: true }, extra: {} }, types)).toEqual([
      "extra: a table in the database that AppDB lacks",
      "goal.title: nullable in the database, NOT NULL in the type",
    ]);
    expect(compareColumns({}, types)).toEqual(["goal: in AppDB but not in the database"]);
  });

  it("reads CHECK lists and compares them with the vocabularies", () => {
    const lists = checkLists(
      "evb_code",
      "CHECK (((side IS NULL) OR ((side = ANY (ARRAY['kommun'::text, 'enskild'::text])) AND (kind = 'delay'::text))))",
    );
    expect(lists).toEqual([{ key: "evb_code.side", values: ["kommun", "enskild"] }]);
    expect(compareVocabularies(lists, { "evb_code.side": ["enskild", "kommun"] })).toEqual([]);
    expect(compareVocabularies(lists, { "evb_code.side": ["kommun", "okänd"], "evb_code.kind": ["delay"] })).toEqual([
      "evb_code.kind: mapped to a vocabulary, but the database has no CHECK IN list there",
      "evb_code.side: the database allows enskild, the vocabulary does not",
      "evb_code.side: the vocabulary has okänd, the database refuses it",
    ]);
    expect(compareVocabularies(lists, {})).toEqual([
      "evb_code.side: CHECK IN (kommun, enskild) has no vocabulary in the test's map",
    ]);
  });
});

const root = path.resolve(import.meta.dirname, "../..");

/** The string literals a type admits: a literal, a union of them, or an array or tuple of them. */
function stringLiterals(checker: Checker, type: Type): string[] {
  if (type.flags & TypeFlags.StringLiteral && type.isLiteralType()) return [String(type.value)];
  if (type.isUnionType()) return (type.getTypes() ?? []).flatMap((t) => stringLiterals(checker, t));
  if (checker.isArrayType(type) || checker.isTupleType(type))
    return checker.getTypeArguments(type as TypeReference).flatMap((t) => stringLiterals(checker, t));
  throw new Error(`not a list of string literals: ${checker.typeToString(type)}`);
}

/** The named export of a source file. */
function exportOf(project: Project, file: string, name: string) {
  const source = project.program.getSourceFile(path.join(root, file));
  const module = source && project.checker.getSymbolAtLocation(source);
  const symbol = module && project.checker.getExportsOfModule(module).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} exports no ${name}`);
  return symbol;
}

/** AppDB's tables and columns; a column is nullable when what a select reads (Kysely's `__select__`) admits null. */
function typedColumns(project: Project): Columns {
  const { checker } = project;
  const appDb = checker.getDeclaredTypeOfSymbol(exportOf(project, "src/app/capabilities.ts", "AppDB"));
  const columns: Columns = {};
  for (const table of checker.getPropertiesOfType(appDb)) {
    const row = checker.getTypeOfSymbol(table);
    if (!row) throw new Error(`no type for table ${table.name}`);
    columns[table.name] = Object.fromEntries(
      checker.getPropertiesOfType(row).map((column) => {
        let type = checker.getTypeOfSymbol(column) as Type;
        const select = checker.getPropertyOfType(type, "__select__");
        if (select) type = checker.getTypeOfSymbol(select) as Type;
        const members = type.isUnionType() ? (type.getTypes() ?? []) : [type];
        return [column.name, members.some((m) => (m.flags & TypeFlags.Null) !== 0)];
      }),
    );
  }
  return columns;
}

/** Each mapped vocabulary's values: an `as const` array's elements or a zod enum's options. */
function vocabularyValues(project: Project): Record<string, string[]> {
  const { checker } = project;
  return Object.fromEntries(
    Object.entries(vocabularies).map(([key, ref]) => {
      const [file = "", name = ""] = ref.split("#");
      let type = checker.getTypeOfSymbol(exportOf(project, file, name)) as Type;
      const options = checker.getPropertyOfType(type, "options");
      if (options) type = checker.getTypeOfSymbol(options) as Type;
      return [key, stringLiterals(checker, type)];
    }),
  );
}

describe("the migrated database and the TypeScript side", () => {
  let database: Database;
  let api: API;
  let project: Project;

  beforeAll(async () => {
    database = await testDatabase();
    api = new API({ cwd: root });
    const tsconfig = path.join(root, "tsconfig.json");
    const found = api.updateSnapshot({ openProjects: [tsconfig] }).getProject(tsconfig);
    if (!found) throw new Error("tsconfig.json did not open as a project");
    project = found;
  });
  afterAll(async () => {
    api?.close();
    await database?.close();
  });

  it("has every table of AppDB with exactly its typed columns and nullability", async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: "YES" | "NO" }>`
      SELECT table_name, column_name, is_nullable FROM information_schema.columns
      WHERE table_schema = current_schema()`.execute(database.db);
    const columns: Columns = {};
    for (const row of rows) {
      if (untypedTables.has(row.table_name)) continue;
      columns[row.table_name] ??= {};
      columns[row.table_name]![row.column_name] = row.is_nullable === "YES";
    }
    expect(compareColumns(columns, typedColumns(project))).toEqual([]);
  });

  it("checks every IN list against the vocabulary the code validates with", async () => {
    const { rows } = await sql<{ table_name: string; definition: string }>`
      SELECT c.relname AS table_name, pg_get_constraintdef(k.oid) AS definition
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE k.contype = 'c' AND c.relnamespace = current_schema()::regnamespace`.execute(database.db);
    const lists = rows.flatMap((r) => checkLists(r.table_name, r.definition));
    expect(lists.length).toBeGreaterThan(0);
    expect(compareVocabularies(lists, vocabularyValues(project))).toEqual([]);
  });
});
