import { shanghaiDay, type IsoDate, type WorkflowInstance } from '@gdx/kernel';
import { sharingRulesWarnings, type SharingRulesSubject, type SharingRulesWarning } from '@gdx/procedures';
import { workflowFields } from './answer-duty.js';
import type { WorkflowHost } from './workflow-host.js';

/**
 * The contract's `warnings` of a sharing or open-data object (request, application or grant):
 * `RULES_EXPIRED` when the object was live on a day after the profile's `sharingOpenDataRules`
 * expired (厦门市公共数据共享开放管理暂行办法 第三十条, after 2025-12-27). `lastLiveDay` is today
 * while the object is open and the day it ended once terminal, so the warning appears when an open
 * object crosses that day and stays once it ends (its limits or terms ran under the expired rules);
 * an object that ended by that day never carries it. `startsOn` covers a clock that starts after
 * today (the next working day). `subject` words the message (`sharingRulesWarnings`). Derived from
 * the sandbox days, so snapshots and journal replays need no stored copy.
 *
 * @example
 * ```ts
 * rulesWarningsOfLiveObject(host, { lastLiveDay: host.today() }, 'limits'); // [RULES_EXPIRED] after 2025-12-27 in xiamen
 * ```
 */
function rulesWarningsOfLiveObject(host: WorkflowHost, life: { lastLiveDay: IsoDate; startsOn?: IsoDate }, subject: SharingRulesSubject): SharingRulesWarning[] {
  const { lastLiveDay, startsOn } = life;
  const day = startsOn !== undefined && startsOn > lastLiveDay ? startsOn : lastLiveDay;
  return sharingRulesWarnings(host.procedures.profile, day, subject);
}

/**
 * The day holding the last instant before `endedAt`: an object that ends at midnight (a grant's
 * expiry at the end of its last valid day) was last live the day before.
 */
function lastDayBefore(endedAt: string): IsoDate {
  return shanghaiDay(Date.parse(endedAt) - 1);
}

/**
 * The workflow fields of a sharing request or open-data application with the contract's `warnings`
 * (`rulesWarningsOfLiveObject`): live until its machine reaches a terminal state, on the day of its
 * last event after that.
 *
 * @example
 * ```ts
 * const view = { id, ...workflowFieldsWithRulesWarnings(host, instance) };
 * view.warnings; // [] while the rules are valid
 * ```
 */
export function workflowFieldsWithRulesWarnings(host: WorkflowHost, instance: WorkflowInstance) {
  const fields = workflowFields(host, instance);
  const terminal = host.machine(instance.machine).states[instance.state]?.terminal === true;
  const endedAt = instance.events.at(-1)?.at ?? instance.updatedAt;
  const lastLiveDay = terminal ? lastDayBefore(endedAt) : host.today();
  return { warnings: rulesWarningsOfLiveObject(host, { lastLiveDay, startsOn: fields.deadline?.startedOn }, 'limits'), ...fields };
}

/**
 * The contract's `warnings` of a sharing or open-data grant (`rulesWarningsOfLiveObject`): live
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
  return rulesWarningsOfLiveObject(host, { lastLiveDay: termEnd > issuedOn ? termEnd : issuedOn }, 'grant');
}
