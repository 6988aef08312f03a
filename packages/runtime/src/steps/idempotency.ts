import { HEADERS } from '@gdx/protocol';
import type { Step } from './types.js';

/**
 * Gives an idempotent call its `Idempotency-Key` once, before any attempt, so every retry reuses it.
 * A key the caller set (option or header) wins.
 */
export const idempotencyStep: Step = (next) => (call) => {
  if (call.idempotent && call.headers[HEADERS.idempotencyKey] === undefined) {
    call.headers[HEADERS.idempotencyKey] = globalThis.crypto.randomUUID();
  }
  return next(call);
};
