import type { WorkflowInstance } from '@gdx/kernel';

/** The announcement kinds (`AnnouncementKind`) by the state a registration ends in. */
const KIND_OF_END: Readonly<Record<string, 'expiry' | 'revocation'>> = { expired: 'expiry', revoked: 'revocation' };

/** What the registry announces of a registration that ended (`Announcement`'s kind and instant). */
export interface AnnouncedEnd {
  kind: 'expiry' | 'revocation';
  /** The instant of the event that ended the registration. */
  at: string;
}

/**
 * The announcement a registration instance calls for, or `undefined`: the registry announces a
 * registration it cancelled because it was not renewed by its expiry (223号 第二十条) and one it
 * revoked (223号 第十六条), not one its registrant had cancelled. Derived from the instance, so
 * nothing is stored and a snapshot older than announcements shows them too.
 *
 * @example
 * ```ts
 * announcedEnd(engine.get('reg_1')); // { kind: 'expiry', at: '2028-11-21T00:00:00+08:00' }
 * ```
 */
export function announcedEnd(instance: WorkflowInstance): AnnouncedEnd | undefined {
  const kind = KIND_OF_END[instance.state];
  if (kind === undefined) return undefined;
  for (let i = instance.events.length - 1; i >= 0; i -= 1) {
    const event = instance.events[i];
    if (event !== undefined && event.to === instance.state && event.from !== event.to) return { kind, at: event.at };
  }
  return undefined;
}
