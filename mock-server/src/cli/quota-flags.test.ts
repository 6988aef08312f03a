import { describe, expect, it } from 'vitest';
import { parseCli, USAGE } from './cli-options.js';

describe('gdx-mock quota flags', () => {
  it('set the app quotas they name, and only those', () => {
    const request = parseCli(['--quota-objects', '10000', '--quota-stored-bytes', '1048576']);
    expect(request.kind).toBe('run');
    if (request.kind === 'run') expect(request.app.quotas).toEqual({ objects: 10000, storedBytes: 1048576 });
    const none = parseCli([]);
    if (none.kind === 'run') expect(none.app.quotas).toBeUndefined();
  });

  it.each([
    [['--quota-objects', '0'], /--quota-objects must be a positive integer: 0/],
    [['--quota-events', '2e6'], /--quota-events must be a positive integer: 2e6/],
    [['--quota-stored-bytes=-1'], /--quota-stored-bytes must be a positive integer/],
  ])('%j is refused: %s', (argv, message) => {
    const request = parseCli(argv);
    expect(request.kind).toBe('error');
    if (request.kind === 'error') expect(request.message).toMatch(message);
  });

  it('are documented in --help with their defaults', () => {
    expect(USAGE).toMatch(/--quota-objects <n>\s+workflow objects per sandbox \(default 250000\)/);
    expect(USAGE).toMatch(/--quota-events <n>\s+events per sandbox feed \(default 2000000\)/);
    expect(USAGE).toMatch(/--quota-stored-bytes <n>\s+request-body bytes a sandbox keeps \(default 268435456, 256 MiB\)/);
  });
});
