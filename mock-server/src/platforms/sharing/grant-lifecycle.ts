import { endOfShanghaiDay, shanghaiDate } from '@gdx/calendar';
import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { contentDigest } from '@gdx/protocol';
import type { SandboxContext } from '../../app/platform-module.js';
import { wireActor, wireEvent, type WireEvent } from '../workflow-host/index.js';
import type { GrantFields } from './grant-fields.js';
import type { GrantRecord, RequestRecord, SharingState } from './sharing-state.js';
import { grantView } from './wire-views.js';

const GATEWAY = 'https://share.gdx.dev/gateway';

/** Where the data is delivered, by method: an endpoint (api, stream), a table name, or a file reference. */
function delivery(method: GrantRecord['deliveryMethod'], grantId: string, code: string): Pick<GrantRecord, 'endpoint' | 'fileReference'> {
  if (method === 'file') {
    const digest = contentDigest(grantId, 'HMAC-SHA256');
    return { endpoint: null, fileReference: { name: `${code}.csv`, mediaType: 'text/csv', digest: `sha256:${digest}`, size: 1024 * (1 + (parseInt(digest.slice(0, 4), 16) % 4096)) } };
  }
  if (method === 'db_table') return { endpoint: `share_${code.replace(/[^A-Za-z0-9]/g, '_').toLowerCase()}`, fileReference: null };
  return { endpoint: `${GATEWAY}/${method}/${encodeURIComponent(code)}`, fileReference: null };
}

function publishGrant(state: SharingState, sandbox: SandboxContext, grant: GrantRecord, event: WireEvent): void {
  grant.events.push(event);
  sandbox.emit({ platform: 'sharing', objectType: 'grant', objectId: grant.id, organizationId: grant.owner, alsoNotify: [grant.providerId], event, object: () => grantView(state.host, grant) });
}

/**
 * Issues the grant of a request that reached `delivered` (unconditional at once, or the
 * provider's delivery): bound to the declared scenario, purpose and fields, valid within the
 * requested period of use — from the later of the delivery day and the period's start, until the
 * period's end or an earlier day the provider set; its expiry is planned on the sandbox clock. The grant records who delivered it and when (responsibility passes then).
 *
 * @example
 * ```ts
 * if (instance.state === 'delivered' && !record.grantId) issueGrant(state, sandbox, record, instance);
 * ```
 */
export function issueGrant(state: SharingState, sandbox: SandboxContext, request: RequestRecord, instance: WorkflowInstance): GrantRecord {
  const delivered = [...instance.events].reverse().find((e) => e.to === 'delivered') as WorkflowEvent;
  const fields = (instance.data.grant ?? {}) as GrantFields;
  const s = request.submission;
  const id = sandbox.ids.next('grt');
  const method = fields.deliveryMethod ?? s.deliveryMethod;
  const code = state.entry(request.entryId)?.resourceCode ?? request.entryId;
  const where = delivery(method, id, code);
  const deliveredOn = shanghaiDate(Date.parse(delivered.at));
  const until = fields.validUntil ?? s.periodOfUse.to;
  const grant: GrantRecord = {
    id,
    requestId: request.id,
    entryId: request.entryId,
    owner: request.owner,
    providerId: request.providerId,
    state: 'active',
    grantee: request.requester,
    provider: request.provider,
    deliveryMethod: method,
    endpoint: fields.endpoint ?? where.endpoint,
    fileReference: fields.fileReference ?? where.fileReference,
    credentials: { appKey: fields.credentials?.appKey ?? sandbox.ids.next('gak') },
    scope: { fields: [...s.fields], scenario: { ...s.scenario }, purpose: s.purpose },
    deliveredAt: delivered.at,
    // The grant never reaches outside the requested period of use (第二十六条: use as declared).
    validFrom: deliveredOn > s.periodOfUse.from ? deliveredOn : s.periodOfUse.from,
    validUntil: until < s.periodOfUse.to ? until : s.periodOfUse.to,
    updatedAt: delivered.at,
    events: [],
  };
  state.grants.set(id, grant);
  request.grantId = id;
  const event: WireEvent = { seq: 1, type: 'grant_issued', at: delivered.at, actor: wireActor(delivered.actor), from: null, to: 'active', reason: null, deadline: null };
  publishGrant(state, sandbox, grant, event);
  // A period already over expires at once (the clock never moves back).
  state.host.plan(Math.max(sandbox.now(), endOfShanghaiDay(grant.validUntil)), request.id, 'expire', { role: 'clock' });
  return grant;
}

/**
 * Ends a grant with its request (`revoked` by the authority or provider, `expired` at the end of
 * its last valid day), recording the event with its reason.
 *
 * @example
 * ```ts
 * endGrant(state, sandbox, grant, 'revoked', event);
 * ```
 */
export function endGrant(state: SharingState, sandbox: SandboxContext, grant: GrantRecord, to: 'revoked' | 'expired', cause: WorkflowEvent): void {
  if (grant.state !== 'active') return;
  const from = grant.state;
  grant.state = to;
  grant.updatedAt = cause.at;
  const wire = wireEvent(cause);
  publishGrant(state, sandbox, grant, { ...wire, seq: grant.events.length + 1, from, to, deadline: null });
}
