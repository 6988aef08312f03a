import type { FieldError, LocalizedMessage } from '@gdx/protocol';

/**
 * The members of a 404 `NOT_FOUND` for an id that names nothing the caller may see: a `detail`
 * and one `NOT_FOUND` field error at `pointer` (`/path/<param>` for a path parameter) whose zh/en
 * messages name the kind and the id, so a client is told which parameter to fix. Another
 * organisation's object gets the same answer as a missing one (its existence is not revealed).
 *
 * @param pointer where the id was sent: `/path/applicationId`, or a body member such as `/noticeId`
 * @param kind what the id names, for the messages: `{ zh: '申请', en: 'application' }`
 * @param id the id as the client sent it
 * @param detail the problem's `detail`; `no <kind> <id>` unless given
 * @example
 * ```ts
 * throw new PlatformProblem('NOT_FOUND', unknownId('/path/grantId', { zh: '授权', en: 'grant' }, 'grt_1'));
 * // errors: [{ pointer: '/path/grantId', code: 'NOT_FOUND', message: { zh: '没有该授权：grt_1', en: 'There is no grant grt_1' } }]
 * ```
 */
export function unknownId(pointer: string, kind: LocalizedMessage, id: string, detail = `no ${kind.en} ${id}`): { detail: string; errors: FieldError[] } {
  return { detail, errors: [{ pointer, code: 'NOT_FOUND', message: { zh: `没有该${kind.zh}：${id}`, en: `There is no ${kind.en} ${id}` } }] };
}
