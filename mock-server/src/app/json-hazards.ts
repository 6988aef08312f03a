import type { FieldError } from '@gdx/protocol';
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

/** Most field errors reported for one body (as the schema validator reports). */
const MAX_ERRORS = 50;

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
  return parts.reverse().map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Field errors for what JSON can carry but no schema should accept: numbers that parsed to
 * `±Infinity` (`1e309`; JSON has no way to write them and `JSON.stringify` turns them into
 * `null`) and keys named after `Object.prototype` members, at any depth. Walks with an explicit
 * stack, so a deeply nested body cannot overflow the call stack.
 *
 * @example
 * ```ts
 * jsonHazards(JSON.parse('{"size":1e309,"a":[{"__proto__":1}]}'));
 * // → [{ pointer: '/size', code: 'RANGE', … }, { pointer: '/a/0/__proto__', code: 'UNKNOWN_FIELD', … }]
 * ```
 */
export function jsonHazards(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) errors.push({ pointer: '', ...BODY_ERRORS.notFinite });
    return errors;
  }
  if (value === null || typeof value !== 'object') return errors;
  const stack: Frame[] = [{ value, parent: undefined, key: '' }];
  const visit = (frame: Frame, key: string | number, child: unknown): void => {
    if (typeof child === 'number') {
      if (!Number.isFinite(child)) errors.push({ pointer: pointerOf(frame, key), ...BODY_ERRORS.notFinite });
    } else if (child !== null && typeof child === 'object') stack.push({ value: child, parent: frame, key });
  };
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const frame = stack.pop() as Frame;
    if (Array.isArray(frame.value)) {
      const items = frame.value as unknown[];
      for (let i = 0; i < items.length; i++) visit(frame, i, items[i]);
      continue;
    }
    const record = frame.value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (PROTOTYPE_KEYS.has(key)) errors.push({ pointer: pointerOf(frame, key), ...BODY_ERRORS.prototypeKey });
      visit(frame, key, record[key]);
    }
  }
  // The walk is depth-first from the end: sorted by pointer, the answer is the same every time.
  return errors.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)).slice(0, MAX_ERRORS);
}
