export type DomainErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited";

const statusByCode: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
};

/** A rule broken by the caller; the message is Swedish and meant for the user. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageSv: string,
    readonly details?: unknown,
  ) {
    super(messageSv);
    this.name = "DomainError";
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const forbidden = (what = "Du saknar behörighet för detta.") => new DomainError("forbidden", what);
export const notFound = (what: string) => new DomainError("not_found", `${what} finns inte.`);
