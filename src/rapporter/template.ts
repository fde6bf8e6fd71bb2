// A report template as data: ordered chapters of blocks (fixed text, authored text with bound figures, and
// data parts: tables, key-figure tiles, charts and lists). Stored as JSON in the database, validated by
// this one schema whether it comes from a built-in file or an admin's edit.
import { z } from "zod";
import { labelled } from "../platform/validation.ts";

/** The units a figure can be shown in; data is kronor or plain numbers underneath. */
export const units = ["kr", "tkr", "mnkr", "procent", "antal"] as const;
export type Unit = (typeof units)[number];

/** Where a data part's numbers come from: one public read of another capability, shaped as a table. */
export const sources = [
  "ekonomi.sammanfattning",
  "ekonomi.drift",
  "ekonomi.prognossakerhet",
  "ekonomi.investeringar",
  "ekonomi.budgetfordelning",
  "ekonomi.delar",
  "kvalitet.handelser-typ",
  "kvalitet.handelser-kvartal",
  "kvalitet.lex-sarah",
  "kvalitet.klagomal",
  "kvalitet.kommentaren",
  "kvalitet.egenkontroller",
  "kvalitet.atgarder-status",
  "kvalitet.tillsyn",
  "internkontroll.sammanfattning",
  "internkontroll.riskniva",
  "internkontroll.sjalvskattning",
  "evb.arenden",
  "evb.lag",
  "evb.kon",
  "evb.vantetid",
  "evb.insats",
  "evb.enhet",
  "lex-sarah.manader",
  "lex-sarah.beslut",
] as const;
export type Source = (typeof sources)[number];

/** Where a register's rows come from: records described in words (risks, controls, åtgärder), no figures. */
export const registerSources = [
  "kvalitet.risker",
  "kvalitet.atgarder",
  "kvalitet.tillsyner",
  "kvalitet.tillsyner-avslutade",
  "internkontroll.riskanalys",
  "internkontroll.ej-till-plan",
  "internkontroll.granskningar",
  "internkontroll.uppfoljning",
  "lex-sarah.lista-a",
  "lex-sarah.lista-b",
] as const;
export type RegisterSource = (typeof registerSources)[number];

const id = (label: string) =>
  labelled(z.string().regex(/^[a-z0-9-]{1,40}$/, "Använd a–z, 0–9 och bindestreck."), label);
const text = (label: string, max = 4000) => labelled(z.string().trim().min(1).max(max), label);

const column = z.object({
  key: id("Kolumnens nyckel"),
  /** "{år-1}" and friends are replaced by the report's years. */
  label: text("Kolumnrubrik", 120),
  decimals: labelled(z.number().int().min(0).max(3).optional(), "Decimaler"),
});

const tablePart = z.object({
  kind: labelled(z.literal("table"), "Slag av block"),
  id: id("Tabellens id"),
  source: labelled(z.enum(sources), "Datakälla"),
  caption: text("Tabellrubrik", 200),
  unit: labelled(z.enum(units), "Enhet"),
  columns: labelled(z.array(column).min(1).max(12), "Kolumner"),
  /** Allowed difference (in the table's unit) between a total and the sum of its shown parts. */
  tolerance: labelled(z.number().min(0).max(1000).default(0), "Tolerans för summor"),
});

const tilePart = z.object({
  kind: labelled(z.literal("tile"), "Slag av block"),
  id: id("Nyckeltalets id"),
  label: text("Nyckeltalets text", 200),
  /** A bound figure: "{drift.summa.avvikelse.mnkr}". */
  figure: text("Värde", 120),
});

const chartPart = z.object({
  kind: labelled(z.literal("chart"), "Slag av block"),
  id: id("Diagrammets id"),
  title: text("Diagrammets rubrik", 200),
  /** The table (by id) whose body rows become the bars, and the column they show. */
  table: id("Tabell"),
  column: id("Kolumn"),
});

const listPart = z.object({
  kind: labelled(z.literal("list"), "Slag av block"),
  id: id("Listans id"),
  title: text("Listans rubrik", 200),
  /** Each item is authored text and may bind figures. */
  items: labelled(z.array(text("Punkt", 1000)).min(1).max(50), "Punkter"),
});

/** The goal follow-up from the nämnd's goal model for the year: goals of one level, assessments, indicators. */
const goalsPart = z.object({
  kind: labelled(z.literal("goals"), "Slag av block"),
  id: id("Målblockets id"),
  title: text("Målblockets rubrik", 200),
  /** The goal model's level to show ("Nämndmål"); all assessed levels when left out. */
  level: labelled(z.string().trim().min(1).max(120).optional(), "Målnivå"),
});

/** The directives (uppdrag) valid in the year, with the förvaltning's handling of each. */
const directivesPart = z.object({
  kind: labelled(z.literal("directives"), "Slag av block"),
  id: id("Direktivblockets id"),
  title: text("Direktivblockets rubrik", 200),
});

/** The goal model's activities for the year, each with its expected effects. */
const activitiesPart = z.object({
  kind: labelled(z.literal("activities"), "Slag av block"),
  id: id("Aktivitetsblockets id"),
  title: text("Aktivitetsblockets rubrik", 200),
});

/** A register from another capability: its columns are the source's, the template gives the title. */
const registerPart = z.object({
  kind: labelled(z.literal("register"), "Slag av block"),
  id: id("Registrets id"),
  source: labelled(z.enum(registerSources), "Datakälla"),
  title: text("Registrets rubrik", 200),
});

const fixedText = z.object({
  kind: labelled(z.literal("fixed"), "Slag av block"),
  id: id("Textens id"),
  text: text("Fast text"),
});
const authoredText = z.object({
  kind: labelled(z.literal("authored"), "Slag av block"),
  id: id("Textens id"),
  heading: labelled(z.string().trim().max(200).optional(), "Underrubrik"),
  text: text("Text"),
});

export const block = z.discriminatedUnion("kind", [
  fixedText,
  authoredText,
  tablePart,
  tilePart,
  chartPart,
  listPart,
  goalsPart,
  directivesPart,
  activitiesPart,
  registerPart,
]);
export type Block = z.infer<typeof block>;
export type TablePart = z.infer<typeof tablePart>;

export const templateContent = z.object({
  title: text("Dokumentets titel", 200),
  chapters: labelled(
    z
      .array(
        z.object({
          id: id("Kapitlets id"),
          title: text("Kapitelrubrik", 200),
          blocks: labelled(z.array(block).min(1).max(60), "Block"),
        }),
      )
      .min(1)
      .max(40),
    "Kapitel",
  ),
  /** The report's rounding rule: decimals per unit when a figure is written in text or a tile. */
  rounding: labelled(
    z.object({
      tkr: labelled(z.number().int().min(0).max(3), "Decimaler i tkr"),
      mnkr: labelled(z.number().int().min(0).max(3), "Decimaler i mnkr"),
      procent: labelled(z.number().int().min(0).max(3), "Decimaler i procent"),
    }),
    "Avrundning",
  ),
});
export type TemplateContent = z.infer<typeof templateContent>;

/** A template as the seed files and the database hold it. */
export type TemplateDefinition = { code: string; name: string; description: string; content: TemplateContent };
