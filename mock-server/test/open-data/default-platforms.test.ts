import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';

describe('default platforms', () => {
  it('mount sharing and open-data next to the others', async () => {
    const app = createApp({ seed: 3, startAt: '2025-09-26T10:00:00+08:00' });
    try {
      expect(app.platforms.map((p) => p.name)).toEqual(expect.arrayContaining(['sharing', 'open-data']));
      const res = await createFetch(app)('http://mock.local/open-data/v1/datasets?limit=1');
      expect(res.status).toBe(200);
      expect((await res.json()).items).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
