// Signed-in requests resolve their session, account and roles from memory for a few seconds instead of one query
// each. Correct only while every change to those reaches this process: the database's change notices (migration
// 1030) clear the whole cache, and nothing is held while the notices are not live.
import { AUTH_CHANNEL, type ChangeNotices } from "../db/change-notices.ts";

/** At most this old, even with notices live: a bound on staleness should a notice ever be lost. */
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Held<T> = { value: T; key: string; at: number };

export class SessionCache<T> {
  readonly #held = new Map<string, Held<T>>();
  readonly #notices: ChangeNotices | null;
  readonly #stop: () => void;
  readonly #now: () => number;
  // Bumped by every notice: a read that began before one may have read the old state and is not kept.
  #epoch = 0;

  constructor(notices: ChangeNotices | null, now: () => number = Date.now) {
    this.#notices = notices;
    this.#now = now;
    this.#stop =
      notices?.subscribe(AUTH_CHANNEL, () => {
        this.#epoch += 1;
        this.#held.clear();
      }) ?? (() => {});
  }

  /** The value held for `id` under `key` (e.g. today's date, which decides which roles are valid), if fresh. */
  get(id: string, key: string): T | undefined {
    const held = this.#held.get(id);
    if (!held) return undefined;
    if (held.key !== key || this.#now() - held.at > MAX_AGE_MS || !this.#notices?.live()) {
      this.#held.delete(id);
      return undefined;
    }
    return held.value;
  }

  /** Reads through `load` and holds the answer, unless a notice came while it was read. */
  async load(id: string, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const epoch = this.#epoch;
    const value = await load();
    if (value === undefined || epoch !== this.#epoch || !this.#notices?.live()) return value;
    if (this.#held.size >= MAX_ENTRIES) this.#held.delete(this.#held.keys().next().value as string);
    this.#held.set(id, { value, key, at: this.#now() });
    return value;
  }

  close(): void {
    this.#stop();
    this.#held.clear();
  }
}
