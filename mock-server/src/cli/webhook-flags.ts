import type { WebhookDeliveryOptions } from '../sandbox/webhooks.js';
import { readInteger, type FlagSpec, type FlagValues } from './flag-spec.js';

/** Each `gdx-mock` webhook flag: the delivery option it sets and the values it takes. */
const WEBHOOK_FLAGS = [
  { flag: 'webhook-attempts', option: 'maxAttempts', min: 1, max: 100 },
  { flag: 'webhook-retry-delay', option: 'baseDelayMs', min: 1, max: 86_400_000 },
  { flag: 'webhook-timeout', option: 'timeoutMs', min: 1, max: 600_000 },
  { flag: 'webhook-concurrency', option: 'concurrency', min: 1, max: 1000 },
] as const satisfies readonly { flag: string; option: keyof WebhookDeliveryOptions; min: 1; max: number }[];

/** The webhook rows of the `gdx-mock` flag table. */
export const WEBHOOK_FLAG_SPECS: readonly FlagSpec[] = [
  { name: 'webhook-attempts', kind: 'string', value: '<n>', help: ['attempts of a webhook delivery before it is failed, the first included', '(default 5; 1–100)'] },
  { name: 'webhook-retry-delay', kind: 'string', value: '<ms>', help: ['wait before a delivery\'s first retry, doubled for each further one', '(default 500: 0.5, 1, 2, 4 s)'] },
  { name: 'webhook-timeout', kind: 'string', value: '<ms>', help: ['time a receiver has to answer one attempt (default 5000)'] },
  { name: 'webhook-concurrency', kind: 'string', value: '<n>', help: ['attempts in flight at once per webhook, the rest waiting their turn', '(default 8; 1–1000)'] },
];

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
  const options: Partial<Omit<WebhookDeliveryOptions, 'fetch'>> = {};
  for (const { flag, option, min, max } of WEBHOOK_FLAGS) {
    const n = readInteger(values.string(flag), min, max);
    if (n !== undefined) options[option] = n;
  }
  return options;
}
