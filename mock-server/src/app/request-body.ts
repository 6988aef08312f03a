import type { FieldError } from '@gdx/protocol';
import { jsonHazards } from './json-hazards.js';
import { BODY_ERRORS } from './validation-messages.js';

/** The parsed body of a JSON operation, or why it was refused. */
export type BodyOutcome =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; text: string }
  | { kind: 'unsupported_media_type'; contentType: string }
  | { kind: 'malformed'; error: FieldError }
  /** Valid JSON that no schema accepts: non-finite numbers, prototype-named keys (`jsonHazards`). */
  | { kind: 'invalid'; errors: FieldError[]; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** `application/json` or any `+json` type, parameters ignored. */
function isJsonType(contentType: string): boolean {
  if (contentType === 'application/json') return true; // what nearly every client sends: no split, trim or case folding
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Reads the body of an operation that takes JSON: empty → none; another media type → 415;
 * not UTF-8 or not JSON → malformed (400); a number that parsed to ±Infinity or a key named after
 * an `Object.prototype` member, at any depth → invalid (400 with a field error for each), before
 * any schema or handler sees the value.
 *
 * @example
 * ```ts
 * readJsonBody('{"a":1}', 'application/json'); // { kind: 'json', value: { a: 1 }, text: '{"a":1}' }
 * ```
 */
export function readJsonBody(body: Uint8Array | string | undefined, contentType: string | undefined): BodyOutcome {
  if (body === undefined || body.length === 0) return { kind: 'none' };
  if (!contentType || !isJsonType(contentType)) return { kind: 'unsupported_media_type', contentType: contentType ?? '' };
  let text: string;
  try {
    text = typeof body === 'string' ? body : decoder.decode(body);
  } catch {
    return { kind: 'malformed', error: { pointer: '', ...BODY_ERRORS.malformed } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed', error: { pointer: '', ...BODY_ERRORS.malformed } };
  }
  const errors = jsonHazards(value);
  if (errors.length > 0) return { kind: 'invalid', errors, detail: `${errors.length} ${errors.length === 1 ? 'field is' : 'fields are'} invalid` };
  return { kind: 'json', value, text };
}

/**
 * Splits a raw query string into a record; a repeated name gives an array.
 *
 * @example
 * ```ts
 * parseQuery('limit=5&facet=a&facet=b'); // { limit: '5', facet: ['a', 'b'] }
 * ```
 */
export function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (query === '') return out;
  for (const [name, value] of new URLSearchParams(query)) {
    const known = out[name];
    out[name] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value];
  }
  return out;
}
