import { PlatformProblem } from '../../app/platform-problem.js';
import { offeredActions, type OfficialActing } from '../workflow-host/index.js';
import type { RegistrationState } from './registration-state.js';

/**
 * How the registry takes the simulation API's actions on applications and registrations, for
 * `POST /actions` and the timelines alike: always as the registry, and never `issue_code` where
 * the notice's close codes the registration (`checkIssueCode` refuses it first).
 *
 * @example
 * ```ts
 * instanceObject(state.host, instance, { objectType: 'application', title, ...registryActing(state) });
 * ```
 */
export function registryActing(state: RegistrationState): OfficialActing {
  const codedBySelf = state.host.procedures.profile.options.codeIssuance !== 'by_registry';
  return { role: 'registry', refuses: (action) => codedBySelf && action === 'issue_code' };
}

/** What the registry may send instead, as the application's timeline offers it: never `issue_code`, which this check refuses. */
function registryAllowed(state: RegistrationState, applicationId: string): string[] {
  return offeredActions(state.host, state.host.engine.get(applicationId), registryActing(state)).map((a) => a.action);
}

/**
 * Checks an `issue_code` action (赋码) before it reaches the machine: a profile that codes when
 * the notice ends (`codeIssuance: on_notice_close`) takes no `issue_code` (409 saying so), and a
 * named `registrationCode` must not be another registration's (400 at `/registrationCode`).
 *
 * @example
 * ```ts
 * checkIssueCode(state, 'rga_1', { action: 'issue_code', registrationCode: 'DJ150000202500001' });
 * ```
 */
export function checkIssueCode(state: RegistrationState, applicationId: string, body: Readonly<Record<string, unknown>>): void {
  const { host } = state;
  if (host.procedures.profile.options.codeIssuance !== 'by_registry') {
    throw new PlatformProblem('ILLEGAL_TRANSITION', {
      detail: '本配置在公示期满无异议时自动赋码，无需登记机构 issue_code。 / This profile codes a registration when its public notice ends without an objection; there is no issue_code to take.',
      extensions: { currentState: host.engine.get(applicationId).state, allowedEvents: registryAllowed(state, applicationId), reasonCode: 'CODED_AT_NOTICE_CLOSE' },
    });
  }
  const code = body['registrationCode'];
  if (typeof code === 'string' && state.host.listRows('code', code, undefined).next().done === false) {
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: `registration code ${code} is already issued`,
      errors: [{ pointer: '/registrationCode', code: 'REGISTRATION_CODE_TAKEN', message: { zh: '该登记编码已被使用', en: 'The registration code is already issued' } }],
    });
  }
}
