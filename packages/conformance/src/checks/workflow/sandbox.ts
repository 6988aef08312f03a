import { shanghaiDate, type IsoDate } from '@gdx/calendar';
import { describeResponse, isRecord } from '../../http/response.js';
import type { Sandbox, SandboxSpec } from '../../http/sim-client.js';
import type { Organization } from '../../http/signer.js';
import { expectConforms } from '../requests.js';
import { leadingWithRole } from '../roles.js';
import { sandboxSeed } from '../../runner/random.js';
import type { CheckContext, Platform } from '../../runner/types.js';
import type { ExpectedDeadline } from '../../rules/deadlines.js';
import type { StepLimit } from '../../rules/limits.js';

/** A scenario's sandbox: the simulation API's `SandboxSpec`, and the role its organisation #0 acts in. */
export interface ScenarioSpec extends SandboxSpec {
  /**
   * The role the scenario's organisations #0 and #1 should hold (`registrant`, `applicant`, …):
   * the sandbox's organisations known to hold it come first (platforms answer 403 `FORBIDDEN` to
   * an organisation without the role an operation requires). Not sent to the simulation API.
   */
  lead?: string;
}

/** The sandbox as seen with `order` as its organisations (signed HTTP follows the new order). */
function reordered(sbx: Sandbox, order: Organization[]): Sandbox {
  return { ...sbx, organizations: order, http: (index = 0) => sbx.http(sbx.organizations.indexOf(order[index] as Organization)) };
}

/**
 * Runs a workflow scenario in a fresh sandbox (virtual clock, manual reviewers, the run seed)
 * and deletes it afterwards, so scenarios never see each other's objects or time.
 *
 * @example
 * ```ts
 * await withSandbox(ctx, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00', lead: 'registrant' }, async (sbx) => { … });
 * ```
 */
export async function withSandbox(ctx: CheckContext, spec: ScenarioSpec, scenario: (sbx: Sandbox) => Promise<void>): Promise<void> {
  if (!ctx.sim) return ctx.skip('needs the simulation API');
  const { lead, ...sandboxSpec } = spec;
  const sbx = await ctx.sim.createSandbox({ clock: { mode: 'virtual' }, reviewerPolicy: { mode: 'manual' }, seed: sandboxSeed(ctx.seed), ...sandboxSpec });
  try {
    await scenario(lead === undefined ? sbx : reordered(sbx, leadingWithRole(sbx.organizations, lead)));
  } finally {
    await sbx.dispose().catch(() => undefined);
  }
}

/** The sandbox's current Asia/Shanghai day, read from its clock. */
export async function sandboxToday(ctx: CheckContext, sbx: Sandbox): Promise<IsoDate> {
  const res = await sbx.request('GET', '/clock');
  const body = isRecord(res.body) ? res.body : {};
  const now = body.now ?? body.instant ?? body.time;
  ctx.expect.that(typeof now === 'string', 'GET /clock answers the current instant', '{ now: "<RFC 3339>" }', res.body);
  return shanghaiDate(Date.parse(now as string));
}

/** Reads a workflow object as organisation `org`, failing unless it answers 200 with a body its operation's schema accepts. */
export async function readObject(ctx: CheckContext, sbx: Sandbox, platform: Platform, path: string, org = 0): Promise<Record<string, unknown>> {
  const res = await sbx.http(org).request('GET', platform, path);
  ctx.expect.that(res.status === 200 && isRecord(res.body), `GET ${path}`, '200 with the object', describeResponse(res));
  expectConforms(ctx, platform, res, path, 'reading the object');
  return res.body as Record<string, unknown>;
}

/** Asserts the object is in `state`. */
export function expectState(ctx: CheckContext, object: Record<string, unknown>, state: string, when: string): void {
  ctx.expect.equal(object.state, state, `${when}: state`);
}

/**
 * Asserts an object's current `deadline` is the one the rule gives: step limit and unit, start
 * day, due date and instant computed independently, and whether it is overdue.
 *
 * @example
 * ```ts
 * expectDeadline(ctx, app, LIMITS.national.registration.acceptance, expectedDeadline('2025-09-26', limit), false);
 * ```
 */
export function expectDeadline(ctx: CheckContext, object: Record<string, unknown>, limit: StepLimit, expected: ExpectedDeadline, overdue: boolean): void {
  const d = isRecord(object.deadline) ? object.deadline : undefined;
  ctx.expect.that(d !== undefined, `the ${limit.step} step has a deadline`, 'a deadline object', object.deadline);
  const actual = {
    limit: d?.limit, unit: d?.unit, startedOn: d?.startedOn, dueDate: d?.dueDate,
    dueAt: typeof d?.dueAt === 'string' ? new Date(d.dueAt).getTime() : d?.dueAt, overdue: d?.overdue,
  };
  ctx.expect.equal(
    actual,
    { limit: limit.limit, unit: limit.unit, startedOn: expected.startedOn, dueDate: expected.dueDate, dueAt: new Date(expected.dueAt).getTime(), overdue },
    `${limit.step} deadline per ${limit.basis}`,
  );
}

/** Event types recorded on an object (from its embedded `events`). */
export function eventTypes(object: Record<string, unknown>): string[] {
  return (Array.isArray(object.events) ? object.events : []).filter(isRecord).map((e) => String(e.type));
}
