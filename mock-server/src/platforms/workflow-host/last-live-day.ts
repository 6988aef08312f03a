import { shanghaiDay, type IsoDate, type WorkflowInstance } from '@gdx/kernel';
import type { WorkflowHost } from './workflow-host.js';

/**
 * The day holding the last instant before `endedAt`: an object that ends at midnight (an expiry at
 * the end of its last valid day) was last live the day before.
 */
export function lastDayBefore(endedAt: string): IsoDate {
  return shanghaiDay(Date.parse(endedAt) - 1);
}

/**
 * The last sandbox day a workflow object was live, the day a lapse of the rules it runs under is
 * judged on: today while its machine has not reached a terminal state, the day of its last event
 * once it has (`lastDayBefore`), or `startsOn` when its running clock starts later (the next
 * working day). So a warning that the rules lapsed appears when an open object crosses their last
 * day and stays once it ends; an object that ended by that day never gets it. Derived from the
 * sandbox days on every read, so snapshots and journal replays need no stored copy.
 *
 * @example
 * ```ts
 * lastLiveDayOf(host, instance, fields.deadline?.startedOn); // host.today() while open
 * ```
 */
export function lastLiveDayOf(host: WorkflowHost, instance: WorkflowInstance, startsOn?: IsoDate): IsoDate {
  const terminal = host.machine(instance.machine).states[instance.state]?.terminal === true;
  const endedAt = instance.events.at(-1)?.at ?? instance.updatedAt;
  const lastLiveDay = terminal ? lastDayBefore(endedAt) : host.today();
  return startsOn !== undefined && startsOn > lastLiveDay ? startsOn : lastLiveDay;
}
