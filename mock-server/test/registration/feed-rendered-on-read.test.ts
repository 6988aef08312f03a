import { describe, expect, it } from 'vitest';
import { initialSubmission, submit, useHarness, type Harness } from './harness.js';

// The feed keeps a workflow host's kernel events and makes their wire form when an entry is first
// read (`SandboxEventInput.wire`). That relies on a published kernel event never changing
// afterwards: an entry first read while its object moves on must read as one first read at the end.

const start = useHarness({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00', seed: 7, reviewerPolicy: { mode: 'auto' } });

/** Every page of the sandbox's feed (oldest first, 3 a page), as the bodies answered. */
async function feed(x: Harness): Promise<unknown[]> {
  const pages: unknown[] = [];
  let cursor: string | null = null;
  do {
    const reply = await x.sim('GET', `/sandboxes/${x.sandboxId}/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return pages;
}

describe('the event feed of workflow objects', () => {
  it('answers the same entries whether they were first read as the objects moved on or only at the end', async () => {
    const [read, unread] = [await start(), await start()];
    const timeline: unknown[][] = [];
    for (const x of [read, unread]) {
      for (let i = 0; i < 3; i += 1) await submit(x, x.org(0), initialSubmission(x.org(0)));
      if (x === read) timeline.push(await feed(x));
      await x.advance('2025-10-20T10:00:00+08:00');
      if (x === read) timeline.push(await feed(x));
      await x.advance('2026-09-26T10:00:00+08:00');
    }
    const [first, last] = [await feed(read), await feed(unread)];
    expect(first).toEqual(last);
    // The objects did move on between the reads: the later feeds are longer.
    expect(timeline.map((pages) => pages.length)).toEqual([...new Set(timeline.map((pages) => pages.length))]);
    expect(last.length).toBeGreaterThan(timeline[1]!.length);
  });
});
