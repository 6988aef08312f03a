import { isIsoDate } from '@gdx/calendar';
import type { SandboxContext } from '../../app/platform-module.js';
import { invalid } from './ao-access.js';
import type { Agreement, AuthorizedOperationState, ScopeItem } from './ao-records.js';
import { checkScope } from './scope-checks.js';

/** The sections of 27号 第十四条, all required. */
const SECTIONS = ['productList', 'platform', 'assetOwnership', 'disclosure', 'accounting', 'revenueSharing', 'security', 'evaluation', 'liability', 'disputeResolution', 'changeTermination'] as const;
/** Sections some agreements add (Inner Mongolia 101号 第四条(五)), required where the profile's `agreementSections` names them. */
const OPTIONAL = ['other', 'reasonableReturnMethod', 'assetDisposal'] as const;
const KNOWN = new Set<string>([...SECTIONS, ...OPTIONAL, 'scope', 'term', 'securityCommitment']);
const SOURCES = new Set(['collected', 'shared']);
const MAX_TEXT = 4000;
const MAX_SCOPE = 500;
const ATTACHMENT_KEYS = new Set(['name', 'mediaType', 'digest', 'size', 'uri']);
const DIGEST = /^(sha256|sm3):[0-9a-f]{64}$/;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max;

function checkScopeItem(item: unknown, at: string): asserts item is ScopeItem {
  const i = item as Record<string, unknown> | null;
  if (!i || typeof i !== 'object' || Array.isArray(i)) throw invalid(at, 'SCOPE_ITEM_INVALID', '数据范围的每一项须为对象', 'Each scope item must be an object');
  if (!isText(i['entryId'], 64)) throw invalid(`${at}/entryId`, 'REQUIRED', '须填写目录标识（1–64 个字符）', 'entryId is required (1–64 characters)');
  if (!isText(i['name'], 200)) throw invalid(`${at}/name`, 'REQUIRED', '须填写名称（1–200 个字符）', 'name is required (1–200 characters)');
  if (!SOURCES.has(String(i['source']))) throw invalid(`${at}/source`, 'ENUM', '来源须为 collected 或 shared', 'source must be collected or shared');
  if (i['consentGrantId'] !== null && !isText(i['consentGrantId'], 64)) throw invalid(`${at}/consentGrantId`, 'TYPE', '须为共享授权标识或 null', 'consentGrantId must be a grant id or null');
  if (!isText(i['updateCycle'], 32)) throw invalid(`${at}/updateCycle`, 'REQUIRED', '须填写更新周期', 'updateCycle is required');
  if (!isText(i['grade'], 32)) throw invalid(`${at}/grade`, 'REQUIRED', '须填写分级', 'grade is required');
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
 * implementing body). Answers the agreement as stored (a deep copy of the known members).
 *
 * @example
 * ```ts
 * const agreement = checkAgreement(state, sandbox, body.agreement, selection.owner);
 * ```
 */
export function checkAgreement(state: AuthorizedOperationState, sandbox: SandboxContext, value: unknown, holder: string): Agreement {
  const a = value as Record<string, unknown> | null;
  if (!a || typeof a !== 'object' || Array.isArray(a)) throw invalid('/agreement', 'REQUIRED', '须提交授权运营协议', 'agreement is required');
  const unknown = Object.keys(a).find((k) => !KNOWN.has(k));
  if (unknown !== undefined) throw invalid(`/agreement/${unknown}`, 'UNKNOWN_MEMBER', '协议中没有该项', 'The agreement has no such member');
  for (const key of SECTIONS) if (!isText(a[key], MAX_TEXT)) throw invalid(`/agreement/${key}`, 'REQUIRED', `须填写协议条款 ${key}（1–4000 个字符）`, `${key} is required (1–4000 characters)`);
  // Sections a profile adds (Inner Mongolia 101号 第四条(五)、第三十二条) are required there.
  const required = state.host.procedures.profile.options.authorizedOperation.agreementSections.find((key) => a[key] === undefined);
  if (required !== undefined) throw invalid(`/agreement/${required}`, 'REQUIRED', `须填写协议条款 ${required}`, `${required} is required`);
  for (const key of OPTIONAL) if (a[key] !== undefined && !isText(a[key], MAX_TEXT)) throw invalid(`/agreement/${key}`, 'TYPE', '须为 1–4000 个字符的文字', 'Must be text of 1–4000 characters');
  const term = a['term'] as { from?: unknown; to?: unknown } | undefined;
  if (!term || typeof term.from !== 'string' || !isIsoDate(term.from)) throw invalid('/agreement/term/from', 'DATE', '须为有效日期 YYYY-MM-DD', 'Must be a calendar day YYYY-MM-DD');
  if (typeof term.to !== 'string' || !isIsoDate(term.to)) throw invalid('/agreement/term/to', 'DATE', '须为有效日期 YYYY-MM-DD', 'Must be a calendar day YYYY-MM-DD');
  if (term.to < term.from) throw invalid('/agreement/term', 'PERIOD_INVALID', '授权期限的截止日早于起始日', 'The term ends before it starts');
  const commitment = a['securityCommitment'];
  if (commitment !== undefined) checkAttachment(commitment, '/agreement/securityCommitment');
  const scope = a['scope'];
  if (!Array.isArray(scope) || scope.length < 1 || scope.length > MAX_SCOPE) throw invalid('/agreement/scope', 'SCOPE_SIZE', '数据范围须为 1–500 项', 'scope must have 1–500 items');
  scope.forEach((item, i) => checkScopeItem(item, `/agreement/scope/${i}`));
  checkScope(state, sandbox, scope as ScopeItem[], '/agreement/scope', [holder]);
  return structuredClone({ ...a, term: { from: term.from, to: term.to } }) as Agreement;
}
