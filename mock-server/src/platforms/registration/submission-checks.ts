import { validateCreditCode, validateResidentId } from '@gdx/identifiers';
import type { FieldError } from '@gdx/protocol';
import type { Organisation } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { isBlankText } from '../../app/blank-text.js';
import { fieldCountDetail } from '../../app/field-count.js';
import type { OrgRef, Submission } from './records.js';

function creditCodeError(code: string, pointer: string): FieldError | undefined {
  const r = validateCreditCode(code);
  return r.valid ? undefined : { pointer, code: r.code, message: r.message };
}

function fail(errors: FieldError[]): never {
  throw new PlatformProblem('VALIDATION_FAILED', { detail: fieldCountDetail(errors), errors });
}

/** The index of the first registrant with `code`, `-1` if none (a loop: no closure per registrant). */
function firstWithCode(registrants: readonly OrgRef[], code: string): number {
  for (let j = 0; j < registrants.length; j++) if ((registrants[j] as OrgRef).creditCode === code) return j;
  return -1;
}

/** A registrant named again (same credit code as an earlier entry): one unit is one registrant, however often it is listed. */
function duplicateError(registrants: readonly OrgRef[], i: number, pointer: string): FieldError | undefined {
  const first = firstWithCode(registrants, (registrants[i] as OrgRef).creditCode);
  if (first === i) return undefined;
  return {
    pointer: `${pointer}/${i}/creditCode`,
    code: 'DUPLICATE_REGISTRANT',
    message: { zh: `登记主体重复：与第 ${first + 1} 个登记主体的统一社会信用代码相同`, en: `Duplicate registrant: the same credit code as registrant ${first + 1}` },
  };
}

/**
 * Checks what the schema cannot: every credit code's check character (GB 32100), no registrant
 * listed twice, and, when the
 * registrant files (`filer`), that it is one of the registrants (a joint application is filed by
 * one of them, 第七条); an interested party's correction (`filer` `null`) names the registrants
 * of the registration it corrects, not itself.
 *
 * @example
 * ```ts
 * checkRegistrants(body.registrants, caller, '/registrants');
 * ```
 */
export function checkRegistrants(registrants: readonly OrgRef[], filer: Organisation | null, pointer: string): void {
  // Plain loops, errors made only for a bad entry: the pointer of each entry is built only when it
  // is reported (every create runs this; nearly all pass).
  const errors: FieldError[] = [];
  for (let i = 0; i < registrants.length; i++) {
    const code = (registrants[i] as OrgRef).creditCode;
    const error = validateCreditCode(code).valid ? duplicateError(registrants, i, pointer) : creditCodeError(code, `${pointer}/${i}/creditCode`);
    if (error !== undefined) errors.push(error);
  }
  if (errors.length === 0 && filer !== null && firstWithCode(registrants, filer.creditCode) < 0) {
    errors.push({
      pointer,
      code: 'REGISTRANT_NOT_CALLER',
      message: { zh: '申请单位须为登记主体之一', en: 'The signing organisation must be one of the registrants' },
    });
  }
  if (errors.length > 0) fail(errors);
}

/**
 * Checks an objector's real identity: the credit code or resident ID check character (实名异议).
 *
 * @example
 * ```ts
 * checkObjector({ kind: 'person', residentId: '150102198511224565', name: '李四' }, '/objector');
 * ```
 */
export function checkObjector(objector: Readonly<Record<string, unknown>>, pointer: string): void {
  if (objector['kind'] === 'person') {
    const r = validateResidentId(String(objector['residentId']));
    if (!r.valid) fail([{ pointer: `${pointer}/residentId`, code: r.code, message: r.message }]);
    return;
  }
  const error = creditCodeError(String(objector['creditCode']), `${pointer}/creditCode`);
  if (error) fail([error]);
}

/**
 * Checks that a signed organisation objects in its own name (实名提出异议, 第十二条): the objector
 * is the signing organisation itself. An objection in another organisation's name is not a
 * real-name one (400 `OBJECTOR_NOT_CALLER` at `…/creditCode`); a natural person objects through
 * their own identity, which no organisation's signature is (at `…/kind`; the mock takes a
 * person's objection through the simulation API's third-party objections).
 *
 * @example
 * ```ts
 * checkObjectorIsCaller(body.objector, caller, '/objector'); // throws for another organisation's credit code
 * ```
 */
export function checkObjectorIsCaller(objector: Readonly<Record<string, unknown>>, caller: Organisation, pointer: string): void {
  if (objector['kind'] === 'organization' && objector['creditCode'] === caller.creditCode) return;
  const person = objector['kind'] === 'person';
  fail([
    {
      pointer: person ? `${pointer}/kind` : `${pointer}/creditCode`,
      code: 'OBJECTOR_NOT_CALLER',
      message: person
        ? { zh: '单位不能以自然人名义提出异议：异议须由异议人以本人身份实名提出', en: 'An organisation cannot object in the name of a natural person: the objector files in their own name' }
        : { zh: `异议须以本单位名义实名提出：统一社会信用代码应为 ${caller.creditCode}`, en: `The objection must be filed in the signing organisation's own name: credit code ${caller.creditCode}` },
    },
  ]);
}

/**
 * Checks that an objection comes from outside the application (利害关系人, 第十二条): an objector
 * who is one of the application's registrants — its filer or a co-registrant of a joint one —
 * would stop its own notice, which is a withdrawal's to do, not an objection's (400
 * `OBJECTOR_IS_REGISTRANT` at `…/creditCode`). A person is never a registrant here.
 *
 * @example
 * ```ts
 * checkObjectorOutsideApplication(body.objector, app.submission.registrants, '/objector'); // throws for a registrant's code
 * ```
 */
export function checkObjectorOutsideApplication(objector: Readonly<Record<string, unknown>>, registrants: readonly OrgRef[], pointer: string): void {
  const code = objector['creditCode'];
  if (objector['kind'] !== 'organization' || !registrants.some((r) => r.creditCode === code)) return;
  fail([
    {
      pointer: `${pointer}/creditCode`,
      code: 'OBJECTOR_IS_REGISTRANT',
      message: {
        zh: `统一社会信用代码 ${String(code)} 是该登记申请的登记主体：异议须由利害关系人提出，登记主体不能对本申请提出异议`,
        en: `Credit code ${String(code)} is a registrant of this application: objections come from interested parties, not from the application's own registrants`,
      },
    },
  ]);
}

/**
 * Checks that a renewal can move the validity: its period ends at the authorised operating term
 * (the new `authorisedTermEnd`, else the registration's), so a term ending on or before the
 * current `validUntil` would "renew" nothing (第十五条: never past the authorised term).
 *
 * @example
 * ```ts
 * checkRenewalTerm('2027-06-30', '2027-06-30', '/authorisedTermEnd'); // throws 400 TERM_ENDS_BY_VALIDITY
 * ```
 */
export function checkRenewalTerm(termEnd: string | null, validUntil: string, pointer: string): void {
  if (termEnd === null || termEnd > validUntil) return;
  fail([
    {
      pointer,
      code: 'TERM_ENDS_BY_VALIDITY',
      message: {
        zh: `授权运营期限至 ${termEnd}，不晚于当前有效期（至 ${validUntil}），续展无法延长有效期：请提供新的授权运营期限`,
        en: `The authorised operating term ends on ${termEnd}, not after the current validity (${validUntil}): a renewal could not extend it; give the new term end`,
      },
    },
  ]);
}

/** The authorised term of an application's rights (223号 法律属性: 权利期限), when it states one. */
interface Rights {
  term?: { from: string; to: string };
}

/**
 * Checks the authorised term of `rights` (223号 法律属性) against what a registration needs: a
 * term ending before it starts is no term (400 `TERM_ENDS_BEFORE_START`), and one that ended
 * before `today` (Shanghai) would be coded already expired — validity is capped by the term
 * (第十五条) — so it is refused (400 `TERM_ALREADY_ENDED`) unless `ended` is allowed: a
 * cancellation may well rest on a term that ran out (注销: 权利期限届满). 400 as the other
 * date checks of a submission (`OPERATION_START_AFTER_RECEIPT`). Both point at `…/term/to`.
 *
 * @example
 * ```ts
 * checkRightsTerm(body.rights, '2025-10-09', { pointer: '/rights', ended: false }); // throws for a term to 2021-01-01
 * ```
 */
export function checkRightsTerm(rights: unknown, today: string, options: { pointer: string; ended: boolean }): void {
  const term = (rights as Rights | undefined)?.term;
  if (!term) return;
  // The pointer is built only for a refusal: every create with a term runs this, nearly all pass.
  if (term.to < term.from || (!options.ended && term.to < today)) refuseRightsTerm(term, today, options.pointer);
}

/** The 400 of a term that ends before it starts, else of one that ended before `today`; `rightsPointer` points at the rights object. */
function refuseRightsTerm(term: { from: string; to: string }, today: string, rightsPointer: string): never {
  const pointer = `${rightsPointer}/term/to`;
  if (term.to < term.from) {
    fail([{ pointer, code: 'TERM_ENDS_BEFORE_START', message: { zh: `权利期限止日（${term.to}）早于起日（${term.from}）`, en: `The term ends (${term.to}) before it starts (${term.from})` } }]);
  }
  fail([{ pointer, code: 'TERM_ALREADY_ENDED', message: { zh: `权利期限已于 ${term.to} 届满，早于今日（${today}），登记结果将自始失效`, en: `The term ended on ${term.to}, before today (${today}): the registration would be born expired` } }]);
}

/** The content a change or correction may bring besides its registrants (`ApplicationContent`). */
const CHANGEABLE_CONTENT = ['resource', 'legalSource', 'evidence', 'products', 'scenarios', 'riskAssessment', 'rights', 'valueAttributes', 'commitmentLetter', 'thirdPartyReports'] as const;

/**
 * A change or correction states what it changes (26号 第九条(二): 重要更新或重大变化; (三): 登记信息确有错误):
 * a content section, a `changeDescription` written out, or registrants other than the
 * registration's `registered` (the same units in another order are no change). One with none would
 * run acceptance, review and, for a change, a 10 WD public notice over nothing: 400
 * `VALIDATION_FAILED`, code `NOTHING_TO_CHANGE` at `/changeDescription`.
 *
 * @example
 * ```ts
 * checkStatesChange({ type: 'change', registrants: reg.registrants, registrationId: reg.id }, reg.registrants); // throws: nothing to change
 * ```
 */
export function checkStatesChange(submission: Submission, registered: readonly OrgRef[]): void {
  if (CHANGEABLE_CONTENT.some((field) => submission[field] !== undefined)) return;
  const description = submission['changeDescription'];
  if (typeof description === 'string' && !isBlankText(description)) return;
  const codes = new Set(registered.map((r) => r.creditCode));
  if (submission.registrants.length !== codes.size || submission.registrants.some((r) => !codes.has(r.creditCode))) return;
  fail([{
    pointer: '/changeDescription',
    code: 'NOTHING_TO_CHANGE',
    message: {
      zh: '变更或更正登记须说明变更内容：提供变更后的登记内容、变更说明（changeDescription）或变更后的登记主体',
      en: 'A change or correction states what it changes: changed content, a changeDescription, or other registrants',
    },
  }]);
}
