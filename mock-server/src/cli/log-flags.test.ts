import { describe, expect, it } from 'vitest';
import { parseCli, USAGE } from './cli-options.js';

describe('gdx-mock log and journal flags', () => {
  it.each([
    ['defaults', [], {}, { level: 'info', format: 'auto' }, undefined],
    ['flags', ['--log-level', 'warn', '--log-format', 'json', '--journal-size', '0'], {}, { level: 'warn', format: 'json' }, { entries: 0 }],
    ['variables', [], { GDX_MOCK_LOG_LEVEL: 'silent', GDX_MOCK_LOG_FORMAT: 'pretty', GDX_MOCK_JOURNAL_SIZE: '50' }, { level: 'silent', format: 'pretty' }, { entries: 50 }],
    ['a flag wins over its variable', ['--log-level', 'debug'], { GDX_MOCK_LOG_LEVEL: 'error' }, { level: 'debug', format: 'auto' }, undefined],
  ])('%s', (_why, argv, env, log, requestJournal) => {
    const request = parseCli(argv, env);
    expect(request).toMatchObject({ kind: 'run', log });
    expect(request.kind === 'run' ? request.app.requestJournal : 'not run').toEqual(requestJournal);
  });

  it.each([
    [['--log-level', 'loud'], {}, '--log-level must be one of fatal, error, warn, info, debug, trace, silent: loud'],
    [[], { GDX_MOCK_LOG_FORMAT: 'xml' }, 'GDX_MOCK_LOG_FORMAT must be one of auto, json, pretty: xml'],
    [['--journal-size', 'many'], {}, '--journal-size must be 0–1000000: many'],
    [[], { GDX_MOCK_JOURNAL_SIZE: '1000001' }, 'GDX_MOCK_JOURNAL_SIZE must be 0–1000000: 1000001'],
  ])('refuses %j %j', (argv, env, message) => {
    expect(parseCli(argv, env)).toEqual({ kind: 'error', message });
  });

  // The journal keeps the newest entries and GET …/requests lists them newest first (as the README
  // says); the help once said "newest last", the order they are stored in, which no reader sees.
  it('--help says which requests --journal-size keeps and in what order the journal lists them', () => {
    const help = USAGE.slice(USAGE.indexOf('--journal-size'), USAGE.indexOf('--shutdown-grace'));
    expect(help).toMatch(/most recent requests/);
    expect(help).toMatch(/listed newest first/);
    expect(help).not.toMatch(/newest last/);
  });
});
