import { validateCreditCode, validateResidentId } from '@gdx/identifiers';
import type { FieldError } from '@gdx/protocol';
import type { Organisation } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { OrgRef } from './records.js';

function creditCodeError(code: string, pointer: string): FieldError | undefined {
  const r = validateCreditCode(code);
  return r.valid ? undefined : { pointer, code: r.code, message: r.message };
}

function fail(errors: FieldError[]): never {
  const n = errors.length;
  throw new PlatformProblem('VALIDATION_FAILED', { detail: `${n} ${n === 1 ? 'field is' : 'fields are'} invalid`, errors });
}

/**
 * Checks what the schema cannot: every credit code's check character (GB 32100) and, when the
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
  const errors = registrants.flatMap((r, i) => creditCodeError(r.creditCode, `${pointer}/${i}/creditCode`) ?? []);
  if (errors.length === 0 && filer !== null && !registrants.some((r) => r.creditCode === filer.creditCode)) {
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
