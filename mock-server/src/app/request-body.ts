import { readableHeaderValue, type FieldError } from '@gdx/protocol';
import { MAX_FIELD_ERRORS, pointerToken } from './field-errors.js';
import { fieldCountDetail } from './field-count.js';
import { jsonHazards, mayHoldBadText, type HazardOptions } from './json-hazards.js';
import { isJsonType, mediaType } from './media-type.js';
import { BODY_ERRORS } from './validation-messages.js';

/** The parsed body of a JSON operation, or why it was refused. */
export type BodyOutcome =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; text: string }
  /** Not a JSON media type, or JSON declared in a charset other than UTF-8 (an error at `/header/content-type` says which). */
  | { kind: 'unsupported_media_type'; error: FieldError; detail: string }
  | { kind: 'malformed'; error: FieldError; detail: string }
  /** Valid JSON that no schema accepts: non-finite numbers, prototype-named keys, lone surrogates and NULs (`jsonHazards`). */
  | { kind: 'invalid'; errors: FieldError[]; detail: string };

/** How strictly a body is read. */
export interface ReadOptions {
  /**
   * The body is a journal entry an earlier mock acknowledged, being replayed: the checks added
   * since (the charset, the text of keys and strings) are skipped, so that what was acknowledged
   * is rebuilt as it was; a body that cannot be read at all is still refused.
   */
  replaying?: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The names of UTF-8 (RFC 8259: JSON is UTF-8; `utf8` is a common spelling). */
const isUtf8 = (charset: string): boolean => charset === 'utf-8' || charset === 'utf8';

const JSON_TYPE = 'application/json';

/** The hazard walk's two options, made once (not an object per body). */
const CHECK_TEXT: HazardOptions = { text: true };
const SKIP_TEXT: HazardOptions = { text: false };
const CONTENT_TYPE = '/header/content-type';

/** The 415 of a body that is not JSON (`shown`: its content type, quoted readable; `undefined` when none was sent). */
function notJson(shown: string | undefined): BodyOutcome {
  // Without a header there is nothing to quote, so each language says so in its own words.
  const got = shown === undefined ? { en: 'got no content type', zh: '请求未声明 Content-Type' } : { en: `got ${shown}`, zh: `收到 ${shown}` };
  return {
    kind: 'unsupported_media_type',
    detail: `expected ${JSON_TYPE}, ${got.en}`,
    error: { pointer: CONTENT_TYPE, code: 'UNSUPPORTED_MEDIA_TYPE', message: { en: `The body must be ${JSON_TYPE} (or a +json type); ${got.en}`, zh: `请求体须为 ${JSON_TYPE}（或 +json 类型）；${got.zh}` } },
  };
}

/** The 415 of JSON declared in another charset (`shown`: `charset=gbk`). */
function notUtf8(shown: string): BodyOutcome {
  return {
    kind: 'unsupported_media_type',
    detail: `JSON bodies must be UTF-8; ${shown} is not accepted`,
    error: {
      pointer: CONTENT_TYPE,
      code: 'UNSUPPORTED_CHARSET',
      message: {
        en: `JSON bodies must be UTF-8 (RFC 8259): send no charset or charset=utf-8, and encode the body in UTF-8; got ${shown}`,
        zh: `JSON 请求体须为 UTF-8 编码（RFC 8259）：请不声明 charset 或声明 charset=utf-8，并以 UTF-8 编码请求体；收到 ${shown}`,
      },
    },
  };
}

/** `Content-Encoding` values that leave the body as it is (RFC 9110 §8.4.1: `identity` is no coding). */
const NO_CODING = /^[\t ]*(identity[\t ]*)?$/i;

/**
 * The 415 of a body sent with a content coding (`Content-Encoding: gzip`, `br`, …), or
 * `undefined` for none or `identity`. The mock decodes none: a gzip body was read as bytes and
 * refused as "not valid UTF-8", and a body labelled `br` but sent plain was taken as it was, where
 * a platform would decode it or refuse it (RFC 9110 §8.4.1: 415).
 *
 * @example
 * ```ts
 * unsupportedCoding('gzip')?.kind; // 'unsupported_media_type'
 * unsupportedCoding(undefined); // undefined
 * ```
 */
export function unsupportedCoding(contentEncoding: string | undefined): Extract<BodyOutcome, { kind: 'unsupported_media_type' }> | undefined {
  if (contentEncoding === undefined || NO_CODING.test(contentEncoding)) return undefined;
  const shown = readableHeaderValue(contentEncoding);
  return {
    kind: 'unsupported_media_type',
    detail: `request bodies are taken without a content coding; Content-Encoding: ${shown} is not accepted`,
    error: {
      pointer: '/header/content-encoding',
      code: 'UNSUPPORTED_CONTENT_ENCODING',
      message: { en: `Send the body uncompressed, without Content-Encoding (or with identity); got ${shown}`, zh: `请求体须不经压缩发送，不带 Content-Encoding（或为 identity）；收到 ${shown}` },
    },
  };
}

/**
 * Reads the body of an operation that takes JSON: empty → none; another media type, or JSON in a
 * charset other than UTF-8 → 415; bytes that are not UTF-8 or text that is not JSON → malformed
 * (400); a number that parsed to ±Infinity, a key named after an `Object.prototype` member, or a
 * key or string holding a lone surrogate or a NUL, at any depth → invalid (400 with a field error
 * for each), before any schema or handler sees the value.
 *
 * @example
 * ```ts
 * readJsonBody('{"a":1}', 'application/json'); // { kind: 'json', value: { a: 1 }, text: '{"a":1}' }
 * ```
 */
export function readJsonBody(body: Uint8Array | string | undefined, contentType: string | undefined, options: ReadOptions = {}): BodyOutcome {
  if (body === undefined || body.length === 0) return { kind: 'none' };
  if (!contentType) return notJson(undefined);
  // What nearly every client sends skips the parsing of parameters.
  if (contentType !== JSON_TYPE) {
    const { type, charset } = mediaType(contentType);
    if (!isJsonType(type)) return notJson(readableHeaderValue(contentType));
    if (charset !== undefined && !isUtf8(charset) && !options.replaying) return notUtf8(`charset=${readableHeaderValue(charset)}`);
  }
  let text: string;
  try {
    text = typeof body === 'string' ? body : decoder.decode(body);
  } catch {
    return { kind: 'malformed', error: { pointer: '', ...BODY_ERRORS.notUtf8 }, detail: 'the body is not valid UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed', error: { pointer: '', ...BODY_ERRORS.malformed }, detail: 'the body is not valid JSON' };
  }
  const errors = jsonHazards(value, !options.replaying && mayHoldBadText(text, typeof body !== 'string') ? CHECK_TEXT : SKIP_TEXT);
  if (errors.length > 0) return { kind: 'invalid', errors, detail: fieldCountDetail(errors) };
  return { kind: 'json', value, text };
}

const NOT_READ = { en: 'This operation takes no request body: the field is not read', zh: '该接口不接受请求体：此字段不会被读取' };

/**
 * The refusal of a body sent to a write whose contract takes none (`POST …/reset`, the
 * simulation API's `DELETE`s), or `undefined` for no body, `{}` or `null`, which HTTP tooling sends
 * with a bodiless POST. Anything else was ignored, so `{"seed": 9}` on a reset reset the sandbox with
 * its old seed, and a body that is not JSON at all was taken: now each member is an
 * `UNKNOWN_FIELD` at its pointer, another value a `BODY_NOT_ALLOWED` at `""`, and a body that is
 * not JSON (or not of a JSON type) is refused as any other body is.
 *
 * @example
 * ```ts
 * bodyNotTaken('{"seed":9}', 'application/json'); // { kind: 'invalid', errors: [{ pointer: '/seed', code: 'UNKNOWN_FIELD', … }], … }
 * bodyNotTaken('{}', 'application/json'); // undefined
 * ```
 */
export function bodyNotTaken(body: Uint8Array | string, contentType: string | undefined): Exclude<BodyOutcome, { kind: 'none' | 'json' }> | undefined {
  const read = readJsonBody(body, contentType);
  if (read.kind === 'none') return undefined;
  if (read.kind !== 'json') return read;
  const { value } = read;
  if (value === null) return undefined;
  const isObject = typeof value === 'object' && !Array.isArray(value);
  const names = isObject ? Object.keys(value) : [];
  if (isObject && names.length === 0) return undefined;
  const errors: FieldError[] = isObject
    ? names.slice(0, MAX_FIELD_ERRORS).map((name) => ({ pointer: pointerToken(name), code: 'UNKNOWN_FIELD', message: NOT_READ }))
    : [{ pointer: '', code: 'BODY_NOT_ALLOWED', message: { en: 'This operation takes no request body: send none (or {})', zh: '该接口不接受请求体：请不发送请求体（或发送 {}）' } }];
  return { kind: 'invalid', errors, detail: 'this operation takes no request body' };
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
