import { shanghaiDay, type IsoDate, type WorkflowInstance } from '@gdx/kernel';
import { sharingRulesWarnings, type SharingRulesWarning } from '@gdx/procedures';
import { workflowFields } from './answer-duty.js';
import { lastDayBefore, lastLiveDayOf } from './last-live-day.js';
import type { WorkflowHost } from './workflow-host.js';

/**
 * The workflow fields of a sharing request or open-data application with the contract's `warnings`:
 * `RULES_EXPIRED` when it was live on a day after the profile's `sharingOpenDataRules` expired
 * (厦门市公共数据共享开放管理暂行办法 第三十条, after 2025-12-27; `lastLiveDayOf`), kept once it ends
 * (its limits ran under the expired rules), worded for its time limits (`sharingRulesWarnings`).
 *
 * @example
 * ```ts
 * const view = { id, ...workflowFieldsWithRulesWarnings(host, instance) };
 * view.warnings; // [] while the rules are valid
 * ```
 */
export function workflowFieldsWithRulesWarnings(host: WorkflowHost, instance: WorkflowInstance) {
  const fields = workflowFields(host, instance);
  const lastLiveDay = lastLiveDayOf(host, instance, fields.deadline?.startedOn);
  return { warnings: sharingRulesWarnings(host.procedures.profile, lastLiveDay, 'limits'), ...fields };
}

/**
 * The contract's `warnings` of a sharing or open-data grant: live
 * from its issue until its term ends — `validUntil`, or the day it ended when revoked — so a grant
 * issued after the rules expired, or one still in force after that day, carries `RULES_EXPIRED`
 * (its scope and use restrictions, 第二十六条, stem from them), worded for a grant: it has no time
 * limit of its own.
 *
 * @example
 * ```ts
 * grantRulesWarnings(host, { issuedAt, validUntil, endedAt: null }); // in force: judged on today
 * ```
 */
export function grantRulesWarnings(host: WorkflowHost, grant: { issuedAt: string; validUntil: IsoDate; endedAt: string | null }): SharingRulesWarning[] {
  const endedOn = grant.endedAt === null ? host.today() : lastDayBefore(grant.endedAt);
  const termEnd = endedOn < grant.validUntil ? endedOn : grant.validUntil;
  const issuedOn = shanghaiDay(Date.parse(grant.issuedAt));
  return sharingRulesWarnings(host.procedures.profile, termEnd > issuedOn ? termEnd : issuedOn, 'grant');
}
