import { loadBundledSpec } from './load-bundled-spec.js';
import type { PlatformName } from './spec-names.js';

/**
 * A jurisdiction profile shipped with gdx.
 *
 * @example
 * ```ts
 * const profile: ProfileName = 'inner-mongolia';
 * ```
 */
export type ProfileName = 'national' | 'inner-mongolia' | 'xiamen';

/**
 * One time limit of a platform, as listed in the root extension `x-gdx-limits`.
 * `state` is `null` for duties that are not a state of a workflow object (e.g. the registrant's
 * initial-filing duty or a catalog update obligation). `choice` lists the profiles whose value is
 * a default chosen where the sources are silent.
 *
 * @example
 * ```ts
 * const acceptance: GdxLimit = {
 *   id: 'registration.acceptance', state: 'submitted', step: 'acceptance', startTrigger: 'received',
 *   unit: 'working_days', limits: { national: 3, 'inner-mongolia': 3, xiamen: 3 },
 *   basis: '发改数据规〔2025〕26号 第十条',
 * };
 * ```
 */
export interface GdxLimit {
  id: string;
  state: string | null;
  step: string;
  startTrigger: string;
  unit: 'working_days' | 'calendar_days' | 'hours' | 'years';
  limits: Record<ProfileName, number>;
  basis: string;
  profileBasis?: Partial<Record<ProfileName, string>>;
  choice?: ProfileName[];
  /** The profiles whose value comes from a rule outside the platform's own sources (a national law or State Council document). */
  external?: ProfileName[];
  restart?: string;
  note?: string;
}

/**
 * The `x-gdx-limits` list of a platform document (from the bundled JSON).
 *
 * @example
 * ```ts
 * import { gdxLimits } from '@gdx/openapi';
 * const review = gdxLimits('sharing').find((l) => l.id === 'sharing.review');
 * review?.limits.xiamen; // 5
 * ```
 */
export function gdxLimits(platform: PlatformName): GdxLimit[] {
  return loadBundledSpec(platform)['x-gdx-limits'] ?? [];
}
