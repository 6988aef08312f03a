import type { FieldError } from '@gdx/protocol';
import { nameKey } from '../../app/name-key.js';
import { PlatformProblem } from '../../app/platform-problem.js';

interface AttributeLike {
  type?: unknown;
  conditions?: unknown;
  deliveryMethods?: unknown;
  scenarioList?: { allowed?: string[]; denied?: string[] };
}

const count = (list: unknown): number => (Array.isArray(list) ? list.length : 0);

function fieldError(pointer: string, code: string, zh: string, en: string): FieldError {
  return { pointer, code, message: { zh, en } };
}

/**
 * What contradicts the sharing attribute's own type (厦门 第十七、十九条): a `conditional` resource
 * states its conditions through the catalog (数据提供单位应当通过数据目录相关信息项明确共享条件), else no
 * request could ever name a condition it lists; conditions belong to `conditional` only; a shared
 * resource (`unconditional`, `conditional`) offers at least one delivery method, else every request
 * is refused for its method. A `not_shared` resource is requested by no one, so its methods are free.
 */
function sharingErrors(sharing: AttributeLike, pointer: string): FieldError[] {
  const errors: FieldError[] = [];
  const conditions = count(sharing.conditions);
  if (sharing.type === 'conditional' && conditions === 0) {
    errors.push(fieldError(`${pointer}/conditions`, 'SHARING_CONDITIONS_REQUIRED', '有条件共享的资源须在目录中列明共享条件（厦门 第十七条）', 'A conditional resource lists its sharing conditions in the catalog (Xiamen art. 17)'));
  }
  if (sharing.type !== 'conditional' && conditions > 0) {
    errors.push(fieldError(`${pointer}/conditions`, 'SHARING_CONDITIONS_NOT_ALLOWED', `共享条件仅适用于有条件共享，${String(sharing.type)} 资源不得列明共享条件`, `Sharing conditions belong to conditional resources; a ${String(sharing.type)} one lists none`));
  }
  if (sharing.type !== 'not_shared' && count(sharing.deliveryMethods) === 0) {
    errors.push(fieldError(`${pointer}/deliveryMethods`, 'DELIVERY_METHODS_REQUIRED', '可共享的资源须至少提供一种共享方式（厦门 第十九条）', 'A shared resource offers at least one delivery method (Xiamen art. 19)'));
  }
  return errors;
}

/**
 * The scenario lists state the application-scenario condition (第二十四条(一)): only an
 * `on_application` opening listing `scenario_list` has them, and no scenario is both allowed and denied
 * (names compared by `nameKey`, trimmed and NFKC, as the open-data platform compares an application's).
 */
function scenarioListErrors(opening: AttributeLike, pointer: string): FieldError[] {
  const list = opening.scenarioList;
  if (list === undefined) return [];
  const withCondition = opening.type === 'on_application' && Array.isArray(opening.conditions) && opening.conditions.includes('scenario_list');
  if (!withCondition) {
    return [fieldError(`${pointer}/scenarioList`, 'SCENARIO_LIST_WITHOUT_CONDITION', '应用场景白名单、黑名单须与依申请开放的应用场景要求（scenario_list）一并列明（第二十四条(一)）', 'Scenario lists go with an on_application opening that lists the scenario_list condition (art. 24(1))')];
  }
  const allowed = new Set((list.allowed ?? []).map(nameKey));
  return (list.denied ?? []).flatMap((name, i) =>
    allowed.has(nameKey(name)) ? [fieldError(`${pointer}/scenarioList/denied/${i}`, 'SCENARIO_ALLOWED_AND_DENIED', `应用场景“${name}”不能既允许又禁止`, `The scenario “${name}” cannot be both allowed and denied`)] : [],
  );
}

/** Opening conditions are those of 依申请开放 (厦门 第二十四条): an `open` or `not_open` resource lists none. */
function openingErrors(opening: AttributeLike, pointer: string): FieldError[] {
  const conditions = opening.type === 'on_application' || count(opening.conditions) === 0
    ? []
    : [fieldError(`${pointer}/conditions`, 'OPENING_CONDITIONS_NOT_ALLOWED', `开放条件仅适用于依申请开放，${String(opening.type)} 资源不得列明开放条件（厦门 第二十四条）`, `Opening conditions belong to on_application resources; a ${String(opening.type)} one lists none (Xiamen art. 24)`)];
  return [...conditions, ...scenarioListErrors(opening, pointer)];
}

/**
 * Refuses sharing and opening attributes that contradict their own type — the consistency the
 * contract's schema cannot say across a `PATCH` and a change — with 400 `VALIDATION_FAILED`, one
 * field error per contradiction under `pointer` (`''` for an entry's content, `/changes` for a
 * change proposal). Only the attributes present are checked (a patch replaces them whole).
 *
 * @example
 * ```ts
 * refuseInconsistentAttributes({ sharing: { type: 'conditional', deliveryMethods: ['api'] } }, '');
 * // throws: 400 VALIDATION_FAILED, SHARING_CONDITIONS_REQUIRED at /sharing/conditions
 * ```
 */
export function refuseInconsistentAttributes(fields: { sharing?: unknown; opening?: unknown }, pointer: string): void {
  const errors = [
    ...(fields.sharing ? sharingErrors(fields.sharing as AttributeLike, `${pointer}/sharing`) : []),
    ...(fields.opening ? openingErrors(fields.opening as AttributeLike, `${pointer}/opening`) : []),
  ];
  if (errors.length === 0) return;
  const n = errors.length;
  throw new PlatformProblem('VALIDATION_FAILED', { detail: `${n} ${n === 1 ? 'field contradicts' : 'fields contradict'} the sharing or opening type`, errors });
}
