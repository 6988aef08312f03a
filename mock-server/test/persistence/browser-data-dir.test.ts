import { afterEach, describe, expect, it, vi } from 'vitest';

// Bundlers resolve `#data-dir` to src/persistence/data-dir-unavailable.ts under the `browser`
// condition; here the Node leaf is replaced by it.
describe('createApp in a browser', () => {
  afterEach(() => {
    vi.doUnmock('../../src/persistence/data-dir.js');
    vi.resetModules();
  });

  async function browserCreateApp() {
    vi.doMock('../../src/persistence/data-dir.js', () => import('../../src/persistence/data-dir-unavailable.js'));
    return (await import('../../src/index.js')).createApp;
  }

  it('refuses dataDir with a bilingual DATA_DIR_UNSUPPORTED', async () => {
    const createApp = await browserCreateApp();
    expect(() => createApp({ dataDir: '.gdx-data' })).toThrow(/\[DATA_DIR_UNSUPPORTED\] 浏览器中不支持数据目录持久化 \/ dataDir needs Node/);
  });

  it('keeps its state in memory without one', async () => {
    const createApp = await browserCreateApp();
    const app = createApp({ seed: 3 });
    const res = await app.handle(new Request('http://mock.local/_sim/v1/sandboxes/default'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe('default');
    await app.close();
  });
});
