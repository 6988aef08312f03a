import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';

describe('a cursor that is not one', () => {
  it.each([
    ['catalog search', '/catalog/v1/search'],
    ['public datasets', '/open-data/v1/datasets'],
    ['the event feed', '/_sim/v1/sandboxes/default/events'],
    ['the sandbox list', '/_sim/v1/sandboxes'],
  ])('answers 400 INVALID_CURSOR at /query/cursor on %s, as the contract BadRequest names it', async (_name, path) => {
    const app = createApp({ seed: 2 });
    const res = await app.dispatch({ method: 'GET', path, query: 'cursor=abc', headers: { host: 'mock.local' }, body: undefined });
    await app.close();
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(String(res.body))).toMatchObject({
      code: 'INVALID_CURSOR',
      errors: [{ pointer: '/query/cursor', code: 'INVALID_CURSOR', message: { zh: expect.any(String), en: expect.any(String) } }],
    });
  });
});
