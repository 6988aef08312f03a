import national from '../profiles/national.json' with { type: 'json' };

/** The limit of a plan's major change under deliberation (`change_deliberation`, 27号 第十一条). */
export const PLAN_CHANGE_DELIBERATION = 'authorized_operation.plan_change_deliberation';
const PLAN_DELIBERATION = 'authorized_operation.plan_deliberation';

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A raw profile's `limits` with the change deliberation's limit filled in: a major change is
 * deliberated "按原流程" (27号 第十一条; domain §1: `change_deliberation` "as `under_deliberation`"),
 * so it takes the profile's own plan deliberation (value, unit, article, choice), counted from the
 * change's submission (`change_submitted`); whatever the profile states for the change overrides
 * that. Derived, not copied into the shipped profiles, so a profile that changes the plan's limit
 * (also one written before the change had its own) changes the change's too. Anything that is not
 * a limits object is returned as it is, for the schema to refuse.
 *
 * @example
 * withPlanChangeDeliberation({ 'authorized_operation.plan_deliberation': { value: 40, … } });
 * // { …, 'authorized_operation.plan_change_deliberation': { value: 40, …, startTrigger: 'change_submitted' } }
 */
export function withPlanChangeDeliberation(limits: unknown): unknown {
  if (!isPlainObject(limits)) return limits;
  const plan = limits[PLAN_DELIBERATION] ?? national.limits[PLAN_DELIBERATION];
  const own = limits[PLAN_CHANGE_DELIBERATION];
  if (!isPlainObject(plan) || (own !== undefined && !isPlainObject(own))) return limits;
  const { note: _planNote, ...asPlan } = plan;
  const note = 'a major change, 按原流程重新报请审议: as the plan deliberation, from the change\'s submission';
  return { ...limits, [PLAN_CHANGE_DELIBERATION]: { ...asPlan, startTrigger: 'change_submitted', note, ...own } };
}
