// The session id behind each signed session cookie seen. Checking the cookie's signature (HMAC) and hashing its
// token to the session id cost more than the rest of a signed-in request answered from the session cache, and both
// are fixed for a given cookie, so the result is kept: for a bounded number of cookies, the oldest dropped first.
// Whether the session is alive is still decided on every request (sessionActor), so nothing here needs invalidating.
export class VerifiedCookies {
  readonly #ids = new Map<string, string>();

  /** `verify`: the session id of a validly signed cookie, null for any other. */
  constructor(
    private readonly verify: (raw: string) => string | null,
    private readonly max = 10_000,
  ) {}

  sessionId(raw: string): string | null {
    const held = this.#ids.get(raw);
    if (held !== undefined) return held;
    const id = this.verify(raw);
    if (id === null) return null;
    if (this.#ids.size >= this.max) this.#ids.delete(this.#ids.keys().next().value as string);
    this.#ids.set(raw, id);
    return id;
  }
}
