import { z } from "zod";
import { DomainError } from "./errors.ts";
import { plainSwedish, UNKNOWN_FIELD } from "./plain-swedish.ts";

// Every issue gets a plain Swedish message (zod's locales speak like a validator); a schema's own message wins.
z.config({ customError: plainSwedish });

/**
 * `field` is the input's path (for a form to find its input); `label` is what a person calls it, as the
 * schema names it with `labelled()`; messages show the label, or the path while a schema has none.
 */
export type FieldProblem = { field: string; message: string; row?: number; label?: string };

/** Names a field for people: validation messages say "Beslutsdatum: …", not "decisionDate". */
export const labelled = <T extends z.ZodType>(schema: T, label: string): T => schema.meta({ title: label });

/** Path parameters naming one record by its id; `label` names the thing ("Beslutets id"). */
export const idParams = (label: string) => z.object({ id: labelled(z.uuid(), label) });

/** The schema of one position in the input (object key or array index), through wrappers. */
function child(schema: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  let s = schema;
  for (let guard = 0; s && guard < 20; guard++) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case "object": {
        // Own keys only: an unknown field named "toString" must not find Object.prototype's.
        const shape = def.shape as Record<string, z.ZodType>;
        return Object.hasOwn(shape, String(key)) ? shape[String(key)] : undefined;
      }
      case "array":
        return typeof key === "number" ? (def.element as z.ZodType) : undefined;
      case "record":
        return def.valueType as z.ZodType;
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "readonly":
      case "catch":
      case "nonoptional":
        s = def.innerType as z.ZodType;
        break;
      case "pipe":
        s = def.in as z.ZodType;
        break;
      case "union":
        return (def.options as z.ZodType[]).map((o) => child(o, key)).find(Boolean);
      case "intersection":
        return child(def.left as z.ZodType, key) ?? child(def.right as z.ZodType, key);
      default:
        return undefined;
    }
  }
  return undefined;
}

/** The label of a schema, looking through wrappers (an optional labelled field keeps its label). */
export function labelOf(schema: z.ZodType | undefined): string | undefined {
  let s = schema;
  for (let guard = 0; s && guard < 20; guard++) {
    const label = (s.meta() as { title?: string } | undefined)?.title;
    if (label) return label;
    const def = s._zod.def as unknown as Record<string, unknown>;
    s = (def.innerType ?? def.in) as z.ZodType | undefined;
  }
  return undefined;
}

/**
 * How a person names the position `path` in input parsed by `schema`: each labelled step, array positions
 * counted from 1 ("Erbjudanden, rad 2 – Datum"). Undefined when a step has no label.
 */
export function pathLabel(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  const parts: string[] = [];
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    s = child(s, key);
    if (typeof key === "number") {
      parts[parts.length - 1] = parts.length ? `${parts.at(-1)}, rad ${key + 1}` : `Rad ${key + 1}`;
      continue;
    }
    const label = labelOf(s);
    if (!label) return undefined;
    parts.push(label);
  }
  return parts.length ? parts.join(" – ") : undefined;
}

/**
 * Like pathLabel, but never undefined for a non-empty path: a step without a label is named by its key
 * ("Erbjudanden, rad 2 – fältet "note""), so a message never shows a dotted path like `offers.1.note`.
 */
function pathName(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    s = child(s, key);
    if (typeof key === "number") {
      parts[parts.length - 1] = parts.length ? `${parts.at(-1)}, rad ${key + 1}` : `Rad ${key + 1}`;
      continue;
    }
    parts.push(labelOf(s) ?? `${parts.length ? "fältet" : "Fältet"} "${String(key)}"`);
  }
  return parts.join(" – ");
}

/**
 * Swedish, field-naming problems from a zod error; `row` is set for file imports. With the `schema`, each
 * problem is named by its labels, and an unknown field becomes a problem of its own, named by where it was.
 */
export function describeIssues(error: z.ZodError, row?: number, schema?: z.ZodType): FieldProblem[] {
  const problem = (path: readonly PropertyKey[], message: string): FieldProblem => {
    const label = schema && path.length ? (pathLabel(schema, path) ?? pathName(schema, path)) : undefined;
    return {
      field: path.length ? path.join(".") : WHOLE,
      message,
      ...(label ? { label } : {}),
      ...(row === undefined ? {} : { row }),
    };
  };
  return error.issues.flatMap((issue) =>
    schema && issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => problem([...issue.path, key], UNKNOWN_FIELD))
      : [problem(issue.path, issue.message)],
  );
}

/**
 * Labels problems found by rules (after parsing) by the input schema their fields come from, so a refusal by
 * a rule names the field as a schema refusal does.
 */
export function labelledProblems(schema: z.ZodType, problems: FieldProblem[]): FieldProblem[] {
  return problems.map((p) => {
    if (p.label || p.field === WHOLE) return p;
    const label = pathLabel(
      schema,
      p.field.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
    );
    return label ? { ...p, label } : p;
  });
}

const WHOLE = "(hela värdet)";

/** "Beslutsdatum: saknas."; a problem of the whole input is its message alone, capitalised. */
function problemText(p: FieldProblem): string {
  if (p.field === WHOLE && !p.label) return p.message.charAt(0).toUpperCase() + p.message.slice(1);
  return `${p.label ?? `Fältet "${p.field}"`}: ${p.message}`;
}

/** The problems as sentences: "Beslutsdatum: saknas. Rad 3: Belopp: måste vara ett tal." */
export function problemsToText(problems: FieldProblem[]): string {
  return problems
    .map((p) => `${p.row === undefined ? "" : `Rad ${p.row}: `}${problemText(p)}`.replace(/(?<![.!?])$/, "."))
    .join(" ");
}

/**
 * The refusal of input with these problems: `heading` says what was refused, each problem names its field.
 * The message holds it all (for API and CLI users); details repeat heading and problems apart, so a page can
 * show the heading once with the problems as a list.
 */
export const validationError = (heading: string, problems: FieldProblem[]) =>
  new DomainError("validation", `${heading}: ${problemsToText(problems)}`, { heading, problems });

/** A PATCH body must change something: an empty one would become an UPDATE without columns. */
export const nonEmptyPatch = <T extends z.ZodObject>(schema: T): T =>
  schema.refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: "Ange minst ett fält att ändra.",
  });

const strictCache = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema with every plain object in it refusing keys it does not declare (zod's strict mode), for input
 * from outside: a misspelt or unsupported field ("decidedBy") is refused by name instead of dropped silently.
 * The opt-outs are explicit in the schema: `z.looseObject` (keeps unknown keys), `z.record` and `z.unknown`
 * (any keys) stay as they are. Wrappers, checks, defaults and labels are kept; shared parts convert once.
 */
export function strictInput<T extends z.ZodType>(schema: T): T {
  const cached = strictCache.get(schema);
  if (cached) return cached as T;
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const strict = <S>(s: S) => strictInput(s as z.ZodType) as S;
  let changed: Record<string, unknown> | null = null;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      changed = {
        shape: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strict(v)])),
        // An explicit catchall (looseObject's unknown, strictObject's never) is the schema's own choice.
        catchall: def.catchall ?? z.never(),
      };
      break;
    }
    case "array":
      changed = { element: strict(def.element) };
      break;
    case "record":
      changed = { valueType: strict(def.valueType) };
      break;
    case "tuple":
      changed = { items: (def.items as z.ZodType[]).map(strict), rest: def.rest ? strict(def.rest) : def.rest };
      break;
    case "union":
      changed = { options: (def.options as z.ZodType[]).map(strict) };
      break;
    case "intersection":
      changed = { left: strict(def.left), right: strict(def.right) };
      break;
    case "pipe":
      // What the caller sent is the pipe's input; after a preprocess step (a transform) it is the output.
      changed = (def.in as z.ZodType)._zod.def.type === "transform" ? { out: strict(def.out) } : { in: strict(def.in) };
      break;
    case "lazy": {
      const getter = def.getter as () => z.ZodType;
      changed = { getter: () => strict(getter()) };
      break;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      changed = { innerType: strict(def.innerType) };
      break;
  }
  const result = changed && !sameParts(def, changed) ? withDef(schema, { ...def, ...changed }) : schema;
  strictCache.set(schema, result);
  return result;
}

/** Whether every part in `changed` is the very schema (or list or shape of them) the definition already has. */
function sameParts(def: Record<string, unknown>, changed: Record<string, unknown>): boolean {
  return Object.entries(changed).every(([key, value]) => {
    const old = def[key];
    if (Array.isArray(value) && Array.isArray(old)) return value.every((v, i) => v === old[i]);
    if (key === "shape") {
      return Object.entries(value as object).every(([k, v]) => v === (old as Record<string, unknown>)[k]);
    }
    return value === old;
  });
}

/**
 * A copy of the schema over another definition, keeping its label. Not zod's `parent` link: that would make
 * the OpenAPI document describe the copy as a reference to the original.
 */
function withDef<T extends z.ZodType>(schema: T, def: unknown): T {
  const copy = schema.clone(def as T["_zod"]["def"]) as T;
  const meta = z.globalRegistry.get(schema);
  if (meta) z.globalRegistry.add(copy, meta);
  return copy;
}

/**
 * Parses input crossing a boundary, or throws a validation DomainError naming each field. `refusal` heads
 * the message as a whole sentence ("Innehållet är ogiltigt"), so its words can agree with each other.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, refusal = "Indata är ogiltiga"): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(refusal, describeIssues(result.error, undefined, schema));
}
