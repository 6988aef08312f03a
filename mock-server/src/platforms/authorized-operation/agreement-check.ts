import { isIsoDate } from '@gdx/calendar';
import type { SandboxContext } from '../../app/platform-module.js';
import { sharedContract } from '../../app/shared-contracts.js';
import { invalid } from './ao-access.js';
import type { Agreement, AuthorizedOperationState, ScopeItem } from './ao-records.js';
import { checkScope } from './scope-checks.js';

/** The sections of 27号 第十四条, all required. */
const SECTIONS = ['productList', 'platform', 'assetOwnership', 'disclosure', 'accounting', 'revenueSharing', 'security', 'evaluation', 'liability', 'disputeResolution', 'changeTermination'] as const;
/** Sections some agreements add (Inner Mongolia 101号 第四条(五)), required where the profile's `agreementSections` names them. */
const OPTIONAL = ['other', 'reasonableReturnMethod', 'assetDisposal'] as const;
const KNOWN = new Set<string>([...SECTIONS, ...OPTIONAL, 'scope', 'term', 'securityCommitment']);
const SOURCES = new Set(['collected', 'shared']);
/** The members of a scope item (the contract's `ScopeItem`, `additionalProperties: false`). */
const SCOPE_ITEM_KEYS = new Set(['entryId', 'name', 'source', 'consentGrantId', 'updateCycle', 'grade']);
const MAX_TEXT = 4000;
const MAX_SCOPE = 500;
const ATTACHMENT_KEYS = new Set(['name', 'mediaType', 'digest', 'size', 'uri']);
const DIGEST = /^(sha256|sm3):[0-9a-f]{64}$/;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max;

/**
 * Refuses a member that is not text of 1–`max` characters, saying which: missing (`REQUIRED`),
 * another JSON type (`TYPE`, naming it: `productList: 5` is no missing section) or a length out
 * of bounds (`LENGTH`).
 */
function checkText(value: unknown, at: string, name: string, max: number): asserts value is string {
  if (value === undefined) throw invalid(at, 'REQUIRED', `须填写 ${name}（1–${max} 个字符）`, `${name} is required (1–${max} characters)`);
  if (typeof value !== 'string') {
    const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    throw invalid(at, 'TYPE', `${name} 须为文字（1–${max} 个字符），不能是 ${type}`, `${name} must be text (1–${max} characters), not ${type}`);
  }
  if (value.length < 1 || value.length > max) throw invalid(at, 'LENGTH', `${name} 须为 1–${max} 个字符（现为 ${value.length} 个）`, `${name} must be 1–${max} characters long (it has ${value.length})`);
}

/** The values of a code enum of the authorized-operation contract (`UpdateCycle`, `DataGrade`), read from it so they cannot drift. */
function contractCodes(schema: 'UpdateCycle' | 'DataGrade'): readonly string[] {
  const schemas = sharedContract('authorized-operation').components?.['schemas'] as Record<string, { enum?: string[] }> | undefined;
  return schemas?.[schema]?.enum ?? [];
}

/**
 * Refuses a scope item's code member that is not one of its enum's codes (`ENUM`, listing them):
 * a label such as `每周` or `一般` was taken and stored, and the selection then showed an
 * agreement its own contract refuses.
 */
function checkCode(value: unknown, at: string, name: string, schema: 'UpdateCycle' | 'DataGrade'): void {
  if (value === undefined) throw invalid(at, 'REQUIRED', `须填写 ${name}`, `${name} is required`);
  const codes = contractCodes(schema);
  if (typeof value !== 'string' || !codes.includes(value)) throw invalid(at, 'ENUM', `${name} 须为以下代码之一：${codes.join('、')}`, `${name} must be one of the codes ${codes.join(', ')}`);
}

/** Refuses a term member that is missing (`REQUIRED`) or no calendar day (`DATE`). */
function checkDay(value: unknown, at: string): asserts value is string {
  if (value === undefined) throw invalid(at, 'REQUIRED', '须填写日期 YYYY-MM-DD', 'A calendar day YYYY-MM-DD is required');
  if (typeof value !== 'string' || !isIsoDate(value)) throw invalid(at, 'DATE', '须为有效日期 YYYY-MM-DD', 'Must be a calendar day YYYY-MM-DD');
}

/**
 * Checks one scope item. Its codes and members are checked live only (`replaying` false): an
 * agreement an older version took with a label (`每周`) or an extra member replays as answered.
 */
function checkScopeItem(item: unknown, at: string, replaying: boolean): asserts item is ScopeItem {
  const i = item as Record<string, unknown> | null;
  if (!i || typeof i !== 'object' || Array.isArray(i)) throw invalid(at, 'SCOPE_ITEM_INVALID', '数据范围的每一项须为对象', 'Each scope item must be an object');
  checkText(i['entryId'], `${at}/entryId`, 'entryId', 64);
  checkText(i['name'], `${at}/name`, 'name', 200);
  if (!SOURCES.has(String(i['source']))) throw invalid(`${at}/source`, 'ENUM', '来源须为 collected 或 shared', 'source must be collected or shared');
  if (i['consentGrantId'] !== null && !isText(i['consentGrantId'], 64)) throw invalid(`${at}/consentGrantId`, 'TYPE', '须为共享授权标识或 null', 'consentGrantId must be a grant id or null');
  if (replaying) {
    checkText(i['updateCycle'], `${at}/updateCycle`, 'updateCycle', 32);
    checkText(i['grade'], `${at}/grade`, 'grade', 32);
    return;
  }
  checkCode(i['updateCycle'], `${at}/updateCycle`, 'updateCycle', 'UpdateCycle');
  checkCode(i['grade'], `${at}/grade`, 'grade', 'DataGrade');
  const unknown = Object.keys(i).find((k) => !SCOPE_ITEM_KEYS.has(k));
  if (unknown !== undefined) throw invalid(`${at}/${unknown}`, 'UNKNOWN_MEMBER', '数据范围项中没有该项', 'A scope item has no such member');
}

/** An `Attachment` reference (Inner Mongolia's 数据安全承诺书): name, media type, digest, size, optional URI. */
function checkAttachment(value: unknown, at: string): void {
  const v = value as Record<string, unknown> | null;
  const ok =
    v !== null && typeof v === 'object' && !Array.isArray(v) &&
    Object.keys(v).every((k) => ATTACHMENT_KEYS.has(k)) &&
    isText(v['name'], 255) && isText(v['mediaType'], 255) && typeof v['digest'] === 'string' && DIGEST.test(v['digest']) &&
    Number.isSafeInteger(v['size']) && (v['size'] as number) >= 0 && (v['uri'] === undefined || isText(v['uri'], 2048));
  if (!ok) throw invalid(at, 'ATTACHMENT_INVALID', '须为附件引用（name、mediaType、digest、size）', 'Must be an attachment reference (name, mediaType, digest, size)');
}

/**
 * Checks an agreement an official deliberates or signs (`/agreement` of the simulation action,
 * the contract's `Agreement` without `signedOn`): every section of 27号 第十四条 as text of at most
 * 4,000 characters, the profile's `agreementSections` (Inner Mongolia's), a term of two calendar days in order, at most 500 scope items, each a
 * published catalog entry with the provider's consent for shared data (`checkScope`, held by the
 * implementing body), its `updateCycle` and `grade` codes of the contract and no other member
 * (live only: `replaying` keeps an older version's answer). Answers the agreement as stored (a
 * deep copy of the known members).
 *
 * @example
 * ```ts
 * const agreement = checkAgreement(state, sandbox, body.agreement, selection.owner);
 * ```
 */
export function checkAgreement(state: AuthorizedOperationState, sandbox: SandboxContext, value: unknown, holder: string, replaying = false): Agreement {
  const a = value as Record<string, unknown> | null;
  if (!a || typeof a !== 'object' || Array.isArray(a)) throw invalid('/agreement', 'REQUIRED', '须提交授权运营协议', 'agreement is required');
  const unknown = Object.keys(a).find((k) => !KNOWN.has(k));
  if (unknown !== undefined) throw invalid(`/agreement/${unknown}`, 'UNKNOWN_MEMBER', '协议中没有该项', 'The agreement has no such member');
  for (const key of SECTIONS) checkText(a[key], `/agreement/${key}`, key, MAX_TEXT);
  // Sections a profile adds (Inner Mongolia 101号 第四条(五)、第三十二条) are required there.
  const required = state.host.procedures.profile.options.authorizedOperation.agreementSections.find((key) => a[key] === undefined);
  if (required !== undefined) throw invalid(`/agreement/${required}`, 'REQUIRED', `须填写协议条款 ${required}`, `${required} is required`);
  for (const key of OPTIONAL) if (a[key] !== undefined) checkText(a[key], `/agreement/${key}`, key, MAX_TEXT);
  const term = a['term'] as { from?: unknown; to?: unknown } | null | undefined;
  if (term === undefined) throw invalid('/agreement/term', 'REQUIRED', '须填写授权期限 { from, to }', 'term { from, to } is required');
  if (term === null || typeof term !== 'object' || Array.isArray(term)) throw invalid('/agreement/term', 'TYPE', '授权期限须为对象 { from, to }', 'term must be an object { from, to }');
  checkDay(term.from, '/agreement/term/from');
  checkDay(term.to, '/agreement/term/to');
  if (term.to < term.from) throw invalid('/agreement/term', 'PERIOD_INVALID', '授权期限的截止日早于起始日', 'The term ends before it starts');
  const commitment = a['securityCommitment'];
  if (commitment !== undefined) checkAttachment(commitment, '/agreement/securityCommitment');
  const scope = a['scope'];
  if (!Array.isArray(scope) || scope.length < 1 || scope.length > MAX_SCOPE) throw invalid('/agreement/scope', 'SCOPE_SIZE', '数据范围须为 1–500 项', 'scope must have 1–500 items');
  scope.forEach((item, i) => checkScopeItem(item, `/agreement/scope/${i}`, replaying));
  checkScope(state, sandbox, scope as ScopeItem[], '/agreement/scope', [holder]);
  return structuredClone({ ...a, term: { from: term.from, to: term.to } }) as Agreement;
}
