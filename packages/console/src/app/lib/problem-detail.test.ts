import { describe, expect, it } from 'vitest';
import type { Problem } from '../api/types.js';
import { detailPlacement } from './problem-detail.js';

/** The answer to creating a sandbox whose id is taken, as the mock sends it. */
const CONFLICT: Problem = {
  status: 409,
  code: 'CONFLICT',
  message: { zh: '请求与资源当前状态冲突', en: 'The request conflicts with the current state of the resource' },
  detail: 'sandbox walk already exists',
};

describe('detailPlacement', () => {
  it('keeps the server’s English detail out of the Chinese text, one click away', () => {
    expect(detailPlacement(CONFLICT, 'zh')).toBe('aside');
    expect(detailPlacement(CONFLICT, 'en')).toBe('inline');
  });

  it('drops a detail that only says the message again', () => {
    const repeated = { ...CONFLICT, detail: ' the request conflicts with the current state of the resource ' };
    expect(detailPlacement(repeated, 'zh')).toBe('none');
    expect(detailPlacement(repeated, 'en')).toBe('none');
    expect(detailPlacement({ ...CONFLICT, detail: undefined }, 'zh')).toBe('none');
  });

  it('shows a detail with no message beside it on a line of its own: the console wrote it, or the body was not a problem', () => {
    const madeUp: Problem = { status: 0, code: 'SNAPSHOT_NOT_JSON', detail: '文件 a.json 不是 JSON' };
    expect(detailPlacement(madeUp, 'zh')).toBe('inline');
    expect(detailPlacement({ status: 502, code: 'HTTP_502', detail: 'Bad Gateway' }, 'zh')).toBe('inline');
  });
});
