import { PlatformProblem } from '../../app/platform-problem.js';

/** What a reference names, for the message: `{ zh: '数据资源', en: 'data resource' }`. */
export interface ReferencedKind {
  zh: string;
  en: string;
}

/** A catalog entry, as a sharing request, a quality issue or a data objection names it. */
export const DATA_RESOURCE: ReferencedKind = { zh: '数据资源', en: 'data resource' };

/** A data objection (数据异议) of the sharing or the open-data platform. */
export const DATA_OBJECTION: ReferencedKind = { zh: '数据异议', en: 'data objection' };

/** The object an official action (`POST /_sim/v1/sandboxes/{id}/actions`) names by `objectType` and `objectId`. */
const ACTION_OBJECT: ReferencedKind = { zh: '办理对象', en: 'object' };

/**
 * A body member naming an object the platform does not know (or does not show the caller): 404
 * `NOT_FOUND` with a `NOT_FOUND` field error at `pointer`, so the client is told which member to
 * fix, like any other refusal of a field. An id of the path is refused by `unknownId` at
 * `/path/<param>` (`src/app/unknown-id.ts`), whose messages also name the id.
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

/**
 * Refuses an official action naming an object its platform does not have: {@link missingReference}
 * at `/objectId`, the detail naming the object and the platform. Throws, so that a lookup can end
 * in it (`map.get(id) ?? unknownActionObject(body)`).
 *
 * @example
 * ```ts
 * const request = state.requests.get(id) ?? unknownActionObject(ctx.body); // 404: 'no request shr_1 on the sharing platform'
 * ```
 */
export function unknownActionObject(action: { platform?: unknown; objectType?: unknown; objectId?: unknown }): never {
  throw missingReference('/objectId', `no ${String(action.objectType)} ${String(action.objectId)} on the ${String(action.platform)} platform`, ACTION_OBJECT);
}
