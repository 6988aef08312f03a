import type { TransportFactory } from '../support/transports.js';
import { faultBehaviour } from './faults.js';
import { idempotencyBehaviour } from './idempotency.js';
import { routingBehaviour } from './routing.js';
import { sandboxBehaviour } from './sandboxes.js';
import { signingBehaviour } from './signing.js';
import { webhookBehaviour } from './webhooks.js';

/** The behaviour suite: the same assertions through whichever transport is given. */
export function runBehaviourSuite(factory: TransportFactory): void {
  routingBehaviour(factory);
  signingBehaviour(factory);
  idempotencyBehaviour(factory);
  sandboxBehaviour(factory);
  faultBehaviour(factory);
  webhookBehaviour(factory);
}
