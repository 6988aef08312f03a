import type { Sandbox } from '../../http/sim-client.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectFieldRefusal, expectProblem } from '../expect-problem.js';
import { expectStatus } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { rejectAndDispute, START, submitRequest } from './sharing-steps.js';
import { expectState, readObject, withSandbox } from './sandbox.js';

const SOURCE = '厦门市公共数据共享开放管理暂行办法 第十七条 (对书面答复有异议的，由市大数据主管部门予以协调，协调不成的，报市人民政府决定)';
const check = workflowCheck('sharing');

/** A conditional request taken to `escalated`; escalating before the coordination must be refused. */
async function escalatedRequest(ctx: CheckContext, sbx: Sandbox): Promise<{ id: string; read: () => Promise<Record<string, unknown>> }> {
  const { id, target } = await submitRequest(ctx, sbx, 'conditional');
  const read = () => readObject(ctx, sbx, 'sharing', `/requests/${encodeURIComponent(id)}`, target.requester);
  await rejectAndDispute(ctx, sbx, id, target.requester);
  expectProblem(ctx.expect, await act(sbx, 'sharing', 'request', id, ACTIONS.escalate), 409, 'ILLEGAL_TRANSITION', 'escalating a dispute the authority has not coordinated');
  expectStatus(ctx, await act(sbx, 'sharing', 'request', id, ACTIONS.coordinate), 200, 'the authority coordinates');
  expectStatus(ctx, await act(sbx, 'sharing', 'request', id, ACTIONS.escalate), 200, 'the coordination fails: the authority escalates');
  expectState(ctx, await read(), 'escalated', 'after the escalation (报市人民政府决定)');
  return { id, read };
}

/**
 * `SHR-ESCALATE-01`: a disputed rejection the authority cannot settle goes to the city government
 * (checked on the Xiamen profile, whose rule it is), only after coordination; the city government
 * approves (→ `approved`) or upholds the rejection with written reasons (→ `rejection_upheld`,
 * terminal).
 *
 * @example
 * ```ts
 * escalationChecks.map((c) => c.id); // ['SHR-ESCALATE-01']
 * ```
 */
export const escalationChecks: Check[] = [
  check('SHR-ESCALATE-01', 'a failed coordination is escalated to the city government, which approves or upholds the rejection with reasons', SOURCE, async (ctx) => {
    await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
      const approved = await escalatedRequest(ctx, sbx);
      expectStatus(ctx, await act(sbx, 'sharing', 'request', approved.id, ACTIONS.approve), 200, 'the city government approves');
      expectState(ctx, await approved.read(), 'approved', "after the city government's approval");
      const upheld = await escalatedRequest(ctx, sbx);
      const bare = await sbx.act({ platform: 'sharing', objectType: 'request', objectId: upheld.id, action: ACTIONS.upholdRejection });
      expectFieldRefusal(ctx.expect, bare, '/reasons', 'upholding the rejection without reasons');
      expectStatus(ctx, await act(sbx, 'sharing', 'request', upheld.id, ACTIONS.upholdRejection), 200, 'the city government upholds the rejection with reasons');
      expectState(ctx, await upheld.read(), 'rejection_upheld', "after the city government's decision");
      expectProblem(ctx.expect, await act(sbx, 'sharing', 'request', upheld.id, ACTIONS.approve), 409, 'ILLEGAL_TRANSITION', 'approving after the rejection was upheld (terminal)');
    });
  }),
];
