import { ResponseNotJsonError, type NotJsonReason } from '../errors/response-not-json-error.js';
import type { TransportResponse } from '../transport/types.js';

/** `application/json` and the structured `…/…+json` types (`application/ld+json` of the DCAT export). */
const JSON_MEDIA_TYPE = /^[\w.-]+\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * The data of a 2xx answer. When the operation declares a JSON body (`jsonDeclared`), anything
 * else is {@link ResponseNotJsonError}: an empty body, a content type that is not JSON (a captive
 * portal's `text/html` page), or JSON that does not parse — resolving with that text, typed as the
 * resource, only moved the failure to the caller's first field access. Otherwise an empty body is
 * `undefined` and a non-JSON one its text, unless its content type claims JSON; a 206 (the byte
 * range a `Range` header asked of a file) is its text as it came, never parsed: its `Content-Type`
 * is the whole file's, and a piece of a JSON file is no JSON.
 */
export function decodeBody(operationId: string, res: TransportResponse, jsonDeclared: boolean): unknown {
  if (res.status === 206 && !jsonDeclared) return res.body;
  const contentType = res.headers.get('content-type');
  if (res.body === '') {
    if (jsonDeclared) throw notJson(operationId, res, contentType, 'empty');
    return undefined;
  }
  // A body without a content type is judged by whether it parses.
  if (jsonDeclared && contentType !== null && !isJsonType(contentType)) throw notJson(operationId, res, contentType, 'content-type');
  try {
    return JSON.parse(res.body);
  } catch (cause) {
    if (jsonDeclared || (contentType !== null && isJsonType(contentType))) throw notJson(operationId, res, contentType, 'invalid', cause);
    return res.body;
  }
}

const isJsonType = (contentType: string): boolean => JSON_MEDIA_TYPE.test(contentType.trim());

// Built only on a failure: every successful call of every SDK goes through `decodeBody`.
function notJson(operationId: string, res: TransportResponse, contentType: string | null, reason: NotJsonReason, cause?: unknown): ResponseNotJsonError {
  return new ResponseNotJsonError({ operationId, status: res.status, contentType, body: res.body, reason }, cause === undefined ? undefined : { cause });
}
