import type { WebhookDeliveryOptions } from '../sandbox/webhooks.js';
import { integerOptionSpecs, readIntegerOptions, type FlagSpec, type FlagValues, type IntegerOptionFlag } from './flag-spec.js';

/** Each `gdx-mock` webhook flag: its `--help` row, the delivery option it sets and the values it takes. */
const WEBHOOK_FLAGS: readonly IntegerOptionFlag<Exclude<keyof WebhookDeliveryOptions, 'fetch'>>[] = [
  { name: 'webhook-attempts', option: 'maxAttempts', min: 1, max: 100, value: '<n>', help: ['attempts of a webhook delivery before it is failed, the first included', '(default 5; 1–100)'] },
  { name: 'webhook-retry-delay', option: 'baseDelayMs', min: 1, max: 86_400_000, value: '<ms>', help: ['wait before a delivery\'s first retry, doubled for each further one', '(default 500: 0.5, 1, 2, 4 s)'] },
  { name: 'webhook-timeout', option: 'timeoutMs', min: 1, max: 600_000, value: '<ms>', help: ['time a receiver has to answer one attempt (default 5000)'] },
  { name: 'webhook-concurrency', option: 'concurrency', min: 1, max: 1000, value: '<n>', help: ['attempts in flight at once per webhook, the rest waiting their turn', '(default 8; 1–1000)'] },
];

/** The webhook rows of the `gdx-mock` flag table. */
export const WEBHOOK_FLAG_SPECS: readonly FlagSpec[] = integerOptionSpecs(WEBHOOK_FLAGS);

/**
 * The webhook delivery options the command line or environment sets (only those given). Throws
 * a `FlagError` naming the flag or variable of the first bad one.
 *
 * @example
 * ```ts
 * parseWebhookFlags(readFlags(WEBHOOK_FLAG_SPECS, ['--webhook-attempts', '10'], {}, 'GDX_MOCK_')); // { maxAttempts: 10 }
 * ```
 */
export function parseWebhookFlags(values: FlagValues): Partial<Omit<WebhookDeliveryOptions, 'fetch'>> {
  return readIntegerOptions(values, WEBHOOK_FLAGS);
}
