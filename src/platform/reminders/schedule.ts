// When the reminder job tries again and when a weekly digest may go out. Pure.

/** Attempts before a reminder's mail is given up (status failed); about a day of tries with the backoff below. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;
/** A weekly digest goes out at most once in this long. */
export const DIGEST_INTERVAL_MS = 7 * 24 * 60 * 60_000;

/** The wait after the `attempts`-th failed try: 5 min, 10, 20 … doubling, at most 6 h. */
export const retryDelayMs = (attempts: number) =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);

/** A weekly digest may go out when no mail reached the user in the last seven days. */
export const digestDue = (lastSentAt: Date | null, now: Date) =>
  lastSentAt === null || now.getTime() - lastSentAt.getTime() >= DIGEST_INTERVAL_MS;
