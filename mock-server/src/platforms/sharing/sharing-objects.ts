import { grantObject, grantPlatformObjects } from '../workflow-host/index.js';
import type { GrantRecord, SharingState } from './sharing-state.js';

/**
 * The sharing platform's workflow objects: requests, data objections and quality issues
 * (kernel instances) and grants (issued on delivery, revoked through their request).
 *
 * @example
 * ```ts
 * sharingObjects.get(state, 'request', 'shr_1')?.state; // 'under_review'
 * ```
 */
export const sharingObjects = grantPlatformObjects<SharingState, GrantRecord>({
  host: (state) => state.host,
  objectTypes: {
    'sharing.request': 'request',
    'sharing.data-objection': 'data_objection',
    'sharing.quality-issue': 'quality_issue',
  },
  title: (state, id) => state.requests.get(id)?.resourceName ?? null,
  grants: (state) => state.grants,
  grant: (state, grant) => grantObject(state.host, { grant, title: state.requests.get(grant.requestId)?.resourceName ?? null, issuedBy: grant.requestId, actions: ['revoke'] }),
});
