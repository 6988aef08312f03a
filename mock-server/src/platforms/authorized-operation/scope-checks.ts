import type { SandboxContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { refused } from './ao-access.js';
import type { AuthorizationRecord, AuthorizedOperationState, ScopeItem } from './ao-records.js';

/**
 * 422 `OUT_OF_SCOPE` at `pointer` unless `entryId` is in the authorization's agreed scope
 * (27号 第十四条(一): the agreement names the data it authorizes).
 *
 * @example
 * ```ts
 * checkInScope(authorization, content.scopeEntryIds[0], '/scopeEntryIds/0');
 * ```
 */
export function checkInScope(authorization: AuthorizationRecord, entryId: string, pointer: string): void {
  if (!authorization.agreement.scope.some((s) => s.entryId === entryId)) {
    throw refused('OUT_OF_SCOPE', pointer, '该目录不在授权运营范围内', "The entry is not in the authorization's scope");
  }
}

/**
 * Checks every scope item against the other platforms of the sandbox, first refusal wins:
 * - the entry must be a published catalog resource (27号 第九条(五)、第十四条(一); 101号 第十七条)
 *   in the same sense the sharing platform serves it → 422 `NOT_IN_CATALOG`;
 * - with `within`, it must be in that authorization's agreed scope → 422 `OUT_OF_SCOPE`
 *   (`checkInScope`), before consent: consent cannot bring data into a scope the agreement lacks;
 * - data obtained by sharing (`source: shared`) needs the provider's consent (27号 第五条): an
 *   active grant of the sharing platform for that entry, held by one of `holders` → 422
 *   `CONSENT_REQUIRED` until the sharing platform grants it.
 * `pointer` locates the items (`/scope`, `/dataNeeds`, `/agreement/scope`).
 *
 * @example
 * ```ts
 * checkScope(state, sandbox, body.scope, '/scope', [caller.id]);
 * checkScope(state, sandbox, body.dataNeeds, '/dataNeeds', holders, authorization);
 * ```
 */
export function checkScope(state: AuthorizedOperationState, sandbox: SandboxContext, items: readonly ScopeItem[], pointer: string, holders: readonly string[], within?: AuthorizationRecord): void {
  items.forEach((item, i) => {
    const at = `${pointer}/${i}`;
    if (!state.entry(item.entryId)) {
      throw new PlatformProblem('NOT_IN_CATALOG', {
        detail: `${item.entryId} 不是已发布的目录 / ${item.entryId} is not a published catalog entry`,
        errors: [{ pointer: `${at}/entryId`, code: 'NOT_IN_CATALOG', message: { zh: '须为已发布的数据资源目录', en: 'Must be a published catalog entry' } }],
      });
    }
    if (within) checkInScope(within, item.entryId, `${at}/entryId`);
    if (item.source !== 'shared') return;
    const consent = item.consentGrantId ? sandbox.sharingConsent?.(item.consentGrantId) : undefined;
    const given = consent !== undefined && consent.active && consent.entryId === item.entryId && holders.includes(consent.granteeId);
    if (!given) {
      throw new PlatformProblem('CONSENT_REQUIRED', {
        detail: item.consentGrantId
          ? `共享授权 ${item.consentGrantId} 不是本单位对 ${item.entryId} 的有效授权 / grant ${item.consentGrantId} is no active grant of ${item.entryId} to the holder`
          : `通过共享获得的 ${item.entryId} 须先在共享平台取得提供单位同意（consentGrantId） / shared data ${item.entryId} needs the provider's consent first: request it on the sharing platform and name the grant in consentGrantId`,
        errors: [{ pointer: `${at}/consentGrantId`, code: 'CONSENT_REQUIRED', message: { zh: '须为提供单位同意的有效共享授权', en: "Must name an active sharing grant recording the provider's consent" } }],
      });
    }
  });
}
