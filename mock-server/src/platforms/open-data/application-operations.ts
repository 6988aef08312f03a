import type { OperationContext, OperationHandler, OperationResult, Organisation } from '../../app/platform-module.js';
import { nameKey } from '../../app/name-key.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { refuseBlankTexts } from '../../app/blank-text.js';
import { shanghaiDate } from '@gdx/calendar';
import { PERIOD_OF_USE_ENDS } from '@gdx/procedures';
import { checkPeriodOfUse, listEvents, listOwn, missingReference, requireRole } from '../workflow-host/index.js';
import type { OpenDataset } from '../../sandbox/seed/types.js';
import type { ApplicationRecord, ApplicationSubmission, OpenDataState } from './open-data-state.js';
import { applicationView } from './wire-views.js';
import { APPLICATION, OPEN_DATASET } from './object-kinds.js';

type Ctx = OperationContext<OpenDataState>;

function invalid(pointer: string, code: string, zh: string, en: string): PlatformProblem {
  return new PlatformProblem('VALIDATION_FAILED', { detail: en, errors: [{ pointer, code, message: { zh, en } }] });
}

/**
 * The datasets applied for: each must be an `on_application` dataset; a `not_open` resource answers
 * `NOT_OPEN`, an `open` one `DATASET_OPEN`, named as the profile names it (普遍开放 in Xiamen,
 * 无条件开放 nationally).
 */
function datasetsOf(state: OpenDataState, s: ApplicationSubmission) {
  const open = state.host.procedures.profile.labels.openingType.open;
  return s.datasetIds.map((id, i) => {
    const dataset = state.datasets.get(id);
    if (!dataset) {
      const entry = state.datasets.entry(id);
      if (entry?.opening.type === 'not_open') {
        const basis = entry.opening.legalBasis ?? '法律法规规定';
        throw new PlatformProblem('NOT_OPEN', {
          detail: `${entry.name} 不予开放，依据${basis}。`,
          // The dataset id to change, as the other refusals of a dataset point at theirs.
          errors: [
            {
              pointer: `/datasetIds/${i}`,
              code: 'NOT_OPEN',
              message: { zh: `该资源不予开放（依据${basis}），不能申请`, en: `The resource is not open (${basis}): it cannot be applied for` },
            },
          ],
          extensions: { legalBasis: basis },
        });
      }
      throw missingReference(`/datasetIds/${i}`, `no open dataset ${id}`, OPEN_DATASET);
    }
    if (dataset.openingType !== 'on_application') {
      throw invalid(`/datasetIds/${i}`, 'DATASET_OPEN', `该数据集为${open}，无需申请`, 'The dataset is open to everyone; no application is needed');
    }
    return dataset;
  });
}

/** How a dataset is delivered: `file` when it has files, `api` when it has an interface (its `distributions`). */
function deliveryMethodsOf(dataset: OpenDataset): string[] {
  return [...(dataset.files.length > 0 ? ['file'] : []), ...(dataset.api ? ['api'] : [])];
}

/**
 * The delivery method (数据提供方式, 第二十三条) must be one every dataset applied for offers, as a
 * sharing request's must be its resource's (`DELIVERY_METHOD_UNAVAILABLE`): a grant naming another
 * would promise a delivery no dataset has. 400 at `/deliveryMethod` with what each dataset offers.
 */
function checkDeliveryMethod(datasets: readonly OpenDataset[], method: string): void {
  const lacking = datasets.filter((d) => !deliveryMethodsOf(d).includes(method));
  if (lacking.length === 0) return;
  const offered = lacking.map((d) => `${d.title}：${deliveryMethodsOf(d).join('、') || '无'}`).join('；');
  const offeredEn = lacking.map((d) => `${d.id}: ${deliveryMethodsOf(d).join(', ') || 'none'}`).join('; ');
  throw invalid('/deliveryMethod', 'DELIVERY_METHOD_UNAVAILABLE', `数据集不提供 ${method} 方式（${offered}）`, `Not every dataset is delivered by ${method} (${offeredEn})`);
}

/**
 * The declared scenario must be one every dataset's scenario list lets through (第二十四条(一)
 * "明确开放数据仅限于特定场景使用，或者禁止用于特定场景"): named in its `allowed` list when that has
 * names, and not in its `denied` list. 400 `SCENARIO_NOT_ALLOWED` at `/scenario/name`. Names are
 * compared by `nameKey` (trimmed, NFKC), so `" 商业营销"` or a full-width variant of a denied name is
 * denied too.
 */
function checkScenario(datasets: readonly OpenDataset[], scenario: string): void {
  const key = nameKey(scenario);
  const named = (list: readonly string[]) => list.some((name) => nameKey(name) === key);
  for (const d of datasets) {
    const allowed = d.scenarioList?.allowed ?? [];
    const denied = d.scenarioList?.denied ?? [];
    if (named(denied)) {
      throw invalid('/scenario/name', 'SCENARIO_NOT_ALLOWED', `数据集“${d.title}”禁止用于应用场景“${scenario}”`, `The dataset ${d.id} may not be used for the scenario “${scenario}”`);
    }
    if (allowed.length > 0 && !named(allowed)) {
      throw invalid('/scenario/name', 'SCENARIO_NOT_ALLOWED', `数据集“${d.title}”仅限于以下应用场景：${allowed.join('、')}`, `The dataset ${d.id} is limited to the scenarios ${allowed.join(', ')}`);
    }
  }
}

/**
 * Evidence is given per opening condition the datasets set (第二十四条): each entry's condition is one
 * some dataset applied for sets (else `CONDITION_NOT_SET`: evidence for a condition nobody reviews),
 * and at most one entry per condition (else `CONDITION_EVIDENCE_REPEATED`: one entry holds all its
 * attachments). 400 at `/conditionEvidence/{i}/condition`, every such entry reported together.
 */
function checkEvidence(datasets: readonly OpenDataset[], evidence: ApplicationSubmission['conditionEvidence']): void {
  const set = new Set<string>(datasets.flatMap((d) => d.openingConditions));
  const seen = new Set<string>();
  const errors = evidence.flatMap(({ condition }, i) => {
    const pointer = `/conditionEvidence/${i}/condition`;
    if (!set.has(condition)) {
      return [{ pointer, code: 'CONDITION_NOT_SET', message: { zh: `所申请的数据集均未设置开放条件 ${condition}，无需提供证明材料`, en: `No dataset applied for sets the opening condition ${condition}, so it needs no evidence` } }];
    }
    if (seen.has(condition)) {
      return [{ pointer, code: 'CONDITION_EVIDENCE_REPEATED', message: { zh: `开放条件 ${condition} 的证明材料已在前面列出，请合并为一条`, en: `Evidence for the opening condition ${condition} is already listed: give it in one entry` } }];
    }
    seen.add(condition);
    return [];
  });
  if (errors.length > 0) throw new PlatformProblem('VALIDATION_FAILED', { detail: `${errors.length} condition evidence ${errors.length === 1 ? 'entry is' : 'entries are'} refused`, errors });
}

/**
 * An organisation applies in its own name, as a registrant files as one of the registrants
 * (registration's `REGISTRANT_NOT_CALLER`): an organisation `applicant` whose credit code is not
 * the signing organisation's is a 400 at `/applicant/creditCode`. (The grant is issued to the
 * applicant, so another organisation's code would hand it a grant it never asked for.)
 */
function checkApplicant(applicant: ApplicationSubmission['applicant'], caller: Organisation): void {
  if (applicant['kind'] !== 'organization' || applicant['creditCode'] === caller.creditCode) return;
  throw invalid('/applicant/creditCode', 'APPLICANT_NOT_CALLER', '申请人须为提交申请的单位本身（统一社会信用代码不符）', 'The applicant must be the signing organisation (the credit code differs)');
}

/** What an application states in writing (第二十三条) and the evidence for each condition (第二十四条). */
const APPLICATION_TEXTS = ['/scenario/name', '/dataScope', '/securityMeasures', '/conditionEvidence/{i}/text'];

function submitApplication(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  // Applications come from society (第二十三条); agencies obtain data through sharing.
  const caller = requireRole(ctx, 'applicant');
  const s = ctx.body as ApplicationSubmission;
  // Live only: an application an older version acknowledged with blank texts replays as answered.
  if (!ctx.replaying) refuseBlankTexts(s, APPLICATION_TEXTS);
  checkApplicant(s.applicant, caller);
  const datasets = datasetsOf(state, s);
  const evidenced = new Set(s.conditionEvidence.map((e) => e.condition));
  const missing = [...new Set(datasets.flatMap((d) => d.openingConditions))].filter((c) => !evidenced.has(c));
  if (missing.length > 0) {
    throw invalid('/conditionEvidence', 'CONDITION_EVIDENCE_MISSING', `缺少开放条件的证明材料：${missing.join('、')}`, `Evidence is missing for the opening conditions ${missing.join(', ')}`);
  }
  checkPeriodOfUse(s.periodOfUse, shanghaiDate(sandbox.now()), '/periodOfUse');
  // Checked live only: an application an older version acknowledged replays as it was answered.
  if (!ctx.replaying) {
    checkEvidence(datasets, s.conditionEvidence);
    checkDeliveryMethod(datasets, s.deliveryMethod);
    checkScenario(datasets, s.scenario.name);
  }
  const actor = { role: 'applicant', organizationId: caller.id };
  // The machine refuses approving once the period of use is over (WHILE_PERIOD_RUNS).
  const data = { [PERIOD_OF_USE_ENDS]: s.periodOfUse.to };
  state.host.check('open-data.application', { actor, data });
  const record: ApplicationRecord = {
    id: sandbox.ids.next('oda'),
    owner: caller.id,
    submission: structuredClone(s),
    datasets: datasets.map((d) => ({ id: d.id, title: d.title })),
    providerId: datasets[0]!.provider.organizationId,
    grantId: null,
    reasons: [],
    rejectedOn: null,
  };
  state.applications.set(record.id, record);
  state.host.create('open-data.application', { id: record.id, actor, data });
  return { status: 201, location: `/applications/${record.id}`, body: applicationView(state, record) };
}

/** The caller's own application, or 404 (another organisation's is not revealed). */
function ownApplication(ctx: Ctx): ApplicationRecord {
  const id = ctx.params.applicationId ?? '';
  const record = ctx.state.applications.get(id);
  if (!record || record.owner !== ctx.caller?.id) throw new PlatformProblem('NOT_FOUND', unknownId('/path/applicationId', APPLICATION, id));
  return record;
}

/**
 * On-application access (依申请开放): submit (initial review 3 WD from the application day,
 * then substantive review 7 WD from the day it passed), list, get and events of own applications.
 *
 * @example
 * ```ts
 * applicationOperations.submitApplication(ctx).status; // 201
 * ```
 */
export const applicationOperations: Record<string, OperationHandler<OpenDataState>> = {
  submitApplication,
  listApplications: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, 'application', ctx.state.applications, (a) => applicationView(ctx.state, a)) }),
  getApplication: (ctx) => ({ status: 200, body: applicationView(ctx.state, ownApplication(ctx)) }),
  listApplicationEvents: (ctx) => ({ status: 200, body: listEvents(ctx, ctx.state.host, ctx.state.host.get(ownApplication(ctx).id)!) }),
};
