// Kolada API v2 and v3 JSON shapes, read leniently and normalised; and the same shapes written back.
// Pure: no I/O. A malformed file gives one problem per bad row and no rows at all.
//
//   v2: { count, values: [{ kpi, municipality, period: 2022, values: [{ gender, count, status: "", value }] }], next_page }
//   v3: { count, values: [{ kpi, municipality, period: "2022", values: [{ gender, count, status: null, value }] }], next_url }
// Missing data: value null, usually with status "Missing". Metadata: kpi, municipality, municipality_groups.

import { z } from "zod";
import { describeIssues, type FieldProblem } from "../../platform/validation.ts";
import type { Gender } from "../vocabulary.ts";

export type KoladaVersion = "v2" | "v3";

export type KoladaDataRow = {
  kpiId: string;
  municipalityId: string;
  year: number;
  gender: Gender;
  value: number | null;
  status: string | null;
  /** 1-based position of the data item in the file, for row-level errors. */
  row: number;
};
export type KoladaKpi = {
  id: string;
  title: string;
  description: string | null;
  isDividedByGender: boolean;
  publicationDate: string | null;
  operatingArea: string | null;
};
export type KoladaMunicipality = { id: string; title: string; type: string | null };
export type KoladaGroup = { id: string; title: string; members: string[] };

export type KoladaDocument =
  | { kind: "data"; version: KoladaVersion | null; rows: KoladaDataRow[]; next: string | null }
  | { kind: "kpi"; version: KoladaVersion | null; kpis: KoladaKpi[]; next: string | null }
  | { kind: "municipality"; version: KoladaVersion | null; municipalities: KoladaMunicipality[]; next: string | null }
  | { kind: "groups"; version: KoladaVersion | null; groups: KoladaGroup[]; next: string | null }
  | { kind: "empty"; version: KoladaVersion | null; next: string | null };

export type ParseResult = { ok: true; document: KoladaDocument } | { ok: false; problems: FieldProblem[] };

const envelope = z.object({
  values: z.array(z.unknown(), "Filen ska ha en lista values, som Koladas API."),
  count: z.number().int().optional(),
  next_page: z.string().nullish(),
  next_url: z.string().nullish(),
});

const year = z.union(
  [
    z.number().int().min(1900).max(2200),
    z
      .string()
      .regex(/^\d{4}$/)
      .transform(Number),
  ],
  "Perioden ska vara ett årtal, som tal eller text.",
);

const dataItem = z.object({
  kpi: z.string().trim().min(1).max(60),
  municipality: z
    .string()
    .trim()
    .regex(/^\d{4}$|^G\d+$/, "Kommunkoden ska vara fyra siffror."),
  period: year,
  values: z
    .array(
      z.object({
        gender: z.enum(["T", "K", "M"], "Kön ska vara T, K eller M."),
        value: z.number().finite().nullable().optional(),
        status: z.string().nullish(),
        count: z.number().int().nullish(),
      }),
    )
    .max(3),
});

const booleanish = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);

const kpiItem = z.object({
  id: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1),
  description: z.string().nullish(),
  is_divided_by_gender: booleanish.optional(),
  publication_date: z.string().nullish(),
  operating_area: z.string().nullish(),
});

const municipalityItem = z.object({
  id: z.string().regex(/^\d{4}$/, "Kommunkoden ska vara fyra siffror."),
  title: z.string().trim().min(1),
  type: z.string().nullish(),
});

const groupItem = z.object({
  id: z.string().trim().min(1),
  title: z.string().trim().min(1),
  members: z.array(z.union([z.string(), z.object({ id: z.string() }).transform((m) => m.id)])),
});

type Kind = Exclude<KoladaDocument["kind"], "empty">;

function kindOf(item: unknown): Kind | null {
  if (!item || typeof item !== "object") return null;
  const keys = Object.keys(item);
  if (keys.includes("kpi") && keys.includes("values")) return "data";
  if (keys.includes("members")) return "groups";
  if (keys.includes("is_divided_by_gender") || keys.includes("operating_area") || keys.includes("publication_date")) {
    return "kpi";
  }
  if (keys.includes("type") && keys.includes("id")) return "municipality";
  return null;
}

const isoDate = (text: string | null | undefined) =>
  text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;

/** Reads one Kolada JSON response or saved file. */
export function parseKolada(input: unknown): ParseResult {
  const top = envelope.safeParse(input);
  if (!top.success) return { ok: false, problems: describeIssues(top.error) };
  const version: KoladaVersion | null =
    "next_url" in (input as object) ? "v3" : "next_page" in (input as object) ? "v2" : null;
  const next = top.data.next_url ?? top.data.next_page ?? null;
  const items = top.data.values;
  if (items.length === 0) return { ok: true, document: { kind: "empty", version, next } };
  const kind = kindOf(items[0]);
  if (!kind) {
    return {
      ok: false,
      problems: [
        { row: 1, field: "values", message: "Känner inte igen raden som Kolada-data, KPI, kommun eller kommungrupp." },
      ],
    };
  }
  const problems: FieldProblem[] = [];
  const parseEach = <T extends z.ZodType<object>>(schema: T) =>
    items.flatMap((item, i) => {
      const result = schema.safeParse(item);
      if (result.success) return [{ ...(result.data as z.infer<T> & object), row: i + 1 }];
      problems.push(...describeIssues(result.error, i + 1));
      return [];
    });

  let document: KoladaDocument;
  switch (kind) {
    case "data": {
      const rows: KoladaDataRow[] = [];
      const seen = new Set<string>();
      for (const item of parseEach(dataItem)) {
        const row = item.row;
        for (const v of item.values) {
          const key = `${item.kpi}|${item.municipality}|${item.period}|${v.gender}`;
          if (seen.has(key)) {
            problems.push({
              row,
              field: "values.gender",
              message: `Kön ${v.gender} förekommer två gånger för ${item.period}.`,
            });
            continue;
          }
          seen.add(key);
          const value = v.value ?? null;
          const status = v.status ? v.status : value === null ? "Missing" : null;
          rows.push({
            kpiId: item.kpi,
            municipalityId: item.municipality,
            year: item.period,
            gender: v.gender,
            value,
            status,
            row,
          });
        }
      }
      document = { kind, version, rows, next };
      break;
    }
    case "kpi":
      document = {
        kind,
        version,
        next,
        kpis: parseEach(kpiItem).map((k) => ({
          id: k.id,
          title: k.title,
          description: k.description ?? null,
          isDividedByGender: k.is_divided_by_gender ?? false,
          publicationDate: isoDate(k.publication_date),
          operatingArea: k.operating_area ?? null,
        })),
      };
      break;
    case "municipality":
      document = {
        kind,
        version,
        next,
        municipalities: parseEach(municipalityItem).map((m) => ({ id: m.id, title: m.title, type: m.type ?? null })),
      };
      break;
    case "groups":
      document = {
        kind,
        version,
        next,
        groups: parseEach(groupItem).map((g) => ({ id: g.id, title: g.title, members: g.members })),
      };
      break;
  }
  return problems.length ? { ok: false, problems } : { ok: true, document };
}

/** Values written back in Kolada's shape, one item per KPI × municipality × year. */
export function toKoladaData(
  version: KoladaVersion,
  rows: readonly Omit<KoladaDataRow, "row">[],
): Record<string, unknown> {
  const items = new Map<
    string,
    { kpi: string; municipality: string; period: number; values: Record<string, unknown>[] }
  >();
  for (const r of rows) {
    const key = `${r.kpiId}|${r.municipalityId}|${r.year}`;
    const item = items.get(key) ?? { kpi: r.kpiId, municipality: r.municipalityId, period: r.year, values: [] };
    item.values.push({
      gender: r.gender,
      count: r.value === null ? 0 : 1,
      status: r.status ?? (version === "v2" ? "" : null),
      value: r.value,
    });
    items.set(key, item);
  }
  const values = [...items.values()];
  return version === "v2"
    ? { count: values.length, values, next_page: null }
    : { count: values.length, values, next_url: null };
}
