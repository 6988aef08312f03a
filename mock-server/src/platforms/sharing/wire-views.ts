import { answerOf, grantRulesWarnings, workflowFields, workflowFieldsWithRulesWarnings, type WorkflowHost } from '../workflow-host/index.js';
import type { GrantRecord, QualityIssueRecord, RequestRecord, SharingState } from './sharing-state.js';

/** Contract step names of the request machine's steps (`x-gdx-limits` `sharing.review`). */
export const REQUEST_STEPS = { review: 'joint_review' } as const;

/**
 * The OpenAPI `SharingRequest` of a record.
 *
 * @example
 * ```ts
 * requestView(state, record).deadline?.step; // 'joint_review' while under review
 * ```
 */
export function requestView(state: SharingState, record: RequestRecord) {
  const instance = state.host.get(record.id);
  return {
    id: record.id,
    entryId: record.entryId,
    resourceName: record.resourceName,
    sharingType: record.sharingType,
    requester: record.requester,
    provider: record.provider,
    submission: structuredClone(record.submission),
    grantId: record.grantId,
    reasons: structuredClone(record.reasons),
    ...(instance ? workflowFieldsWithRulesWarnings(state.host, instance) : {}),
  };
}

/**
 * The OpenAPI `Grant` of a record (no limit runs on a grant: `deadline` is `null`), with
 * `RULES_EXPIRED` while it is in force, or once it ended, after the sharing rules expired
 * (`grantRulesWarnings`).
 *
 * @example
 * ```ts
 * grantView(state.host, grant).scope.scenario; // the requester's declared scenario
 * ```
 */
export function grantView(host: WorkflowHost, grant: GrantRecord) {
  const { owner: _owner, providerId: _providerId, updatedAt: _updatedAt, ...wire } = structuredClone(grant);
  const endedAt = grant.state === 'active' ? null : grant.updatedAt;
  return { ...wire, deadline: null, warnings: grantRulesWarnings(host, { issuedAt: grant.deliveredAt, validUntil: grant.validUntil, endedAt }) };
}

/**
 * The OpenAPI `QualityIssue` of a record.
 *
 * @example
 * ```ts
 * qualityIssueView(state, issue).answer; // null until the provider answers
 * ```
 */
export function qualityIssueView(state: SharingState, record: QualityIssueRecord) {
  const instance = state.host.get(record.id);
  const s = record.submission;
  return {
    id: record.id,
    entryId: s.entryId,
    grantId: s.grantId ?? null,
    reporter: record.reporter,
    fields: s.fields ?? [],
    description: s.description,
    evidence: s.evidence ?? [],
    answer: instance ? answerOf(instance) : null,
    ...(instance ? workflowFields(state.host, instance) : {}),
  };
}
