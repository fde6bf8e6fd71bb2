// Answers of heavy reads (dashboards, follow-ups, reports) held in memory per user and URL, so that many people —
// or one person refreshing — do not recompute the same figures. Correct only while every change reaches this
// process: any data or auth notice (change-notices.ts) drops everything held, and nothing is held while notices are
// not live. A read that began before a notice is neither kept nor shared. Equal reads at the same time are computed
// once (on PGlite, with one thread for every statement, fifty equal dashboards would otherwise queue behind each
// other for seconds).
import type { AccessEntry } from "../access/log.ts";
import { AUTH_CHANNEL, type ChangeNotices, DATA_CHANNEL } from "../db/change-notices.ts";

/** At most this old, even with notices live: a bound on staleness should a notice ever be lost. */
const MAX_AGE_MS = 30_000;
/** The held answers' JSON, at most: the least recently given out go first. */
const MAX_BYTES = 64 * 2 ** 20;

/** An answer as sent, and the personal-data reads it logged, logged again whenever it is given out. */
export type HeldAnswer = { payload: string; entries: readonly AccessEntry[] };

type Held = { answer: HeldAnswer; at: number };

export class AnswerCache {
  readonly #held = new Map<string, Held>();
  readonly #pending = new Map<string, { epoch: number; answer: Promise<HeldAnswer> }>();
  readonly #notices: ChangeNotices;
  readonly #stops: (() => void)[];
  readonly #now: () => number;
  #bytes = 0;
  // Bumped by every notice: a read that began before one may have read the old state.
  #epoch = 0;

  constructor(notices: ChangeNotices, now: () => number = Date.now) {
    this.#notices = notices;
    this.#now = now;
    const drop = () => {
      this.#epoch += 1;
      this.#held.clear();
      this.#pending.clear();
      this.#bytes = 0;
    };
    this.#stops = [notices.subscribe(DATA_CHANNEL, drop), notices.subscribe(AUTH_CHANNEL, drop)];
  }

  /** The answer held under `key`, if fresh; it becomes the most recently used. */
  get(key: string): HeldAnswer | undefined {
    const held = this.#held.get(key);
    if (!held) return undefined;
    this.#forget(key, held);
    if (this.#now() - held.at > MAX_AGE_MS || !this.#notices.live()) return undefined;
    this.#keep(key, held);
    return held.answer;
  }

  /**
   * Computes the answer through `read`, or joins the same computation begun since the last notice. `fresh` is
   * true for the caller whose `read` ran (its personal-data reads are logged already); joiners must log them.
   */
  async load(key: string, read: () => Promise<HeldAnswer>): Promise<{ answer: HeldAnswer; fresh: boolean }> {
    const epoch = this.#epoch;
    const pending = this.#pending.get(key);
    if (pending?.epoch === epoch) return { answer: await pending.answer, fresh: false };
    const answer = read();
    this.#pending.set(key, { epoch, answer });
    try {
      const value = await answer;
      if (epoch === this.#epoch && this.#notices.live()) this.#keep(key, { answer: value, at: this.#now() });
      return { answer: value, fresh: true };
    } finally {
      if (this.#pending.get(key)?.answer === answer) this.#pending.delete(key);
    }
  }

  close(): void {
    for (const stop of this.#stops) stop();
    this.#held.clear();
    this.#pending.clear();
  }

  #keep(key: string, held: Held): void {
    const bytes = held.answer.payload.length;
    if (bytes > MAX_BYTES) return;
    const old = this.#held.get(key);
    if (old) this.#forget(key, old);
    this.#held.set(key, held);
    this.#bytes += bytes;
    for (const [oldest, h] of this.#held) {
      if (this.#bytes <= MAX_BYTES) break;
      this.#forget(oldest, h);
    }
  }

  #forget(key: string, held: Held): void {
    this.#held.delete(key);
    this.#bytes -= held.answer.payload.length;
  }
}
