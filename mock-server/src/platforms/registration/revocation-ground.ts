import { REGISTRATION_GROUND_LABELS } from '@gdx/procedures';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { RegistrationState } from './registration-state.js';

/**
 * Checks a registration `revoke` action's `ground` against the profile's `revocationGrounds`: the
 * contract's `RevocationGround` has 内政数字〔2024〕223号 第十六条(一)–(三) too, which only a profile
 * with those rules (inner-mongolia) accepts; elsewhere 400 `GROUND_NOT_IN_PROFILE` at `/ground`,
 * nothing revoked. A journal written before those values existed holds none of them, so it replays
 * unchanged.
 *
 * @example
 * ```ts
 * checkRevocationGround(state, { action: 'revoke', ground: 'security_duty_failure' }); // throws under national
 * ```
 */
export function checkRevocationGround(state: RegistrationState, body: Readonly<Record<string, unknown>>): void {
  const ground = body['ground'];
  if (body['action'] !== 'revoke' || typeof ground !== 'string') return;
  const profile = state.host.procedures.profile;
  if ((profile.options.revocationGrounds as readonly string[]).includes(ground)) return;
  const allowed = profile.options.revocationGrounds.join(', ');
  const labelled = (lang: 'zh' | 'en') => profile.options.revocationGrounds.map((g) => `${g} ${REGISTRATION_GROUND_LABELS[g]?.[lang] ?? ''}`.trim());
  throw new PlatformProblem('VALIDATION_FAILED', {
    detail: `ground ${ground} is not a revocation ground of profile ${profile.name} (${allowed})`,
    errors: [
      {
        pointer: '/ground',
        code: 'GROUND_NOT_IN_PROFILE',
        message: {
          zh: `配置 ${profile.name}（${profile.title.zh}）的规则中没有该撤销事由，可用：${labelled('zh').join('；')}`,
          en: `Profile ${profile.name} (${profile.title.en}) has no such revocation ground; its grounds: ${labelled('en').join('; ')}`,
        },
      },
    ],
  });
}
