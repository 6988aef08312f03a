import { formatInstant } from '@gdx/kernel';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { publishObjection } from './registration-binding.js';
import type { AttachmentRef, ObjectionRecord } from './records.js';
import { NOTICE } from './object-kinds.js';
import type { RegistrationState } from './registration-state.js';
import { noticeStatus } from './wire-views.js';
import { checkObjector, checkObjectorOutsideApplication } from './submission-checks.js';

/** A real-name objection: the objector's identity, the text and at least one evidence reference. */
export interface ObjectionInput {
  noticeId: string;
  objector: Record<string, unknown>;
  text: string;
  evidence: AttachmentRef[];
}

/** Where the request carried the notice id (a path parameter or a body member) and the objector, for the refusals. */
export interface ObjectionPointers {
  notice: string;
  objector: string;
}

/**
 * Files an objection to a public notice (第十二条) as an organisation (`filerId`) or a third
 * party (`null`): an unknown notice is 404 `NOT_FOUND` at `pointers.notice`; the objector's check character is verified, it must not be one of the
 * application's registrants (400 `OBJECTOR_IS_REGISTRANT`), the notice must still run (409
 * `OBJECTION_WINDOW_CLOSED` otherwise), and the application moves to `objection_review`.
 *
 * @example
 * ```ts
 * const objection = fileObjection(state, { noticeId, objector, text, evidence }, 'org_user', { notice: '/path/noticeId', objector: '/objector' });
 * ```
 */
export function fileObjection(state: RegistrationState, input: ObjectionInput, filerId: string | null, pointers: ObjectionPointers): ObjectionRecord {
  const notice = state.notices.get(input.noticeId);
  if (!notice) throw new PlatformProblem('NOT_FOUND', unknownId(pointers.notice, NOTICE, input.noticeId));
  checkObjector(input.objector, pointers.objector);
  const app = state.applications.get(notice.applicationId);
  if (app) checkObjectorOutsideApplication(input.objector, app.submission.registrants, pointers.objector);
  const actor = { role: 'interested_party', ...(filerId ? { organizationId: filerId } : {}) };
  const probe = { actor, payload: { evidence: input.evidence } };
  const current = state.host.engine.get(notice.applicationId).state;
  // A notice under objection after its end is the kernel's to refuse (its guard knows the close).
  if (noticeStatus(state, notice) === 'closed') {
    throw new PlatformProblem('OBJECTION_WINDOW_CLOSED', { detail: `the notice ended on ${notice.endsOn}`, extensions: { currentState: current, endsOn: notice.endsOn } });
  }
  state.host.checkDispatch(notice.applicationId, 'object', probe);
  const id = state.sandbox.ids.next('obj');
  const at = formatInstant(state.sandbox.now());
  const objection: ObjectionRecord = {
    id,
    noticeId: notice.id,
    filer: filerId,
    state: 'filed',
    objector: structuredClone(input.objector),
    text: input.text,
    evidence: structuredClone(input.evidence),
    reasons: [],
    createdAt: at,
    updatedAt: at,
    events: [{ seq: 1, type: 'objection_filed', at, actor, from: null, to: 'filed', reason: null, deadline: null }],
  };
  state.objections.set(id, objection);
  // Replaced, not pushed into: a notice without objections shares one frozen empty list.
  notice.objectionIds = [...notice.objectionIds, id];
  state.host.dispatch(notice.applicationId, 'object', { actor, payload: { objectionId: id, evidence: input.evidence } });
  publishObjection(state, objection);
  return objection;
}
