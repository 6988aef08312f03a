import type { Grant, SharingRequest, SubmitRequestBody } from '@gdx/sharing';
import { conditionalResourceOf, type ConditionalResource } from './conditional-resource.js';
import type { DemoSandbox } from './sandbox.js';
import { eventEntries, type TimelineEntry } from './timeline.js';

/** What the sharing story ends with, as the platform answered it. */
export interface SharingOutcome {
  resource: ConditionalResource;
  request: SharingRequest;
  grant: Grant;
  entries: TimelineEntry[];
}

/**
 * A conditional sharing request (厦门 第十七–十九条) for a resource: the scenario the grant will be
 * bound to, the purpose, the fewest data items that serve it, and the condition it meets.
 *
 * @example
 * ```ts
 * await sharing.requests.submit(conditionalRequest(resource, { name: '就业补贴资格核查', description: '…' }));
 * ```
 */
export function conditionalRequest(resource: ConditionalResource, scenario: { name: string; description: string }): SubmitRequestBody {
  const condition = resource.conditions.includes('specific_scenario') ? 'specific_scenario' : resource.conditions[0];
  return {
    entryId: resource.entryId,
    scenario,
    purpose: `${scenario.name}：核验申请人相关信息。`,
    fields: resource.items.slice(0, 2),
    deliveryMethod: resource.deliveryMethods[0]!,
    periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
    securityMeasures: '政务外网专线访问，最小权限账号，调用日志留存 6 个月。',
    ...(condition ? { condition } : {}),
  };
}

const SCENARIO = { name: '就业补贴资格核查', description: '发放就业补贴前核验申请人的相关登记信息。' };

/**
 * Opens the request of the demo: the human-resources bureau asks for a conditional resource of
 * the public security bureau, submitted on the sandbox's start (Friday 2025-09-26 09:00).
 *
 * @example
 * ```ts
 * const { request } = await submitDemoRequest(sandbox);
 * request.deadline?.dueDate; // national: '2025-10-16', xiamen: '2025-10-10'
 * ```
 */
export async function submitDemoRequest(s: DemoSandbox): Promise<{ resource: ConditionalResource; request: SharingRequest }> {
  const requester = s.organisation('data_user', '人力资源');
  const resource = await conditionalResourceOf(s, s.organisation('data_provider', '公安局'), requester);
  const request = await s.sharing(requester).requests.submit(conditionalRequest(resource, SCENARIO));
  return { resource, request };
}

/**
 * The joint review of a conditional request (national profile: 10 WD, 国发〔2016〕51号) across the
 * National Day holiday, approved by the data authority on 10-15 and delivered by the provider on
 * 10-16 with a grant bound to the declared scenario. Every date is the platform's.
 *
 * @example
 * ```ts
 * const { request, grant } = await sharingStory(sandbox);
 * ```
 */
export async function sharingStory(s: DemoSandbox): Promise<SharingOutcome> {
  const { resource, request: submitted } = await submitDemoRequest(s);
  const user = s.sharing(s.organisation('data_user', '人力资源'));
  const act = (action: 'approve' | 'deliver') => s.sim.officials.act(s.sandbox.id, { platform: 'sharing', objectType: 'request', objectId: submitted.id, action });

  await s.advanceTo('2025-10-15T10:00:00+08:00');
  await act('approve');
  await s.advanceTo('2025-10-16T10:00:00+08:00');
  await act('deliver');

  const request = await user.requests.get(submitted.id);
  if (request.state !== 'delivered' || !request.grantId) throw new Error(`expected a delivered request with a grant, the platform says ${request.state} (应已交付并授权)`);
  const grant = await user.grants.get(request.grantId);
  const granted: TimelineEntry = {
    at: grant.deliveredAt,
    text: `grant ${grant.id}: ${grant.deliveryMethod} ${grant.endpoint ?? ''} for “${grant.scope.scenario.name}”, fields ${grant.scope.fields.join('、')}, valid until ${grant.validUntil}`,
  };
  return { resource, request, grant, entries: [...eventEntries(request.events), granted] };
}
