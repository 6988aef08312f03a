/** The most UTF-16 units of body text remembered; past it the memory starts again (a bound, not a cache policy). */
const MAX_CHARS = 4 * 1024 * 1024;

/**
 * Response texts that a schema accepted, by schema key. Validating is a pure function of the
 * schema and the parsed text, so the same text under the same schema passes again: a platform
 * answers many requests with the same text (the same search page in every sandbox of a seed, an
 * unchanged list read again), and 44 % of the bytes a kit run validated against the in-process
 * mock were such repeats. Only passes are remembered: a failing body is validated each time, so
 * its violations are always its own.
 *
 * @example
 * ```ts
 * const passed = new PassedBodies();
 * if (!passed.has(key, res.text) && validate(res.body)) passed.add(key, res.text);
 * ```
 */
export class PassedBodies {
  readonly #texts = new Map<string, Set<string>>();
  #chars = 0;

  /** Whether `text` passed the schema of `key` before. */
  has(key: string, text: string): boolean {
    return this.#texts.get(key)?.has(text) ?? false;
  }

  /** Remembers that `text` passed the schema of `key`. */
  add(key: string, text: string): void {
    if (text.length > MAX_CHARS) return;
    if (this.#chars + text.length > MAX_CHARS) {
      this.#texts.clear();
      this.#chars = 0;
    }
    let texts = this.#texts.get(key);
    if (texts === undefined) this.#texts.set(key, (texts = new Set()));
    if (texts.has(text)) return;
    texts.add(text);
    this.#chars += text.length;
  }
}
