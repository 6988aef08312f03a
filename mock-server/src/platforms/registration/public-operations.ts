import type { OperationHandler } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { fileObjection, type ObjectionInput } from './objections.js';
import { announcedEnd, type AnnouncedEnd } from './announcements.js';
import type { NoticeRecord, RegistrationRecord } from './records.js';
import { NOTICE, REGISTRATION } from './object-kinds.js';
import { registrationByCode } from './registration-listings.js';
import { checkObjectorIsCaller } from './submission-checks.js';
import type { RegistrationState } from './registration-state.js';
import { announcementView, lookupView, noticeView, objectionView } from './wire-views.js';

const listNotices: OperationHandler<RegistrationState> = (ctx) => {
  const wanted = typeof ctx.query['status'] === 'string' ? ctx.query['status'] : undefined;
  const read = (id: string) => noticeView(ctx.state, ctx.state.notices.get(id) as NoticeRecord);
  return { status: 200, body: ctx.state.host.listPage(ctx, 'notice', null, wanted, read) };
};

const getNotice: OperationHandler<RegistrationState> = (ctx) => {
  const id = ctx.params['noticeId'] ?? '';
  const notice = ctx.state.notices.get(id);
  if (!notice) throw new PlatformProblem('NOT_FOUND', unknownId('/path/noticeId', NOTICE, id));
  return { status: 200, body: noticeView(ctx.state, notice) };
};

/**
 * A signed organisation's objection, in its own name (实名); an entry an older version
 * acknowledged in another name replays as it was answered.
 */
const object: OperationHandler<RegistrationState> = (ctx) => {
  const body = ctx.body as Omit<ObjectionInput, 'noticeId'>;
  if (ctx.caller && ctx.replaying !== true) checkObjectorIsCaller(body.objector, ctx.caller, '/objector');
  const objection = fileObjection(ctx.state, { ...body, noticeId: ctx.params['noticeId'] ?? '' }, ctx.caller?.id ?? null, { notice: '/path/noticeId', objector: '/objector' });
  return { status: 201, body: objectionView(objection) };
};

/** Lookup by 登记结果查询码 or 登记证书 number: public fields and the current validity. */
const lookup: OperationHandler<RegistrationState> = (ctx) => {
  const code = ctx.params['registrationCode'] ?? '';
  const reg = registrationByCode(ctx.state, code);
  if (!reg) throw new PlatformProblem('NOT_FOUND', unknownId('/path/registrationCode', REGISTRATION, code, `no registration with code ${code}`));
  return { status: 200, body: lookupView(ctx.state, reg) };
};

/** The registry's announcements (登记公告), newest first, optionally of one kind. */
const listAnnouncements: OperationHandler<RegistrationState> = (ctx) => {
  const kind = typeof ctx.query['kind'] === 'string' ? ctx.query['kind'] : undefined;
  const read = (id: string) => {
    const reg = ctx.state.registrations.get(id) as RegistrationRecord;
    // Listed only while announced: an ending never changes, so the end is there.
    return announcementView(ctx.state, reg, announcedEnd(ctx.state.host.engine.get(id)) as AnnouncedEnd);
  };
  return { status: 200, body: ctx.state.host.listPage(ctx, 'announcement', null, kind, read) };
};

/**
 * Public notices (public), objections (signed, an interested party), the public lookup and the
 * registry's announcements (public).
 *
 * @example
 * ```ts
 * publicOperations.lookupRegistration(ctx); // { status: 200, body: LookupResult }
 * ```
 */
export const publicOperations: Readonly<Record<string, OperationHandler<RegistrationState>>> = {
  listPublicNotices: listNotices,
  getPublicNotice: getNotice,
  objectToPublicNotice: object,
  lookupRegistration: lookup,
  listAnnouncements,
};
