import { describe, expect, it } from 'vitest';
import { parseCli } from './cli-options.js';

describe('parseCli', () => {
  it.each([
    { argv: [], want: { profile: 'national', profileFile: undefined } },
    { argv: ['--profile', 'xiamen'], want: { profile: 'xiamen', profileFile: undefined } },
    { argv: ['--profile', './my-city.yaml'], want: { profile: undefined, profileFile: './my-city.yaml' } },
    { argv: ['--profile', '/etc/gdx/city.JSON'], want: { profile: undefined, profileFile: '/etc/gdx/city.JSON' } },
  ])('--profile $argv', ({ argv, want }) => {
    const request = parseCli(argv);
    if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
    expect({ profile: request.app.profile, profileFile: request.profileFile }).toEqual(want);
  });

  it.each([
    [['--profile', 'shanghai'], /--profile must be one of national, inner-mongolia, xiamen or a \.json\/\.yaml profile file/],
    [['--port', '70000'], /--port must be 0–65535/],
    [['--clock', 'fast'], /--clock must be virtual or realtime/],
    [['--start-at', '2025-09-26'], /--start-at must be an RFC 3339 instant/],
    [['--frobnicate'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    const request = parseCli(argv);
    expect(request.kind).toBe('error');
    expect(request.kind === 'error' && request.message).toMatch(message);
  });
});
