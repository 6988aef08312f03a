import { describe, expect, it } from 'vitest';
import type { PlatformModule } from '../../src/index.js';
import { notesPlatform, type NotesState } from '../support/notes-platform.js';
import { openApp, useTempDirs } from './data-dir-app.js';

// A write that fails with 500 is not journaled, so it must change nothing a replay would not
// change: neither the registry's generator (ids, seeds and secrets of later sandboxes) nor a
// sandbox's clock. The failures are forced by a platform that throws where the mock's own checks
// leave nothing to fail, as a bug would.

/** A sandbox created at this instant fails while it is built (after its id and seed are drawn). */
const TRAP_START = '2031-01-01T00:00:00+08:00';
/** A timer due at this instant throws when it fires, with the clock already moved there. */
const TRAP_DUE = Date.parse('2025-10-01T00:00:00+08:00');

const failingBuild: PlatformModule<NotesState> = {
  ...notesPlatform,
  createState(sandbox) {
    if (sandbox.now() === Date.parse(TRAP_START)) throw new Error('this sandbox cannot be built');
    return notesPlatform.createState(sandbox);
  },
};

const failingTimer: PlatformModule<NotesState> = {
  ...notesPlatform,
  clock: {
    nextDueAt: () => TRAP_DUE,
    fireDue() {
      throw new Error('this transition fails');
    },
  },
};

/** Notes expire as usual, but the firing that reaches a note written `trap` throws, after those due before it expired. */
const failingAfterOthers: PlatformModule<NotesState> = {
  ...notesPlatform,
  clock: {
    nextDueAt: (state) => notesPlatform.clock?.nextDueAt(state),
    fireDue(sandbox, state, fired) {
      for (const note of state.notes.values()) {
        if (note.text === 'trap' && note.state === 'active' && note.expiresAt !== null && note.expiresAt <= sandbox.now()) throw new Error('this transition fails');
      }
      return notesPlatform.clock?.fireDue(sandbox, state, fired) ?? [];
    },
  },
};

describe('a write that fails with 500', () => {
  const tempDir = useTempDirs();

  it('draws nothing from the registry: the next sandbox has the same id, seed and secrets after a restart', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir, { platforms: [failingBuild], logError: () => undefined });
    const failed = await first.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', startAt: TRAP_START } });
    expect(failed.status).toBe(500);
    expect((await first.call('GET', '/_sim/v1/sandboxes')).body.items.map((s: { id: string }) => s.id)).toEqual(['default']);
    const made = await first.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national' } });
    expect(made.status).toBe(201);
    const listed = (await first.call('GET', '/_sim/v1/sandboxes')).body;
    await first.app.close();

    const second = openApp(dataDir, { platforms: [failingBuild], logError: () => undefined });
    expect((await second.call('GET', '/_sim/v1/sandboxes')).body).toEqual(listed);
    const again = await second.call('GET', `/_sim/v1/sandboxes/${made.body.id}`);
    expect(again.status).toBe(200);
    expect({ seed: again.body.seed, organizations: again.body.organizations }).toEqual({ seed: made.body.seed, organizations: made.body.organizations });
    // And the one after it is the one a server that never met the failure makes.
    const next = await second.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national' } });
    await second.app.close();
    const clean = openApp(tempDir(), { platforms: [failingBuild], logError: () => undefined });
    await clean.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national' } });
    const cleanNext = await clean.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national' } });
    expect([cleanNext.body.id, cleanNext.body.seed]).toEqual([next.body.id, next.body.seed]);
    await clean.app.close();
  });

  it('leaves the clock where it was when a transition throws mid-advance, in memory and after a restart', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir, { platforms: [failingTimer], logError: () => undefined });
    const before = (await first.call('GET', '/_sim/v1/sandboxes/default/clock')).body;
    const failed = await first.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '2025-10-08T10:00:00+08:00' } });
    expect(failed.status).toBe(500);
    expect((await first.call('GET', '/_sim/v1/sandboxes/default/clock')).body).toEqual(before);
    expect((await first.call('GET', '/_sim/v1/sandboxes/default')).status).toBe(200);
    // Short of the failing timer, the clock moves as usual.
    expect((await first.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '2025-09-30T10:00:00+08:00' } })).body.clock.now).toBe('2025-09-30T10:00:00+08:00');
    await first.app.close();

    const second = openApp(dataDir, { platforms: [failingTimer], logError: () => undefined });
    expect((await second.call('GET', '/_sim/v1/sandboxes/default/clock')).body.now).toBe('2025-09-30T10:00:00+08:00');
    await second.app.close();
  });

  it('keeps the request journal, the failed request included, when it puts the state back', async () => {
    const first = openApp(tempDir(), { platforms: [failingTimer], logError: () => undefined });
    const moved = await first.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '2025-09-30T10:00:00+08:00' } });
    const failed = await first.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '2025-10-08T10:00:00+08:00' } });
    expect(failed.status).toBe(500);
    const journal = (await first.call('GET', '/_sim/v1/sandboxes/default/requests')).body.items as { requestId: string; status: number; path: string }[];
    expect(journal.map(({ requestId, status }) => ({ requestId, status }))).toEqual([
      { requestId: failed.headers.get('x-request-id'), status: 500 },
      { requestId: moved.headers.get('x-request-id'), status: 200 },
    ]);
    await first.app.close();
  });

  it('undoes the transitions a failed advance fired before it threw, and keeps the writes that ran before it', async () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    const first = openApp(dataDir, { platforms: [failingAfterOthers], logError: (message) => logged.push(message) });
    const org = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const early = (await first.call('POST', '/sharing/v1/notes', { body: { text: 'early', expiresIn: 1 }, as: org })).body;
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'trap', expiresIn: 5 }, as: org });
    // A create dispatched in the same turn as the failing advance, ahead of it: acknowledged, so kept.
    const [made, failed] = await Promise.all([
      first.call('POST', '/sharing/v1/notes', { body: { text: 'alongside' }, as: org }),
      first.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { duration: 'P30D' } }),
    ]);
    expect([made.status, failed.status]).toEqual([201, 500]);
    expect(logged.some((line) => line.startsWith('[INTERNAL] POST /_sim/v1/sandboxes/default/clock/advance') && line.includes('put back to what the data directory holds'))).toBe(true);

    const seen = async (call: typeof first.call) => ({
      early: (await call('GET', `/sharing/v1/notes/${early.id}`, { as: org })).body.state,
      alongside: (await call('GET', `/sharing/v1/notes/${made.body.id}`, { as: org })).status,
      expiredEvents: (await call('GET', '/_sim/v1/sandboxes/default/events?limit=200')).body.items.filter((e: { type: string }) => e.type === 'expired').length,
    });
    // The note that expired before the failing transition is active again, and no event says otherwise.
    expect(await seen(first.call)).toEqual({ early: 'active', alongside: 200, expiredEvents: 0 });
    await first.app.close();

    const second = openApp(dataDir, { platforms: [failingAfterOthers], logError: () => undefined });
    expect(await seen(second.call)).toEqual({ early: 'active', alongside: 200, expiredEvents: 0 });
    await second.app.close();
  });
});
