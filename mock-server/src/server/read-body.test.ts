import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readBody, TOO_LARGE, type BodyStream } from './read-body.js';

/** A request stand-in that emits `chunks` as Node's parser would, then `end` (unless cut off). */
function feed(chunks: Iterable<Buffer>, headers: Record<string, string> = {}): { req: BodyStream; run: () => void; paused: () => boolean } {
  const emitter = new EventEmitter();
  let paused = false;
  const req = Object.assign(emitter, { headers, pause: () => ((paused = true), req) }) as unknown as BodyStream;
  const run = (): void => {
    for (const chunk of chunks) {
      if (paused) return;
      emitter.emit('data', chunk);
    }
    emitter.emit('end');
  };
  return { req, run, paused: () => paused };
}

/** `count` one-byte views into 64 KiB slabs, as Node slices a chunked body sent a byte per chunk. */
function* oneByteViews(count: number): Generator<Buffer> {
  let slab = Buffer.alloc(65_536, 0x20);
  for (let n = 0; n < count; n++) {
    if (n % 65_536 === 0) slab = Buffer.alloc(65_536, 0x61 + ((n / 65_536) % 26));
    yield slab.subarray(n % 65_536, (n % 65_536) + 1);
  }
}

describe('readBody', () => {
  it('hands over a body of one chunk as it came', async () => {
    const chunk = Buffer.from('{"a":1}');
    const { req, run } = feed([chunk], { 'content-length': '7' });
    const body = readBody(req, 100);
    run();
    expect(await body).toBe(chunk);
  });

  it.each([[{}], [{ 'content-length': '40000' }]])('joins many chunks in order (headers %j)', async (headers) => {
    const parts = Array.from({ length: 4_000 }, (_, n) => Buffer.from(String(n % 10).repeat(10)));
    const { req, run } = feed(parts, headers);
    const body = readBody(req, 1_048_576);
    run();
    expect(((await body) as Buffer).equals(Buffer.concat(parts))).toBe(true);
  });

  it('stops at the limit: TOO_LARGE, and the stream is paused', async () => {
    const { req, run, paused } = feed(oneByteViews(2_000));
    const body = readBody(req, 1_000);
    run();
    expect(await body).toBe(TOO_LARGE);
    expect(paused()).toBe(true);
  });

  it('keeps no object per chunk: a 1 MiB body in one-byte chunks costs megabytes of heap, not hundreds', async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const views = oneByteViews(1_048_576);
    const metered = (function* () {
      let n = 0;
      for (const view of views) {
        if (++n % 65_536 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        yield view;
      }
    })();
    const { req, run } = feed(metered);
    const body = readBody(req, 1_048_576);
    run();
    expect(((await body) as Buffer).byteLength).toBe(1_048_576);
    // A list of a million views held ~100 MB at its end; one growing buffer holds 1–2 MiB (the
    // views themselves are garbage at once, and the young generation takes them back as it goes).
    expect(peak - before).toBeLessThan(48 * 1_048_576);
  });
});
