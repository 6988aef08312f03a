import type { SandboxSnapshot } from '../../sandbox/sandbox.js';
import { SANDBOX_ID_PATTERN } from '../../sandbox/registry.js';

/** `format` of exported snapshots (simulation API `Snapshot`). */
export const SNAPSHOT_FORMAT = 'gdx-sandbox-snapshot/1';

/** Where a snapshot's `state` breaks what a restore needs: a JSON pointer below `state`, and why. */
export interface StateFault {
  pointer: string;
  en: string;
  zh: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The parts of a `state` a restore reads, each with its check; the first that fails is reported. */
const STATE_FIELDS: readonly [pointer: string, check: (s: Partial<SandboxSnapshot>) => boolean, en: string, zh: string][] = [
  ['/format', (s) => s.format === 'gdx-sandbox-snapshot', 'format must be gdx-sandbox-snapshot', 'format 须为 gdx-sandbox-snapshot'],
  ['/version', (s) => s.version === 1, 'version must be 1', 'version 须为 1'],
  ['/config/id', (s) => typeof s.config?.id === 'string' && SANDBOX_ID_PATTERN.test(s.config.id), 'config.id must match ^[A-Za-z0-9_-]{1,64}$', 'config.id 格式错误'],
  ['/config/seed', (s) => Number.isSafeInteger(s.config?.seed), 'config.seed must be an integer', 'config.seed 须为整数'],
  ['/config/clock', (s) => s.config?.clock === 'virtual' || s.config?.clock === 'realtime', 'config.clock must be virtual or realtime', 'config.clock 须为 virtual 或 realtime'],
  ['/config/createdAt', (s) => typeof s.config?.createdAt === 'string', 'config.createdAt must be an instant', 'config.createdAt 须为时间'],
  ['/organisations', (s) => Array.isArray(s.organisations), 'organisations must be an array', 'organisations 须为数组'],
  ['/clock/value', (s) => typeof s.clock?.value === 'number', 'clock.value must be a number (epoch ms)', 'clock.value 须为数值（毫秒时间戳）'],
  ['/events', (s) => Array.isArray(s.events), 'events must be an array', 'events 须为数组'],
  ['/idempotency', (s) => Array.isArray(s.idempotency), 'idempotency must be an array', 'idempotency 须为数组'],
  ['/faults', (s) => Array.isArray(s.faults), 'faults must be an array', 'faults 须为数组'],
  ['/webhooks', (s) => Array.isArray(s.webhooks), 'webhooks must be an array', 'webhooks 须为数组'],
  ['/calendarYears', (s) => Array.isArray(s.calendarYears), 'calendarYears must be an array', 'calendarYears 须为数组'],
  ['/platforms', (s) => isObject(s.platforms), 'platforms must be an object', 'platforms 须为对象'],
  ['/random/platform', (s) => Array.isArray(s.random?.platform), 'random.platform must be an array', 'random.platform 须为数组'],
  ['/random/faults', (s) => Array.isArray(s.random?.faults), 'random.faults must be an array', 'random.faults 须为数组'],
];

/** The fields of a feed entry `/events` serves and webhooks deliver, each with its check (`FeedEvent` of the contract, plus the recipients). */
const EVENT_FIELDS: readonly [field: string, check: (value: unknown) => boolean, en: string, zh: string][] = [
  ['seq', (v) => Number.isSafeInteger(v) && (v as number) >= 1, 'must be an integer from 1', '须为不小于 1 的整数'],
  ['id', (v) => typeof v === 'string', 'must be a string', '须为字符串'],
  ['type', (v) => typeof v === 'string', 'must be a string', '须为字符串'],
  ['at', (v) => typeof v === 'string' && Number.isFinite(Date.parse(v)), 'must be an RFC 3339 instant', '须为 RFC 3339 时间'],
  ['platform', (v) => typeof v === 'string', 'must be a platform name', '须为平台名称'],
  ['objectType', (v) => typeof v === 'string', 'must be a string', '须为字符串'],
  ['objectId', (v) => typeof v === 'string', 'must be a string', '须为字符串'],
  ['organizationId', (v) => v === null || typeof v === 'string', 'must be a string or null', '须为字符串或 null'],
  ['recipients', (v) => Array.isArray(v) && v.every((r) => typeof r === 'string'), 'must be an array of organisation ids', '须为机构标识数组'],
  ['event', isObject, 'must be an object', '须为对象'],
];

const isString = (value: unknown): boolean => typeof value === 'string';

/** The fields of an organisation a restore and the sandbox view read, each with its check (`Organisation`). */
const ORGANISATION_FIELDS: readonly [field: string, check: (value: unknown) => boolean, en: string, zh: string][] = [
  ['id', isString, 'must be a string', '须为字符串'],
  ['name', isString, 'must be a string', '须为字符串'],
  ['creditCode', isString, 'must be a string', '须为字符串'],
  ['regionCode', isString, 'must be a string', '须为字符串'],
  ['roles', (v) => Array.isArray(v) && v.every(isString), 'must be an array of role names', '须为角色名称数组'],
  ['appKey', isString, 'must be a string', '须为字符串'],
  ['appSecret', isString, 'must be a string', '须为字符串'],
];

/**
 * The first place where a snapshot's `state` is not one a restore can take (bad input must answer
 * 400 at the field, never 500), or `undefined`: its structure; a state for every mounted platform
 * (a missing one would be rebuilt empty and unseeded: a catalog without its entries); each
 * organisation's fields (roles that were no array failed the sandbox's view with a 500); and each
 * event of the feed as `/events` serves it, in rising `seq` (pages are found by it). Each event
 * is checked field by field and the walk stops at the first fault, so the work is one pass over
 * the feed whatever the import holds. An event's own payload (`event`) is the platform's, as it
 * emitted it: a platform of one's own need not follow the contract's `WorkflowEvent`, and an
 * export must import again.
 *
 * @example
 * ```ts
 * stateFault(exported.state, ['catalog']); // undefined
 * stateFault({ ...exported.state, platforms: {} }, ['catalog'])?.pointer; // '/platforms/catalog'
 * ```
 */
export function stateFault(value: unknown, platformNames: readonly string[]): StateFault | undefined {
  if (!isObject(value)) return { pointer: '', en: 'state must be an object', zh: 'state 须为对象' };
  const s = value as Partial<SandboxSnapshot>;
  for (const [pointer, check, en, zh] of STATE_FIELDS) if (!check(s)) return { pointer, en, zh };
  for (const name of platformNames) {
    if (s.platforms![name] === undefined) return { pointer: `/platforms/${name}`, en: `the state of platform ${name} is missing`, zh: `缺少平台 ${name} 的状态` };
  }
  return organisationFault(s.organisations as unknown[]) ?? eventFault(s.events as unknown[], platformNames);
}

function organisationFault(organisations: readonly unknown[]): StateFault | undefined {
  for (let i = 0; i < organisations.length; i += 1) {
    const organisation = organisations[i];
    if (!isObject(organisation)) return { pointer: `/organisations/${i}`, en: 'an organisation must be an object', zh: '机构须为对象' };
    for (const [field, check, en, zh] of ORGANISATION_FIELDS) {
      if (!check(organisation[field])) return { pointer: `/organisations/${i}/${field}`, en: `${field} ${en}`, zh: `${field} ${zh}` };
    }
  }
  return undefined;
}

function eventFault(events: readonly unknown[], platformNames: readonly string[]): StateFault | undefined {
  let before = 0;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i];
    if (!isObject(event)) return { pointer: `/events/${i}`, en: 'an event must be an object', zh: '事件须为对象' };
    for (const [field, check, en, zh] of EVENT_FIELDS) {
      if (!check(event[field])) return { pointer: `/events/${i}/${field}`, en: `${field} ${en}`, zh: `${field} ${zh}` };
    }
    if (!platformNames.includes(event.platform as string)) return { pointer: `/events/${i}/platform`, en: `platform ${String(event.platform)} is not mounted`, zh: `平台 ${String(event.platform)} 未挂载` };
    if ((event.seq as number) <= before) return { pointer: `/events/${i}/seq`, en: 'seq must rise through the feed', zh: '事件序号须递增' };
    before = event.seq as number;
  }
  return undefined;
}
