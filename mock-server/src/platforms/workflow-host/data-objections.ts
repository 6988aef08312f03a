import type { WorkflowInstance } from '@gdx/kernel';
import type { OperationResult, Organisation, PlatformName, SandboxContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { answerOf, officialOrganisation, workflowFields } from './answer-duty.js';
import { DATA_RESOURCE, missingReference } from './missing-reference.js';
import type { WireMapping } from './wire.js';
import type { WorkflowHost } from './workflow-host.js';

/** The OpenAPI `DataObjectionSubmission` (validated by the core). */
export interface DataObjectionSubmission {
  subject: Record<string, unknown>;
  kind: 'inaccurate' | 'incomplete';
  dataReference: { resourceId?: string; description: string };
  text: string;
  evidence?: unknown[];
}

/** A data-subject objection (数据异议) kept by the sharing or open-data platform. */
export interface DataObjectionRecord {
  id: string;
  /** The signing organisation, or `null` for a third party filed through the simulation API. */
  owner: string | null;
  /** The provider of the referenced resource (answers it), when known. */
  providerId: string | null;
  submission: DataObjectionSubmission;
}

/** How the contract shows a data objection: its answer step is `objection_answer` (`x-gdx-limits` `*.data_objection`). */
export const OBJECTION_WIRE: WireMapping = { steps: { answer: 'objection_answer' } };

/**
 * The written texts of a data objection that must say something (`refuseBlankTexts`): what is
 * wrong and which data it concerns, for the receiving unit to handle and answer (厦门 第十四条).
 */
export const DATA_OBJECTION_TEXTS = ['/text', '/dataReference/description'] as const;

/**
 * A data subject objects to data about itself (厦门 第十四条): an organisation `subject` whose credit
 * code is not the signing organisation's is a 400 `VALIDATION_FAILED`, field code
 * `SUBJECT_NOT_CALLER` at `/subject/creditCode`, as an application's applicant must be the caller
 * (`APPLICANT_NOT_CALLER`). A person subject is taken (the unit a person objected at files it).
 *
 * @example
 * ```ts
 * if (!ctx.replaying) checkSubjectIsCaller(body.subject, ctx.caller!); // another org's code → 400
 * ```
 */
export function checkSubjectIsCaller(subject: Readonly<Record<string, unknown>>, caller: Pick<Organisation, 'creditCode'>): void {
  if (subject['kind'] !== 'organization' || subject['creditCode'] === caller.creditCode) return;
  const zh = `单位只能就涉及本单位的数据以本单位名义提出异议：数据主体的统一社会信用代码应为 ${caller.creditCode}`;
  const en = `An organisation objects to data about itself, in its own name: the subject's credit code must be ${caller.creditCode}`;
  throw new PlatformProblem('VALIDATION_FAILED', { detail: en, errors: [{ pointer: '/subject/creditCode', code: 'SUBJECT_NOT_CALLER', message: { zh, en } }] });
}

/**
 * The provider who answers an objection: the one of the resource it references, or `null` when
 * it references none (the data authority answers). A reference the platform does not know is a
 * 404 `NOT_FOUND` at `<at>/dataReference/resourceId`, as a request for an unknown catalog entry
 * is: nobody could answer it, so it would only run out its 5 WD.
 *
 * @example
 * ```ts
 * const providerId = referencedProvider(submission, '', (id) => state.entry(id)?.provider);
 * ```
 */
export function referencedProvider(submission: DataObjectionSubmission, at: string, providerOf: (resourceId: string) => { organizationId: string } | undefined): string | null {
  const resourceId = submission.dataReference.resourceId;
  if (resourceId === undefined) return null;
  const provider = providerOf(resourceId);
  if (provider) return provider.organizationId;
  throw missingReference(`${at}/dataReference/resourceId`, `no data resource ${resourceId}`, DATA_RESOURCE);
}

/**
 * Files a data-subject objection: `submitted` with its answer deadline (5 WD), answered by the
 * provider of the referenced resource (or the data authority when none is referenced).
 * Checks the calendar before drawing an id, so a refusal changes nothing.
 *
 * @example
 * ```ts
 * const record = fileDataObjection(host, sandbox, { machineId: 'sharing.data-objection', owner: caller.id, role: 'data_user', providerId, submission });
 * ```
 */
export function fileDataObjection(
  host: WorkflowHost,
  sandbox: SandboxContext,
  input: { machineId: string; owner: string | null; role: string; providerId: string | null; submission: DataObjectionSubmission },
  store: Map<string, DataObjectionRecord>,
): DataObjectionRecord {
  const actor = { role: input.role, ...(input.owner ? { organizationId: input.owner } : {}) };
  host.check(input.machineId, { actor });
  const record: DataObjectionRecord = { id: sandbox.ids.next('dob'), owner: input.owner, providerId: input.providerId, submission: structuredClone(input.submission) };
  store.set(record.id, record);
  host.create(input.machineId, { id: record.id, actor });
  return record;
}

/**
 * The OpenAPI `DataObjection` of a record.
 *
 * @example
 * ```ts
 * dataObjectionView(host, record).deadline?.step; // 'objection_answer'
 * ```
 */
export function dataObjectionView(host: WorkflowHost, record: DataObjectionRecord, instance: WorkflowInstance | undefined = host.get(record.id)) {
  const s = record.submission;
  return {
    id: record.id,
    subject: s.subject,
    kind: s.kind,
    dataReference: s.dataReference,
    text: s.text,
    evidence: s.evidence ?? [],
    answer: instance ? answerOf(instance) : null,
    ...(instance ? workflowFields(host, instance) : {}),
  };
}

/**
 * The simulation API's answer to a third party's data objection (`POST …/objections`, `kind: data`).
 *
 * @example
 * ```ts
 * return thirdPartyObjectionResult('sharing', state.host, record);
 * ```
 */
export function thirdPartyObjectionResult(platform: PlatformName, host: WorkflowHost, record: DataObjectionRecord): OperationResult {
  return { status: 201, body: { kind: 'data', platform, objectType: 'data_objection', objectId: record.id, object: dataObjectionView(host, record) } };
}

/**
 * Who answers for an objection: the provider for `data_provider`, else the sandbox's official.
 *
 * @example
 * ```ts
 * objectionOfficial(sandbox, record, 'data_provider'); // the provider's organisation id
 * ```
 */
export function objectionOfficial(sandbox: SandboxContext, record: DataObjectionRecord | undefined, role: string): string | null {
  if (role === 'data_provider' && record?.providerId) return record.providerId;
  return officialOrganisation(sandbox, role === 'data_provider' ? 'data_authority' : role)?.id ?? null;
}
