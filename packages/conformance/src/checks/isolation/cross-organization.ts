import type { Check, CheckContext } from '../../runner/types.js';
import { checkMaker } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { createObject, listIds, validBody } from '../fixtures.js';
import { indexWithRole } from '../roles.js';

const SOURCE = 'shared/domain/README.md §Isolation (another organisation\'s object answers 404, not 403)';
const catalogCheck = checkMaker({ area: 'isolation', platform: 'catalog', needsSimulation: false });
const registrationCheck = checkMaker({ area: 'isolation', platform: 'registration', needsSimulation: false });

/**
 * Organisation A, the first that holds `role` (creating needs it: 403 otherwise), and B, the
 * first other organisation. Skips when there is no such A.
 */
function orgsAB(ctx: CheckContext, role: string): { a: number; b: number } {
  const a = indexWithRole(ctx.organizations, role);
  if (a === undefined) return ctx.skip(`no organisation with the ${role} role`);
  return { a, b: a === 0 ? 1 : 0 };
}

/** Organisation A (a data provider) creates a catalog entry; answers its id, the body sent and B. */
async function entryOfA(ctx: CheckContext): Promise<{ id: string; body: Record<string, unknown>; b: number }> {
  const { a, b } = orgsAB(ctx, 'data_provider');
  const body = validBody(ctx, 'catalog', 'post', '/entries', {}, ctx.organizations[a]?.creditCode);
  const { id } = await createObject(ctx, ctx.http(a), 'catalog', '/entries', body);
  return { id, body, b };
}

/**
 * Isolation checks: an object created by organisation A is invisible to organisation B — a GET
 * by id answers 404 (`ISO-404-01` catalog entry, `ISO-404-02` registration application), it is
 * absent from B's list (`ISO-LIST-01`), and B cannot change it (`ISO-404-03`).
 *
 * @example
 * ```ts
 * isolationChecks.map((c) => c.id);
 * ```
 */
export const isolationChecks: Check[] = [
  catalogCheck('ISO-404-01', "another organisation's catalog entry answers 404", SOURCE, async (ctx) => {
    const { id, b } = await entryOfA(ctx);
    expectProblem(ctx.expect, await ctx.http(b).request('GET', 'catalog', `/entries/${encodeURIComponent(id)}`), 404, 'NOT_FOUND', "B reads A's entry");
  }),
  registrationCheck('ISO-404-02', "another organisation's registration application answers 404", SOURCE, async (ctx) => {
    const { a, b } = orgsAB(ctx, 'registrant');
    const body = validBody(ctx, 'registration', 'post', '/applications', { type: 'initial' }, ctx.organizations[a]?.creditCode);
    const { id } = await createObject(ctx, ctx.http(a), 'registration', '/applications', body);
    expectProblem(ctx.expect, await ctx.http(b).request('GET', 'registration', `/applications/${encodeURIComponent(id)}`), 404, 'NOT_FOUND', "B reads A's application");
  }),
  catalogCheck('ISO-404-03', "another organisation cannot change a catalog entry (404)", SOURCE, async (ctx) => {
    const { id, body, b } = await entryOfA(ctx);
    const res = await ctx.http(b).request('PATCH', 'catalog', `/entries/${encodeURIComponent(id)}`, { json: body });
    expectProblem(ctx.expect, res, 404, 'NOT_FOUND', "B patches A's entry");
  }),
  catalogCheck('ISO-LIST-01', "another organisation's objects never appear in a list", SOURCE, async (ctx) => {
    const { id, b } = await entryOfA(ctx);
    const seen = await listIds(ctx.http(b), 'catalog', '/entries');
    ctx.expect.that(!seen.includes(id), "A's entry is absent from B's list", `a list without ${id}`, seen);
  }),
];
