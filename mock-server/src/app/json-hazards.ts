import type { FieldError } from '@gdx/protocol';
import { MAX_FIELD_ERRORS, pointerToken } from './field-errors.js';
import { BODY_ERRORS } from './validation-messages.js';

/**
 * Names of `Object.prototype` members. As object keys they are never data: `JSON.parse` makes
 * `__proto__` an own property that spreads and merges turn into a prototype, and a schema check
 * that looks a key up in a plain object of known properties finds `constructor` or `toString`
 * there and lets the field through as known. Listed, not read from `Object.prototype`, so every
 * runtime refuses the same names.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/**
 * `String.prototype.isWellFormed` (ES2024, in Node 20; the compiler's library is ES2023): false
 * when the text holds a surrogate without its other half, which is not Unicode, so no UTF-8
 * answer can carry it.
 */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Why a key or string value is text the mock refuses, if it is: a lone surrogate or a NUL. */
function badText(text: string): (typeof BODY_ERRORS)['loneSurrogate' | 'nul'] | undefined {
  if (!isWellFormed(text)) return BODY_ERRORS.loneSurrogate;
  return text.includes('\0') ? BODY_ERRORS.nul : undefined;
}

/** The escapes that write a NUL or half of a surrogate pair: `\u0000`, `\uD800`–`\uDFFF`. */
const TEXT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * Whether the keys and strings of a body parsed from `text` may hold a lone surrogate or a NUL,
 * so that {@link jsonHazards} must check them (`text: true`). In JSON text only an escape can
 * write either (JSON refuses a raw NUL, and bytes decoded as UTF-8 hold no lone surrogate); a
 * JavaScript string handed over as the body (`decoded: false`) may hold a raw lone surrogate.
 * A body without escapes (what JavaScript clients send) costs one native scan for `\u`; one whose
 * non-ASCII text is all escaped (Python's `json.dumps`) a regular expression scan, and the walk
 * reads its strings only if a surrogate or NUL escape is there (an emoji is a surrogate pair).
 *
 * @example
 * ```ts
 * mayHoldBadText('{"name":"\\ud800"}', true); // true
 * mayHoldBadText('{"name":"名称"}', true);     // false
 * ```
 */
export function mayHoldBadText(text: string, decoded: boolean): boolean {
  return (text.includes('\\u') && TEXT_ESCAPE.test(text)) || (!decoded && !isWellFormed(text));
}

/** What {@link jsonHazards} checks besides numbers and key names. */
export interface HazardOptions {
  /**
   * Also check the text of keys and string values for lone surrogates and NUL characters; the
   * reader asks for it when {@link mayHoldBadText} says they may be there.
   */
  text?: boolean;
}

/** A container still to visit: its value and how to name it (the parent chain builds the pointer). */
interface Frame {
  value: object;
  parent: Frame | undefined;
  key: string | number;
}

/** RFC 6901 pointer of `key` below `frame` (`~` → `~0`, `/` → `~1`); built only for an error. */
function pointerOf(frame: Frame | undefined, key: string | number): string {
  const parts = [key];
  for (let f = frame; f?.parent !== undefined; f = f.parent) parts.push(f.key);
  return parts.reverse().map((p) => pointerToken(String(p))).join('');
}

/** How deep {@link holdsNone} recurses; a deeper body is left to the walk (which has no depth limit). */
const CLEAN_DEPTH = 64;

/**
 * Whether the walk of {@link jsonHazards} would find nothing in `value`, decided without
 * allocating: `for…in` reads a parsed object's keys from its shape's cache, where the walk makes
 * a key list and a frame per container. Anything it is not sure of (an inherited enumerable key,
 * a body nested deeper than `depth`) answers `false`, and the walk decides.
 */
function holdsNone(value: unknown, text: boolean, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return !text || badText(value) === undefined;
  if (value === null || typeof value !== 'object') return true;
  if (depth === 0) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!holdsNone(value[i], text, depth - 1)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || PROTOTYPE_KEYS.has(key) || (text && badText(key) !== undefined)) return false;
    if (!holdsNone(record[key], text, depth - 1)) return false;
  }
  return true;
}

/**
 * Checks one member of a container `frame`: a number or string now, a container pushed onto
 * `stack` for later. A module function (not a closure made per walk).
 */
function visit(stack: Frame[], errors: FieldError[], text: boolean, frame: Frame, key: string | number, child: unknown): void {
  if (typeof child === 'number') {
    if (!Number.isFinite(child)) errors.push({ pointer: pointerOf(frame, key), ...BODY_ERRORS.notFinite });
  } else if (typeof child === 'string') {
    const bad = text ? badText(child) : undefined;
    if (bad) errors.push({ pointer: pointerOf(frame, key), ...bad });
  } else if (child !== null && typeof child === 'object') stack.push({ value: child, parent: frame, key });
}

/**
 * Field errors for what JSON can carry but no schema should accept: numbers that parsed to
 * `±Infinity` (`1e309`; JSON has no way to write them and `JSON.stringify` turns them into
 * `null`) and keys named after `Object.prototype` members, at any depth; with `text`, also keys
 * and string values holding a lone surrogate (`"\ud800"`: not Unicode, it cannot be encoded as
 * UTF-8 and came back as U+FFFD) or a NUL character (`"\u0000"`: no field of any contract is
 * binary, and C-based tools cut text there), code `INVALID_TEXT`. Walks with an explicit stack,
 * so a deeply nested body cannot overflow the call stack.
 *
 * @example
 * ```ts
 * jsonHazards(JSON.parse('{"size":1e309,"a":[{"__proto__":1}]}'));
 * // → [{ pointer: '/size', code: 'RANGE', … }, { pointer: '/a/0/__proto__', code: 'UNKNOWN_FIELD', … }]
 * jsonHazards(JSON.parse('{"name":"\\ud800"}'), { text: true }); // → [{ pointer: '/name', code: 'INVALID_TEXT', … }]
 * ```
 */
export function jsonHazards(value: unknown, options: HazardOptions = {}): FieldError[] {
  const text = options.text === true;
  // Nearly every body holds nothing to refuse: say so without frames, key lists or pointers.
  if (holdsNone(value, text, CLEAN_DEPTH)) return [];
  const errors: FieldError[] = [];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) errors.push({ pointer: '', ...BODY_ERRORS.notFinite });
    return errors;
  }
  if (typeof value === 'string') {
    const bad = text ? badText(value) : undefined;
    if (bad) errors.push({ pointer: '', ...bad });
    return errors;
  }
  if (value === null || typeof value !== 'object') return errors;
  const stack: Frame[] = [{ value, parent: undefined, key: '' }];
  while (stack.length > 0 && errors.length < MAX_FIELD_ERRORS) {
    const frame = stack.pop() as Frame;
    if (Array.isArray(frame.value)) {
      const items = frame.value as unknown[];
      for (let i = 0; i < items.length; i++) visit(stack, errors, text, frame, i, items[i]);
      continue;
    }
    const record = frame.value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (PROTOTYPE_KEYS.has(key)) errors.push({ pointer: pointerOf(frame, key), ...BODY_ERRORS.prototypeKey });
      const bad = text ? badText(key) : undefined;
      if (bad) errors.push({ pointer: pointerOf(frame, key), ...bad });
      visit(stack, errors, text, frame, key, record[key]);
    }
  }
  if (errors.length === 0) return errors;
  // The walk is depth-first from the end: sorted by pointer, the answer is the same every time.
  return errors.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)).slice(0, MAX_FIELD_ERRORS);
}
