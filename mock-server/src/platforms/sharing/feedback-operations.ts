import type { OperationContext, OperationHandler, OperationResult, SandboxContext } from '../../app/platform-module.js';
import { dataObjectionView, fileDataObjection, type DataObjectionRecord, type DataObjectionSubmission } from '../workflow-host/index.js';
import type { QualityIssueRecord, QualityIssueSubmission, SharingState } from './sharing-state.js';
import { qualityIssueView } from './wire-views.js';

type Ctx = OperationContext<SharingState>;

/**
 * Files a data-subject objection on the sharing platform (the signing organisation's, or a third
 * party's through the simulation API with `owner: null`); the referenced resource's provider answers.
 *
 * @example
 * ```ts
 * const record = fileSharingObjection(state, sandbox, null, 'public', submission);
 * ```
 */
export function fileSharingObjection(state: SharingState, sandbox: SandboxContext, owner: string | null, role: string, submission: DataObjectionSubmission): DataObjectionRecord {
  const resourceId = submission.dataReference.resourceId;
  const providerId = (resourceId ? state.entry(resourceId)?.provider.organizationId : undefined) ?? null;
  return fileDataObjection(state.host, sandbox, { machineId: 'sharing.data-objection', owner, role, providerId, submission }, state.objections);
}

function submitQualityIssue(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = ctx.caller!;
  const s = ctx.body as QualityIssueSubmission;
  const entry = state.entry(s.entryId);
  if (!entry) return ctx.problem('NOT_FOUND', { detail: `no published catalog resource ${s.entryId}` });
  if (s.grantId !== undefined) {
    const grant = state.grants.get(s.grantId);
    if (!grant || grant.owner !== caller.id) return ctx.problem('NOT_FOUND', { detail: `no grant ${s.grantId}` });
  }
  const actor = { role: 'data_user', organizationId: caller.id };
  state.host.check('sharing.quality-issue', { actor });
  const record: QualityIssueRecord = {
    id: sandbox.ids.next('qis'),
    owner: caller.id,
    providerId: entry.provider.organizationId,
    reporter: { creditCode: caller.creditCode, name: caller.name },
    submission: structuredClone(s),
  };
  state.issues.set(record.id, record);
  state.host.create('sharing.quality-issue', { id: record.id, actor });
  return { status: 201, body: qualityIssueView(state, record) };
}

/**
 * Data objections (answered within 5 WD) and quality issues (answered by the provider).
 *
 * @example
 * ```ts
 * feedbackOperations.submitDataObjection(ctx).status; // 201
 * ```
 */
export const feedbackOperations: Record<string, OperationHandler<SharingState>> = {
  submitDataObjection: (ctx) => {
    const record = fileSharingObjection(ctx.state, ctx.sandbox, ctx.caller!.id, 'data_user', ctx.body as DataObjectionSubmission);
    return { status: 201, body: dataObjectionView(ctx.state.host, record) };
  },
  getDataObjection: (ctx) => {
    const record = ctx.state.objections.get(ctx.params.objectionId ?? '');
    if (!record || record.owner !== ctx.caller?.id) return ctx.problem('NOT_FOUND', { detail: `no data objection ${ctx.params.objectionId}` });
    return { status: 200, body: dataObjectionView(ctx.state.host, record) };
  },
  submitQualityIssue,
  getQualityIssue: (ctx) => {
    const record = ctx.state.issues.get(ctx.params.issueId ?? '');
    if (!record || record.owner !== ctx.caller?.id) return ctx.problem('NOT_FOUND', { detail: `no quality issue ${ctx.params.issueId}` });
    return { status: 200, body: qualityIssueView(ctx.state, record) };
  },
};
