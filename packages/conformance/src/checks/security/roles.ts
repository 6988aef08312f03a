import type { Check } from '../../runner/types.js';
import { checkMaker } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { listIds } from '../fixtures.js';
import { idempotencyKey } from '../requests.js';
import { holdsRole } from '../roles.js';
import { withSandbox } from '../workflow/sandbox.js';
import { requestableEntry, sharingRequestBody } from '../workflow/sharing-steps.js';

const SOURCE = 'shared/domain/sharing.md §Request procedure (a data-user agency requests); docs/design.md §Errors (FORBIDDEN)';
const check = checkMaker({ area: 'security', platform: 'sharing', needsSimulation: true });

/**
 * `SEC-ROLE-01`: an organisation the simulation API lists without the `data_user` role is refused
 * a sharing request with 403 `FORBIDDEN`, and its request list is unchanged. Skips when the
 * simulation API lists no roles or every organisation is a data user.
 *
 * @example
 * ```ts
 * roleChecks.map((c) => c.id); // ['SEC-ROLE-01']
 * ```
 */
export const roleChecks: Check[] = [
  check('SEC-ROLE-01', 'an organisation without the data_user role is refused a sharing request with 403 FORBIDDEN', SOURCE, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' }, async (sbx) => {
      if (sbx.organizations.every((o) => o.roles === undefined)) return ctx.skip('the simulation API lists no organisation roles');
      const target = await requestableEntry(ctx, sbx, 'unconditional');
      const refused = sbx.organizations.findIndex((o, i) => holdsRole(o, 'data_user') === false && i !== target.provider);
      if (refused < 0) return ctx.skip('every sandbox organisation holds the data_user role');
      const body = sharingRequestBody(ctx, sbx, { ...target, requester: refused });
      const http = sbx.http(refused);
      const before = await listIds(http, 'sharing', '/requests');
      const res = await http.request('POST', 'sharing', '/requests', { json: body, idempotencyKey: idempotencyKey(ctx, 24) });
      expectProblem(ctx.expect, res, 403, 'FORBIDDEN', 'a sharing request by an organisation without data_user');
      ctx.expect.equal(await listIds(http, 'sharing', '/requests'), before, 'the refused request is not stored');
    });
  }),
];
