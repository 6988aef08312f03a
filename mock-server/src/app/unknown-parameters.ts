import type { FieldError } from '@gdx/protocol';
import { closestName, didYouMean } from './did-you-mean.js';
import { pointerToken } from './field-errors.js';

/**
 * Query parameters every operation takes although no contract declares them, and that it ignores:
 * `_`, the cache-buster HTTP tooling appends to a GET (jQuery's `cache: false` sends
 * `_=1700000000000`; other clients copy the name). No filter is spelt `_`, so taking it hides no
 * typo, while refusing it would make such a client unusable against the mock.
 */
export const TOLERATED_QUERY_PARAMETERS: readonly string[] = ['_'];

/**
 * One `UNKNOWN_PARAMETER` field error at `/query/<name>` (JSON-pointer escaped) for each query
 * parameter the operation's contract does not declare nor `ignored` names, in the
 * order they were sent, each naming those it takes. A real platform may ignore an unknown
 * parameter; the mock refuses it, as Stripe's API does ("Received unknown parameter"), so that a
 * misspelt filter (`stat=` for `status=`) is found in testing rather than answered with every item.
 *
 * @example
 * ```ts
 * unknownQueryParameters({ stat: 'accepted' }, 'listApplications', ['limit', 'cursor', 'status']);
 * // → [{ pointer: '/query/stat', code: 'UNKNOWN_PARAMETER', message: { en: 'Unknown query parameter "stat" (did you mean "status"?): listApplications takes limit, cursor, status', … } }]
 * ```
 */
export function unknownQueryParameters(query: Readonly<Record<string, unknown>>, operationId: string, declared: readonly string[], ignored: readonly string[] = TOLERATED_QUERY_PARAMETERS): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of Object.keys(query)) {
    if (declared.includes(name) || ignored.includes(name)) continue;
    const quoted = JSON.stringify(name);
    const en = declared.length === 0 ? `${operationId} takes no query parameters` : `${operationId} takes ${declared.join(', ')}`;
    const zh = declared.length === 0 ? `${operationId} 不接受查询参数` : `${operationId} 仅接受 ${declared.join('、')}`;
    const suggestion = didYouMean(closestName(name, declared));
    errors.push({ pointer: `/query${pointerToken(name)}`, code: 'UNKNOWN_PARAMETER', message: { en: `Unknown query parameter ${quoted}${suggestion.en}: ${en}`, zh: `未知的查询参数 ${quoted}${suggestion.zh}：${zh}` } });
  }
  return errors;
}
