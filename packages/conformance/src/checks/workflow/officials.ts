import type { Sandbox } from '../../http/sim-client.js';
import type { HttpResponse } from '../../http/response.js';
import type { Platform } from '../../runner/types.js';

/**
 * Officials' decisions, through the simulation API's `POST /actions`. The action names live here
 * only, so adapting the kit to a simulation API's vocabulary is a one-file change.
 */
export const ACTIONS = {
  accept: 'accept',
  notAccept: 'reject',
  requestSupplement: 'request_supplement',
  pass: 'approve',
  fail: 'reject',
  issueCode: 'issue_code',
} as const;

/**
 * An official acts on an object.
 *
 * @example
 * ```ts
 * await act(sbx, 'registration', 'application', id, ACTIONS.accept);
 * ```
 */
export function act(sbx: Sandbox, platform: Platform, objectType: string, objectId: string, action: string, extra: Record<string, unknown> = {}): Promise<HttpResponse> {
  return sbx.act({ platform, objectType, objectId, action, reasons: ['conformance check'], ...extra });
}
