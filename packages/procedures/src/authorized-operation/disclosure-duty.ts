import { shanghaiDay, type Calendar, type Limit, type WorkflowEvent } from '@gdx/kernel';
import { profileLimit } from '../machines/profile-limit.js';
import type { Profile } from '../profile-schema.js';
import { periodFrom, withEstimate, type DutyOptions, type DutyPeriod } from './duty-period.js';

/**
 * The implementing body's duty to disclose 授权对象、内容、范围和时限 (27号 第十八条 "定期向社会披露",
 * `authorized_operation.disclosure`), as the contract's `Authorization.disclosure`: the period
 * running now, and when it last disclosed.
 */
export interface DisclosureDuty extends DutyPeriod {
  /** The instant of the latest `disclose`, `null` before the first. */
  lastDisclosedAt: string | null;
  /** Whether that disclosure came after the period it met had run out. */
  lastLate: boolean;
  /** The event-log position the running period starts after: a `disclose` from there on meets it. */
  since: number;
}

/**
 * The disclosure duty of an authorization signed on `signedOn` whose event log is `events`, as
 * the choice of the domain (§8): the profile's limit (20 WD) from the signing day; an approved
 * amendment (a change of the agreement) starts the same limit from its day unless the period
 * already running ends sooner; each `disclose` meets the running period (`late` after its end)
 * and starts the yearly repeat, one calendar year from its day. Calendar errors propagate
 * (`CALENDAR_NOT_PUBLISHED`), unless `options.estimate` lets the calendar count a year without a
 * published holiday schedule Monday–Friday (the caller then says the period is an estimate).
 *
 * @example
 * disclosureDuty(resolveProfile('national'), WorkingCalendar.official(), '2026-01-05', instance.events);
 * // { startTrigger: 'agreement_signed', startedOn: '2026-01-05', dueDate: '2026-02-02', lastDisclosedAt: null, … }
 */
export function disclosureDuty(
  profile: Profile,
  calendar: Calendar,
  signedOn: string,
  events: readonly WorkflowEvent[],
  options: DutyOptions = {},
): DisclosureDuty {
  const limit = withEstimate(profileLimit(profile, 'authorized_operation.disclosure', 'disclosure', 'flag_overdue'), options);
  const yearly: Limit = { ...limit, value: 1, unit: 'years', startTrigger: 'disclosed', holidayExtension: 'none' };
  let running = { ...periodFrom(limit, signedOn, calendar), since: 0 };
  let lastDisclosedAt: string | null = null;
  let lastLate = false;
  events.forEach((event, index) => {
    const day = shanghaiDay(Date.parse(event.at));
    if (event.event === 'approve_amendment') {
      const changed = periodFrom({ ...limit, startTrigger: 'agreement_amended' }, day, calendar);
      if (changed.dueAtMs < running.dueAtMs) running = { ...changed, since: running.since };
    }
    if (event.event === 'disclose') {
      lastDisclosedAt = event.at;
      lastLate = Date.parse(event.at) >= running.dueAtMs;
      running = { ...periodFrom(yearly, day, calendar), since: index + 1 };
    }
  });
  return { ...running.period, lastDisclosedAt, lastLate, since: running.since };
}
