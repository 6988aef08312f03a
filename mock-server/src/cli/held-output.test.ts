import { describe, expect, it } from 'vitest';
import { heldOutput } from './held-output.js';
import { createLogger } from './request-logger.js';

describe('the start-up log output of gdx-mock', () => {
  it('holds what the logger writes until released, then writes it in order, after what was written directly meanwhile', () => {
    const written: string[] = [];
    const out = heldOutput({ write: (text: string) => written.push(text) });
    const logger = createLogger({ level: 'info', format: 'json' }, out);
    logger.error('[REPLAY_REFUSED] first');
    logger.error('[REPLAY_REFUSED] second');
    expect(written).toEqual([]);
    written.push('gdx-mock listening on http://127.0.0.1:4010\n');
    out.release();
    logger.info('after');
    out.release();
    expect(written.map((text) => (text.startsWith('{') ? text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { msg: string }).msg) : text)).flat()).toEqual([
      'gdx-mock listening on http://127.0.0.1:4010\n',
      '[REPLAY_REFUSED] first',
      '[REPLAY_REFUSED] second',
      'after',
    ]);
  });

  it('keeps the terminal flag of its output (the pretty format under auto)', () => {
    expect(heldOutput({ write: () => undefined, isTTY: true }).isTTY).toBe(true);
    expect(heldOutput({ write: () => undefined }).isTTY).toBeUndefined();
  });
});
