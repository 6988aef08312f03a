import type { TransportFactory } from '../support/transports.js';
import { routingBehaviour } from './routing.js';

/** The behaviour suite: the same assertions through whichever transport is given. */
export function runBehaviourSuite(factory: TransportFactory): void {
  routingBehaviour(factory);
}
