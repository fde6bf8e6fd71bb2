import { z } from "zod";
import { DomainError } from "./errors.ts";

z.config(z.locales.sv());

export type FieldProblem = { field: string; message: string; row?: number };

/** Swedish, field-naming problems from a zod error; `row` is set for file imports. */
export function describeIssues(error: z.ZodError, row?: number): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "(hela värdet)",
    message: issue.message,
    ...(row === undefined ? {} : { row }),
  }));
}

export function problemsToText(problems: FieldProblem[]): string {
  return problems
    .map((p) => `${p.row === undefined ? "" : `Rad ${p.row}: `}Fältet "${p.field}": ${p.message}`)
    .join("; ");
}

/** The refusal of input with these problems: `what` says what was refused, each problem names its field. */
export const validationError = (what: string, problems: FieldProblem[]) =>
  new DomainError("validation", `${what}: ${problemsToText(problems)}`, { problems });

/** A PATCH body must change something: an empty one would become an UPDATE without columns. */
export const nonEmptyPatch = <T extends z.ZodObject>(schema: T): T =>
  schema.refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: "Ange minst ett fält att ändra.",
  });

/**
 * Parses input crossing a boundary, or throws a validation DomainError naming each field. `refusal` heads
 * the message as a whole sentence ("Innehållet är ogiltigt"), so its words can agree with each other.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, refusal = "Indata är ogiltiga"): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(refusal, describeIssues(result.error));
}
