import { describe, expect, it } from 'vitest';
import { parseCli, USAGE } from './cli-options.js';

describe('gdx-mock webhook flags', () => {
  it('set the delivery options they name, and only those, from the command line or the environment', () => {
    const request = parseCli(['--webhook-attempts', '10', '--webhook-retry-delay', '60000'], { GDX_MOCK_WEBHOOK_CONCURRENCY: '1', GDX_MOCK_WEBHOOK_TIMEOUT: '30000' });
    expect(request.kind).toBe('run');
    if (request.kind === 'run') expect(request.app.webhooks).toEqual({ maxAttempts: 10, baseDelayMs: 60000, timeoutMs: 30000, concurrency: 1 });
    const none = parseCli([]);
    if (none.kind === 'run') expect(none.app.webhooks).toBeUndefined();
  });

  it.each([
    [['--webhook-attempts', '0'], /--webhook-attempts must be 1–100: 0/],
    [['--webhook-attempts', '101'], /--webhook-attempts must be 1–100: 101/],
    [['--webhook-retry-delay', '0.5'], /--webhook-retry-delay must be 1–86400000: 0.5/],
    [['--webhook-timeout=-1'], /--webhook-timeout must be 1–600000/],
    [['--webhook-concurrency', 'many'], /--webhook-concurrency must be 1–1000: many/],
  ])('%j is refused: %s', (argv, message) => {
    const request = parseCli(argv);
    expect(request.kind).toBe('error');
    if (request.kind === 'error') expect(request.message).toMatch(message);
  });

  it('are documented in --help with their defaults and variables', () => {
    expect(USAGE).toMatch(/--webhook-attempts <n>\s+attempts of a webhook delivery before it is failed, the first included\s+\(default 5; 1–100\) \[\$GDX_MOCK_WEBHOOK_ATTEMPTS\]/);
    expect(USAGE).toMatch(/--webhook-retry-delay <ms>\s+wait before a delivery's first retry/);
    expect(USAGE).toMatch(/--webhook-timeout <ms>\s+time a receiver has to answer one attempt \(default 5000\)/);
    expect(USAGE).toMatch(/--webhook-concurrency <n>\s+attempts in flight at once per webhook/);
  });
});
