import type { OperationContext, OperationHandler, OperationResult, SandboxContext } from '../../app/platform-module.js';
import { checkSubjectIsCaller, DATA_OBJECTION, DATA_OBJECTION_TEXTS, DATA_RESOURCE, dataObjectionView, fileDataObjection, missingReference, referencedProvider, requireRole, type DataObjectionRecord, type DataObjectionSubmission } from '../workflow-host/index.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { refuseBlankTexts } from '../../app/blank-text.js';
import { checkFields } from './request-operations.js';
import type { QualityIssueRecord, QualityIssueSubmission, SharingState } from './sharing-state.js';
import { qualityIssueView } from './wire-views.js';
import { GRANT, QUALITY_ISSUE } from './object-kinds.js';

type Ctx = OperationContext<SharingState>;

/**
 * Files a data-subject objection on the sharing platform (the signing organisation's, or a third
 * party's through the simulation API with `owner: null`, the submission at `at` in its body); the
 * referenced resource's provider answers (an unknown resource → 404, nothing filed).
 *
 * @example
 * ```ts
 * const record = fileSharingObjection(state, sandbox, null, 'public', submission, '/objection');
 * ```
 */
export function fileSharingObjection(state: SharingState, sandbox: SandboxContext, owner: string | null, role: string, submission: DataObjectionSubmission, at = ''): DataObjectionRecord {
  const providerId = referencedProvider(submission, at, (id) => state.entry(id)?.provider);
  return fileDataObjection(state.host, sandbox, { machineId: 'sharing.data-objection', owner, role, providerId, submission }, state.objections);
}

/**
 * The grant a quality issue names must be the caller's (404 otherwise, as any other organisation's
 * object) and for the issue's entry: an issue is traced to the resource it was found in (可追溯),
 * so a grant of another resource is a 400 at `/grantId`.
 */
function checkIssueGrant(state: SharingState, callerId: string, grantId: string, entryId: string): void {
  const grant = state.grants.get(grantId);
  if (!grant || grant.owner !== callerId) throw missingReference('/grantId', `no grant ${grantId}`, GRANT);
  if (grant.entryId === entryId) return;
  throw new PlatformProblem('VALIDATION_FAILED', {
    detail: `grant ${grantId} is for resource ${grant.entryId}, not ${entryId}`,
    errors: [{ pointer: '/grantId', code: 'GRANT_NOT_FOR_ENTRY', message: { zh: `该共享授权所属资源为 ${grant.entryId}，不是 ${entryId}`, en: `The grant is for resource ${grant.entryId}, not ${entryId}` } }],
  });
}

/**
 * A data user's report of a quality issue in a resource, which its provider answers (内政办发〔2023〕32号:
 * 问题数据可反馈、可追溯、可定责). Only the `data_user` role reports (403 otherwise, nothing filed):
 * the feedback is the using department's, never an auditor's (read-only) or the registry's. Live
 * only: an issue an older version took from another organisation replays as it was answered.
 */
function submitQualityIssue(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = ctx.replaying ? ctx.caller! : requireRole(ctx, 'data_user');
  const s = ctx.body as QualityIssueSubmission;
  if (!ctx.replaying) refuseBlankTexts(s, ['/description']);
  const entry = state.entry(s.entryId);
  if (!entry) throw missingReference('/entryId', `no published catalog resource ${s.entryId}`, DATA_RESOURCE);
  checkFields(entry, s.fields ?? []);
  if (s.grantId !== undefined) checkIssueGrant(state, caller.id, s.grantId, entry.id);
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
  return { status: 201, location: `/quality-issues/${record.id}`, body: qualityIssueView(state, record) };
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
    const body = ctx.body as DataObjectionSubmission;
    // Checked live only: an objection an older version acknowledged replays as it was answered.
    if (!ctx.replaying) {
      refuseBlankTexts(body, DATA_OBJECTION_TEXTS);
      checkSubjectIsCaller(body.subject, ctx.caller!);
    }
    const record = fileSharingObjection(ctx.state, ctx.sandbox, ctx.caller!.id, 'data_user', body);
    return { status: 201, location: `/data-objections/${record.id}`, body: dataObjectionView(ctx.state.host, record) };
  },
  getDataObjection: (ctx) => {
    const id = ctx.params.objectionId ?? '';
    const record = ctx.state.objections.get(id);
    if (!record || record.owner !== ctx.caller?.id) return ctx.problem('NOT_FOUND', unknownId('/path/objectionId', DATA_OBJECTION, id));
    return { status: 200, body: dataObjectionView(ctx.state.host, record) };
  },
  submitQualityIssue,
  getQualityIssue: (ctx) => {
    const id = ctx.params.issueId ?? '';
    const record = ctx.state.issues.get(id);
    if (!record || record.owner !== ctx.caller?.id) return ctx.problem('NOT_FOUND', unknownId('/path/issueId', QUALITY_ISSUE, id));
    return { status: 200, body: qualityIssueView(ctx.state, record) };
  },
};
