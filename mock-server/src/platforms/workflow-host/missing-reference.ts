import { PlatformProblem } from '../../app/platform-problem.js';

/** What a reference names, for the message: `{ zh: '数据资源', en: 'data resource' }`. */
export interface ReferencedKind {
  zh: string;
  en: string;
}

/** A catalog entry, as a sharing request, a quality issue or a data objection names it. */
export const DATA_RESOURCE: ReferencedKind = { zh: '数据资源', en: 'data resource' };

/**
 * A body member naming an object the platform does not know (or does not show the caller): 404
 * `NOT_FOUND` with a `NOT_FOUND` field error at `pointer`, so the client is told which member to
 * fix. A path id needs no pointer (the path is the object); a member of a body does, like any
 * other refusal of a field.
 *
 * @example
 * ```ts
 * if (!entry) throw missingReference('/entryId', `no published catalog resource ${id}`, { zh: '数据资源', en: 'data resource' });
 * ```
 */
export function missingReference(pointer: string, detail: string, kind: ReferencedKind): PlatformProblem {
  return new PlatformProblem('NOT_FOUND', {
    detail,
    errors: [{ pointer, code: 'NOT_FOUND', message: { zh: `所指${kind.zh}不存在`, en: `The referenced ${kind.en} does not exist` } }],
  });
}
