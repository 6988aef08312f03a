import type { Profile } from '@gdx/procedures';
import type { FieldError } from '@gdx/protocol';
import { nameKey } from '../../app/name-key.js';

/**
 * The sandbox profile's names of the sharing and opening types, which the messages use (暂不共享 /
 * 普遍开放 in Xiamen, 不予共享 / 无条件开放 nationally): the values are stable, the words the profile's.
 */
export type TypeLabels = Pick<Profile['labels'], 'sharingType' | 'openingType'>;

/** The profile's name of a type value; the value itself for one the profile does not name. */
const named = (labels: Readonly<Record<string, string>>, value: unknown): string => labels[String(value)] ?? String(value);

interface AttributeLike {
  type?: unknown;
  conditions?: unknown;
  legalBasis?: unknown;
  deliveryMethods?: unknown;
  scenarioList?: { allowed?: string[]; denied?: string[] };
}

const count = (list: unknown): number => (Array.isArray(list) ? list.length : 0);

function fieldError(pointer: string, code: string, zh: string, en: string): FieldError {
  return { pointer, code, message: { zh, en } };
}

/**
 * What contradicts the sharing attribute's own type (厦门 第十七、十八、十九条): a `conditional` resource
 * states its conditions through the catalog (数据提供单位应当通过数据目录相关信息项明确共享条件), else no
 * request could ever name a condition it lists; conditions belong to `conditional` only; a shared
 * resource (`unconditional`, `conditional`) offers at least one delivery method, else every request
 * is refused for its method, while a `not_shared` resource is delivered to no one, so it lists none;
 * the legal basis is that of 暂不共享 (第十八条: 通过数据目录相关信息项明确所依据的法律、法规或者国家政策),
 * so a shared resource cites none.
 */
function sharingErrors(sharing: AttributeLike, pointer: string, labels: TypeLabels): FieldError[] {
  const errors: FieldError[] = [];
  const { conditional, not_shared: notShared } = labels.sharingType;
  const type = named(labels.sharingType, sharing.type);
  const conditions = count(sharing.conditions);
  if (sharing.type === 'conditional' && conditions === 0) {
    errors.push(fieldError(`${pointer}/conditions`, 'SHARING_CONDITIONS_REQUIRED', `${conditional}的资源须在目录中列明共享条件（厦门 第十七条）`, 'A conditional resource lists its sharing conditions in the catalog (Xiamen art. 17)'));
  }
  if (sharing.type !== 'conditional' && conditions > 0) {
    errors.push(fieldError(`${pointer}/conditions`, 'SHARING_CONDITIONS_NOT_ALLOWED', `共享条件仅适用于${conditional}，${type}的资源不得列明共享条件`, `Sharing conditions belong to conditional resources; a ${String(sharing.type)} one lists none`));
  }
  if (sharing.type !== 'not_shared' && count(sharing.deliveryMethods) === 0) {
    errors.push(fieldError(`${pointer}/deliveryMethods`, 'DELIVERY_METHODS_REQUIRED', '可共享的资源须至少提供一种共享方式（厦门 第十九条）', 'A shared resource offers at least one delivery method (Xiamen art. 19)'));
  }
  if (sharing.type === 'not_shared' && count(sharing.deliveryMethods) > 0) {
    errors.push(fieldError(`${pointer}/deliveryMethods`, 'DELIVERY_METHODS_NOT_ALLOWED', `${notShared}的资源不向任何部门提供，不得列明共享方式`, 'A not_shared resource is delivered to no one: it lists no delivery methods'));
  }
  if (sharing.type !== 'not_shared' && sharing.legalBasis !== undefined) {
    errors.push(fieldError(`${pointer}/legalBasis`, 'SHARING_LEGAL_BASIS_NOT_ALLOWED', `法律依据仅适用于${notShared}（厦门 第十八条），${type}的资源不得列明法律依据`, `A legal basis belongs to not_shared resources (Xiamen art. 18); a ${String(sharing.type)} one cites none`));
  }
  return errors;
}

/**
 * The scenario lists state the application-scenario condition (第二十四条(一)): only an
 * `on_application` opening listing `scenario_list` has them, and no scenario is both allowed and denied
 * (names compared by `nameKey`, trimmed and NFKC, as the open-data platform compares an application's).
 */
function scenarioListErrors(opening: AttributeLike, pointer: string, labels: TypeLabels): FieldError[] {
  const list = opening.scenarioList;
  if (list === undefined) return [];
  const withCondition = opening.type === 'on_application' && Array.isArray(opening.conditions) && opening.conditions.includes('scenario_list');
  if (!withCondition) {
    return [fieldError(`${pointer}/scenarioList`, 'SCENARIO_LIST_WITHOUT_CONDITION', `应用场景白名单、黑名单须与${labels.openingType.on_application}的应用场景要求（scenario_list）一并列明（第二十四条(一)）`, 'Scenario lists go with an on_application opening that lists the scenario_list condition (art. 24(1))')];
  }
  const allowed = new Set((list.allowed ?? []).map(nameKey));
  return (list.denied ?? []).flatMap((name, i) =>
    allowed.has(nameKey(name)) ? [fieldError(`${pointer}/scenarioList/denied/${i}`, 'SCENARIO_ALLOWED_AND_DENIED', `应用场景“${name}”不能既允许又禁止`, `The scenario “${name}” cannot be both allowed and denied`)] : [],
  );
}

/**
 * Opening conditions are those of 依申请开放 (厦门 第二十四条): an `open` or `not_open` resource lists
 * none. The legal basis is that of 不予开放 (open-data.md: `not_open` must cite one; 第二十二条 names
 * what it covers): an `open` or `on_application` resource cites none.
 */
function openingErrors(opening: AttributeLike, pointer: string, labels: TypeLabels): FieldError[] {
  const type = String(opening.type);
  const typeZh = named(labels.openingType, opening.type);
  const conditions = opening.type === 'on_application' || count(opening.conditions) === 0
    ? []
    : [fieldError(`${pointer}/conditions`, 'OPENING_CONDITIONS_NOT_ALLOWED', `开放条件仅适用于${labels.openingType.on_application}，${typeZh}的资源不得列明开放条件（厦门 第二十四条）`, `Opening conditions belong to on_application resources; a ${type} one lists none (Xiamen art. 24)`)];
  const legalBasis = opening.type === 'not_open' || opening.legalBasis === undefined
    ? []
    : [fieldError(`${pointer}/legalBasis`, 'OPENING_LEGAL_BASIS_NOT_ALLOWED', `法律依据仅适用于${labels.openingType.not_open}的资源，${typeZh}的资源不得列明法律依据`, `A legal basis belongs to not_open resources; a ${type} one cites none`)];
  return [...conditions, ...legalBasis, ...scenarioListErrors(opening, pointer, labels)];
}

/**
 * The contradictions of the sharing and opening attributes with their own type — the consistency
 * the contract's schema cannot say across a `PATCH` and a change — one field error each under
 * `pointer` (`''` for an entry's content, `/changes` for a change proposal), worded with the
 * profile's `labels`. Only the attributes present are checked (a patch replaces them whole).
 *
 * @example
 * ```ts
 * attributeErrors({ sharing: { type: 'conditional', deliveryMethods: ['api'] } }, '', profile.labels);
 * // [{ pointer: '/sharing/conditions', code: 'SHARING_CONDITIONS_REQUIRED', message: { zh, en } }]
 * ```
 */
export function attributeErrors(fields: { sharing?: unknown; opening?: unknown }, pointer: string, labels: TypeLabels): FieldError[] {
  return [
    ...(fields.sharing ? sharingErrors(fields.sharing as AttributeLike, `${pointer}/sharing`, labels) : []),
    ...(fields.opening ? openingErrors(fields.opening as AttributeLike, `${pointer}/opening`, labels) : []),
  ];
}
