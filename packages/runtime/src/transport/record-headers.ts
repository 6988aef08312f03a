import type { HeaderReader } from './types.js';

/**
 * A {@link HeaderReader} over undici's lower-case header record, without copying it into a
 * WHATWG `Headers` (that copy would cost more than the rest of the response handling).
 */
export class RecordHeaders implements HeaderReader {
  readonly #record: Record<string, string | string[] | undefined>;

  constructor(record: Record<string, string | string[] | undefined>) {
    this.#record = record;
  }

  get(name: string): string | null {
    const value = this.#record[name] ?? this.#record[name.toLowerCase()];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }
}
