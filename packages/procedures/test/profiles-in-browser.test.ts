import { afterEach, describe, expect, it, vi } from 'vitest';

// Bundlers resolve `#profile-files` to src/profile-files/browser.ts under the `browser`
// condition; here the Node leaf is replaced by it.
describe('loadProfile in a browser', () => {
  afterEach(() => {
    vi.doUnmock('../src/profile-files/node.js');
    vi.resetModules();
  });

  async function browserLoadProfile() {
    vi.doMock('../src/profile-files/node.js', () => import('../src/profile-files/browser.js'));
    return (await import('../src/index.js')).loadProfile;
  }

  it('loads built-in profiles and profile objects', async () => {
    const loadProfile = await browserLoadProfile();
    expect((await loadProfile('xiamen')).name).toBe('xiamen');
    expect((await loadProfile({ extends: 'national', name: 'my-city' })).name).toBe('my-city');
  });

  it('refuses a file path with a bilingual PROFILE_NOT_FOUND', async () => {
    const loadProfile = await browserLoadProfile();
    await expect(loadProfile('./profiles/fuzhou.yaml')).rejects.toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      messageZh: expect.stringContaining('浏览器'),
      message: expect.stringContaining('need Node'),
    });
  });
});
