import { readableHeaderValue } from '@gdx/protocol';
import { byteRangeOf } from './byte-range.js';
import { attachmentDisposition } from './content-disposition.js';
import { etagMatches, etagMatchesStrongly } from './etag.js';
import { imfFixdate, parseHttpDate } from './http-date.js';
import type { OperationContext, OperationResult } from './platform-module.js';

/** A file as a server keeps it: its bytes and what describes them. */
export interface ServedFile {
  /** The representation's bytes (text as UTF-8). */
  readonly bytes: Uint8Array;
  readonly contentType: string;
  /**
   * The `Content-Type` of a byte range of it (a 206): the file's own, unless a piece of the file
   * would claim a structure it lacks — a piece of a JSON document is no JSON, and clients and
   * validating proxies that parse every `application/json` body (Prism 5) fail on it; such a file's
   * parts go as `application/octet-stream`. RFC 9110 asks no type of a single-part 206, and a cache
   * combining parts after a 200 keeps the 200's header fields (§15.3.7.3).
   */
  readonly partContentType: string;
  /** A strong entity tag of `bytes` (`strongEtag`). */
  readonly etag: string;
  /** The name it is saved under (`Content-Disposition`). */
  readonly fileName: string;
}

/** What of the request a file's answer reads. */
type FileRequest = Pick<OperationContext<unknown>, 'method' | 'headers' | 'problem'>;

/**
 * The answer to a `GET` (or `HEAD`) of a file, as a file server gives it (RFC 9110): `ETag` and
 * `Last-Modified` (`modifiedMs`, sent in whole seconds), `Content-Disposition: attachment`,
 * `Accept-Ranges: bytes`; 412 `PRECONDITION_FAILED` with the validators when the file is no longer
 * the version the client names (`If-Match`, strong comparison; else `If-Unmodified-Since`); 304
 * with the validators and no body when the client's copy is current (`If-None-Match`, weak
 * comparison; else `If-Modified-Since`), each in §13.2.2's order; 206 with
 * `Content-Range` and exactly the bytes of a single `bytes` range of a `GET` (`byteRangeOf`),
 * typed `partContentType`, unless an `If-Range` names another version (strong comparison, or a
 * date other than `Last-Modified`: the whole file then); 416 `RANGE_NOT_SATISFIABLE`, its
 * `Content-Range` giving the length (`bytes *` then `/` and the length), for a range the file does
 * not have. The caller decides first whether the file may be read at all: conditions and ranges
 * are looked at only for a request that would otherwise get the whole file.
 *
 * @example
 * ```ts
 * const csv = 'text/csv; charset=utf-8';
 * const file = { bytes, contentType: csv, partContentType: csv, etag: strongEtag(bytes), fileName: 'a.csv' };
 * fileAnswer(ctx, file, Date.parse('2025-09-01T10:00:00+08:00')).status; // 200, 206, 304, 412 or 416
 * ```
 */
export function fileAnswer(request: FileRequest, file: ServedFile, modifiedMs: number): OperationResult {
  const headers = request.headers ?? {};
  const lastModified = Math.floor(modifiedMs / 1000) * 1000;
  const validators = { etag: file.etag, 'last-modified': imfFixdate(lastModified) };
  const failed = failedPrecondition(headers, file.etag, lastModified);
  if (failed !== undefined) return preconditionFailed(request, failed, validators);
  if (isCurrent(headers, file.etag, lastModified)) return { status: 304, headers: validators };
  const described = { ...validators, 'content-type': file.contentType, 'content-disposition': attachmentDisposition(file.fileName), 'accept-ranges': 'bytes' };
  const { length } = file.bytes;
  // Ranges are defined for GET only (RFC 9110 §14.2): a HEAD describes the whole file.
  const asked = request.method === 'GET' && sameVersion(headers['if-range'], file.etag, lastModified) ? headers.range : undefined;
  const range = byteRangeOf(asked, length);
  if (range.kind === 'whole') return { status: 200, bytes: file.bytes, headers: described };
  if (range.kind === 'part') {
    const { first, last } = range;
    const headers = { ...described, 'content-type': file.partContentType, 'content-range': `bytes ${first}-${last}/${length}` };
    return { status: 206, bytes: file.bytes.subarray(first, last + 1), headers };
  }
  const shown = readableHeaderValue(asked ?? '');
  return request.problem('RANGE_NOT_SATISFIABLE', {
    detail: `文件共 ${length} 字节，请求的范围 ${shown} 不在其中 / the file has ${length} bytes; the range ${shown} lies outside them`,
    errors: [{ pointer: '/header/range', code: 'RANGE_NOT_SATISFIABLE', message: { zh: `请求的字节范围须从文件的 ${length} 个字节之内开始`, en: `The range must start within the file's ${length} bytes` } }],
    headers: { 'content-range': `bytes */${length}` },
  });
}

/** The precondition header a request names a version by, and its value. */
interface Precondition {
  readonly name: 'if-match' | 'if-unmodified-since';
  readonly value: string;
}

/**
 * The precondition the file fails (412), if any (RFC 9110 §13.2.2, steps 1–2): `If-Match` when it
 * is sent — it fails unless it is `*` or lists the entity tag (strong comparison, §13.1.1); only
 * without it `If-Unmodified-Since`, which fails when the file changed after its date, and is
 * ignored when it is no valid HTTP-date (§13.1.4).
 */
function failedPrecondition(headers: Readonly<Record<string, string>>, etag: string, lastModified: number): Precondition | undefined {
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) return etagMatchesStrongly(ifMatch, etag) ? undefined : { name: 'if-match', value: ifMatch };
  const since = headers['if-unmodified-since'];
  if (since === undefined) return undefined;
  const date = parseHttpDate(since);
  return date !== undefined && lastModified > date ? { name: 'if-unmodified-since', value: since } : undefined;
}

/**
 * The 412 for a failed precondition: problem+json at the header that failed, with the file's
 * current `ETag` and `Last-Modified`, so the client sees which version it now is.
 */
function preconditionFailed(request: FileRequest, failed: Precondition, validators: { etag: string; 'last-modified': string }): OperationResult {
  const shown = readableHeaderValue(failed.value);
  const { etag, 'last-modified': lastModified } = validators;
  const { detail, message } =
    failed.name === 'if-match'
      ? {
          detail: `文件当前的 ETag 为 ${etag}，If-Match: ${shown} 未列出它 / the file's current ETag is ${etag}; If-Match: ${shown} does not list it`,
          message: { zh: `If-Match 须为 * 或列出文件当前的强 ETag ${etag}（弱标签从不匹配）`, en: `If-Match must be * or list the file's current strong ETag ${etag} (a weak tag never matches)` },
        }
      : {
          detail: `文件于 ${lastModified} 修改，晚于 If-Unmodified-Since: ${shown} / the file was modified at ${lastModified}, after If-Unmodified-Since: ${shown}`,
          message: { zh: `文件于 ${lastModified} 修改，晚于该时间`, en: `The file was modified at ${lastModified}, after this date` },
        };
  return request.problem('PRECONDITION_FAILED', {
    detail,
    errors: [{ pointer: `/header/${failed.name}`, code: 'PRECONDITION_FAILED', message }],
    headers: validators,
  });
}

/**
 * Whether the client's copy is current (304): `If-None-Match` names the entity tag or is `*`;
 * without it, `If-Modified-Since` is a valid date not before the last modification (RFC 9110 §13.2.2).
 */
function isCurrent(headers: Readonly<Record<string, string>>, etag: string, lastModified: number): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
  const since = headers['if-modified-since'];
  const date = since === undefined ? undefined : parseHttpDate(since);
  return date !== undefined && lastModified <= date;
}

/**
 * Whether an `If-Range` allows the range (RFC 9110 §13.1.5): absent, or naming this version — the
 * entity tag by strong comparison (a weak tag never matches), or exactly the `Last-Modified` date.
 */
function sameVersion(ifRange: string | undefined, etag: string, lastModified: number): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag;
  return parseHttpDate(value) === lastModified;
}
