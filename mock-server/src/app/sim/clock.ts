import { CalendarError, formatShanghaiInstant, shanghaiDate, startOfShanghaiDay } from '@gdx/calendar';
import { addIsoDuration, isIsoDuration } from '../../sandbox/duration.js';
import { CLOCK_RANGE_TEXT, withinClockBounds } from '../../sandbox/clock-bounds.js';
import { FiredLog } from '../../sandbox/fired-log.js';
import type { Sandbox } from '../../sandbox/sandbox.js';
import { encodeCursor } from '../paging.js';
import { bodyObject, invalidField, sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';
import { parseInstant } from './parse-instant.js';
import { clockView } from './sandbox-view.js';

const MAX_WORKING_DAYS = 2_000;
/** The most transitions an answer lists when asked to cap them (`firedLimit`; without it, all). */
const MAX_FIRED_LIMIT = 10_000;

/** The request's cap on the answer's `fired` list (`undefined`: list all), or an answer explaining why it is invalid. */
function firedLimit(ctx: SimRouteContext): number | undefined | ReturnType<typeof invalidField> {
  const limit = bodyObject(ctx)?.firedLimit;
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || (limit as number) < 0 || (limit as number) > MAX_FIRED_LIMIT) return invalidField(ctx, '/firedLimit', `firedLimit must be an integer 0–${MAX_FIRED_LIMIT}`, `firedLimit 须为 0–${MAX_FIRED_LIMIT} 的整数`);
  return limit as number;
}

/** The target instant of an advance request, or an answer explaining why there is none. */
function target(ctx: SimRouteContext, sandbox: Sandbox): number | ReturnType<typeof invalidField> {
  const body = bodyObject(ctx);
  const keys = body ? Object.keys(body).filter((k) => ['workingDays', 'duration', 'to'].includes(k)) : [];
  if (!body || keys.length !== 1) return invalidField(ctx, '', 'give exactly one of workingDays, duration or to', '须且仅须提供 workingDays、duration 或 to 之一');
  const now = sandbox.now();
  if (body.workingDays !== undefined) {
    const n = body.workingDays;
    if (!Number.isSafeInteger(n) || (n as number) < 1 || (n as number) > MAX_WORKING_DAYS) return invalidField(ctx, '/workingDays', `workingDays must be an integer 1–${MAX_WORKING_DAYS}`, `workingDays 须为 1–${MAX_WORKING_DAYS} 的整数`);
    // Same time of day on the n-th working day after today (the start day is not counted).
    const today = shanghaiDate(now);
    return bounded(ctx, 'workingDays', startOfShanghaiDay(sandbox.calendar.addWorkingDays(today, n as number)) + (now - startOfShanghaiDay(today)));
  }
  if (body.duration !== undefined) {
    const duration = body.duration;
    if (typeof duration !== 'string' || !isIsoDuration(duration)) return invalidField(ctx, '/duration', 'duration must be an ISO 8601 duration such as P3D or PT4H', 'duration 须为 ISO 8601 时长，如 P3D、PT4H');
    // A duration the calendar cannot add (past the year 9999) is past the range too.
    return bounded(ctx, 'duration', addIsoDuration(now, duration) ?? Number.POSITIVE_INFINITY);
  }
  const to = parseInstant(body.to);
  if (to === undefined || to < now) return invalidField(ctx, '/to', 'to must be an RFC 3339 instant not before the sandbox clock', 'to 须为不早于沙箱当前时间的 RFC 3339 时间');
  return bounded(ctx, 'to', to);
}

/** The last instant Date and RFC 3339 express (9999-12-31T23:59:59.999Z): what a replayed advance may reach. */
const REPLAYED_END = 253402300800000;

/**
 * `to`, or the 400 of a target past the clock's range (`clock-bounds.ts`) at the field that asked
 * for it. While replaying, the range is what it was before it existed (an advance acknowledged
 * then is taken as it was).
 */
function bounded(ctx: SimRouteContext, field: string, to: number): number | ReturnType<typeof invalidField> {
  if (ctx.replaying ? to < REPLAYED_END : withinClockBounds(to)) return to;
  return invalidField(ctx, `/${field}`, `${field} would move the clock past its range: the sandbox clock runs ${CLOCK_RANGE_TEXT.en}`, `${field} 将使时钟超出范围：沙箱时钟${CLOCK_RANGE_TEXT.zh}`);
}

/** The sandbox clock: read and advance. */
export const clockRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/clock', operationId: 'getClock', jsonBody: false,
    handler: (ctx) => ({ status: 200, body: clockView(sandboxOf(ctx)) }),
  },
  {
    method: 'POST', path: '/sandboxes/{sandboxId}/clock/advance', operationId: 'advanceClock', jsonBody: true,
    handler(ctx) {
      const sandbox = sandboxOf(ctx);
      if (sandbox.clock.mode === 'realtime') return ctx.problem('CONFLICT', { detail: 'a realtime clock follows wall time and cannot be advanced' });
      const from = formatShanghaiInstant(sandbox.now());
      let to: number | ReturnType<typeof invalidField>;
      try {
        to = target(ctx, sandbox);
      } catch (error) {
        if (error instanceof CalendarError && error.code === 'CALENDAR_NOT_PUBLISHED') {
          // What the advance request itself accepts: a schedule for the year, or calendar time.
          const put = `PUT /_sim/v1/sandboxes/${sandbox.id}/calendar/${error.year}`;
          return ctx.problem('CALENDAR_NOT_PUBLISHED', {
            detail: `The holiday schedule for ${error.year} is not published, so working days cannot be counted into it: load the year with ${put}, or advance by a duration ({ "duration": "P30D" }) or to an instant ({ "to": "…+08:00" }), which need no schedule. ${error.year} 年节假日安排未公布，无法按工作日推进：请先 ${put} 载入该年安排，或改用 duration / to 推进。`,
            extensions: { year: error.year },
          });
        }
        throw error;
      }
      if (typeof to !== 'number') return to;
      const limit = firedLimit(ctx);
      if (typeof limit === 'object') return limit;
      // The feed's position before the advance: what it publishes is paged from here (`seq` > it).
      const eventsCursor = encodeCursor([sandbox.feed.size]);
      // Only the transitions the answer lists are recorded; all are counted.
      const fired = sandbox.advanceTo(to, new FiredLog(limit));
      return {
        status: 200,
        body: { from, to: formatShanghaiInstant(sandbox.now()), clock: clockView(sandbox), fired: fired.listed, firedCount: fired.count, firedTruncated: fired.listed.length < fired.count, eventsCursor },
      };
    },
  },
];
