import { utf8Length } from '../sandbox/utf8-length.js';
import { nextTurn } from './next-turn.js';

/**
 * A JSON text in parts, as `jsonInParts` makes it: the parts joined are the text, and
 * `byteLength` is its length in UTF-8 (an answer's `Content-Length`, known before it is sent).
 */
export interface JsonParts {
  readonly parts: readonly string[];
  readonly byteLength: number;
}

/** How `jsonInParts` divides its work. */
export interface JsonPartsOptions {
  /** Serialising runs this long at most before it lets the event loop turn (default 10 ms). */
  sliceMs?: number;
  /** A part is closed once it holds this many UTF-16 units (default 256 Ki): what one socket write takes. */
  partUnits?: number;
  /** A fine clock (default `performance.now`). */
  monotonic?: () => number;
}

const DEFAULT_SLICE_MS = 10;
const DEFAULT_PART_UNITS = 256 * 1024;

/**
 * Plain objects are taken apart down to this depth; below it a value is serialised whole. The
 * large arrays of a sandbox snapshot lie at depths 2–5 (`state.events`,
 * `state.platforms.registration.engine.instances`); an item of an array is always serialised whole.
 */
const MAX_OBJECT_DEPTH = 6;

/**
 * `JSON.stringify(value)`, made a slice at a time so that a large document (a sandbox's export,
 * ~90 MB for 22,000 registration applications) does not hold the event loop for seconds: between
 * slices the process answers other requests (the probes among them). The text is the very one
 * `JSON.stringify` gives — same key order, no spaces — because every piece is `JSON.stringify`'s
 * own: arrays and plain objects (down to `MAX_OBJECT_DEPTH`) are taken apart, each array item and
 * each deeper value is serialised whole. A value with a `toJSON` is serialised whole too (an array
 * item's `toJSON` is called with `''` rather than its index: no value of a snapshot reads it).
 *
 * `value` must not change until the promise settles (serialise a copy, a state no write reaches
 * such as `Sandbox.snapshot`'s, or hold the writes): the text is read from it over several turns.
 *
 * @example
 * ```ts
 * const { parts, byteLength } = await jsonInParts({ items: [{ a: 1 }, { a: 2 }] });
 * parts.join(''); // '{"items":[{"a":1},{"a":2}]}', byteLength 27
 * ```
 */
export async function jsonInParts(value: object, options: JsonPartsOptions = {}): Promise<JsonParts> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const partUnits = options.partUnits ?? DEFAULT_PART_UNITS;
  const monotonic = options.monotonic ?? (() => performance.now());
  const parts: string[] = [];
  let byteLength = 0;
  let pending: string[] = [];
  let pendingUnits = 0;
  const close = (): void => {
    const part = pending.join('');
    pending = [];
    pendingUnits = 0;
    byteLength += utf8Length(part);
    parts.push(part);
  };
  let sliceStart = monotonic();
  const source = takenApart(value, 0) ? pieces(value, 0) : [(JSON.stringify(value) as string | undefined) ?? ''];
  for (const piece of source) {
    pending.push(piece);
    pendingUnits += piece.length;
    if (pendingUnits >= partUnits) close();
    if (monotonic() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => nextTurn(resolve));
      sliceStart = monotonic();
    }
  }
  if (pendingUnits > 0) close();
  return { parts, byteLength };
}

/** Whether `JSON.stringify` would take `value` apart as an array or a plain object (not a boxed primitive, not one with `toJSON`). */
function isContainer(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function' && !(value instanceof Number || value instanceof String || value instanceof Boolean);
}

/** Whether `pieces` takes `value`, found at `depth`, apart. */
function takenApart(value: unknown, depth: number): value is object {
  return isContainer(value) && (depth < MAX_OBJECT_DEPTH || Array.isArray(value));
}

/** The text of `value` in pieces, in order (`value` is one `takenApart`: an array, or a plain object above `MAX_OBJECT_DEPTH`). */
function* pieces(value: object, depth: number): Generator<string> {
  if (Array.isArray(value)) {
    yield '[';
    // `JSON.stringify` writes `null` for an item it cannot serialise (undefined, a function).
    for (let i = 0; i < value.length; i += 1) yield (i === 0 ? '' : ',') + ((JSON.stringify(value[i]) as string | undefined) ?? 'null');
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const prefix = `${first ? '' : ','}${JSON.stringify(key)}:`;
    if (takenApart(item, depth + 1)) {
      yield prefix;
      yield* pieces(item, depth + 1);
    } else {
      // `undefined` for what `JSON.stringify` leaves out of an object (undefined, a function, a symbol).
      const text = JSON.stringify(item) as string | undefined;
      if (text === undefined) continue;
      yield prefix + text;
    }
    first = false;
  }
  yield '}';
}
