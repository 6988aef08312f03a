// The two repository scripts the release relies on: the published manifest written at pack time,
// and the README link check run by `npm test`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const { publishedManifest } = (await import(root('scripts/pack-manifest.mjs') as string)) as { publishedManifest: (manifest: object) => object };
const { brokenLink } = (await import(root('scripts/check-links.mjs') as string)) as { brokenLink: (readme: string, target: string) => string | undefined };

describe('publishedManifest', () => {
  it('drops source and gdx-build at any depth, and the pack hooks, and keeps everything else', () => {
    const manifest = {
      name: '@gdx/x',
      exports: { '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' }, './data/*': './dist/data/*' },
      imports: { '#hash': { browser: { source: './src/b.ts', default: './dist/b.js' }, source: './src/n.ts', 'gdx-build': './src/n.ts', default: './dist/n.js' } },
      scripts: { build: 'tsc', prepack: 'node p prepack', postpack: 'node p postpack', postpublish: 'node p postpublish' },
    };
    expect(publishedManifest(manifest)).toEqual({
      name: '@gdx/x',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './data/*': './dist/data/*' },
      imports: { '#hash': { browser: { default: './dist/b.js' }, default: './dist/n.js' } },
      scripts: { build: 'tsc' },
    });
  });

  it('removes scripts when only the pack hooks were there', () => {
    expect(publishedManifest({ name: 'x', scripts: { prepack: 'a', postpack: 'b' } })).toEqual({ name: 'x' });
  });
});

describe('brokenLink', () => {
  it.each([
    { readme: 'README.md', target: 'release/README.md', want: undefined },
    { readme: 'README.md', target: 'docs/design.md#authentication-signing', want: undefined },
    { readme: 'README.md', target: 'docs/nothing-here.md', want: 'no such file' },
    { readme: 'packages/registration/README.md', target: './api.md', want: undefined },
    { readme: 'packages/registration/README.md', target: './src/index.ts', want: expect.stringContaining('not in the published tarball') },
    { readme: 'mock-server/README.md', target: '../examples/browser-msw', want: expect.stringContaining('outside the published package') },
    { readme: 'mock-server/README.md', target: 'https://github.com/gdx-toolkit/gdx/blob/main/mock-server/src/platforms/catalog/README.md', want: undefined },
    { readme: 'mock-server/README.md', target: 'https://github.com/gdx-toolkit/gdx/blob/main/mock-server/nothing.md', want: expect.stringContaining('does not exist') },
    { readme: 'mock-server/README.md', target: 'https://msw.io/docs', want: undefined },
  ])('$readme → $target', ({ readme, target, want }) => {
    expect(brokenLink(root(readme), target)).toEqual(want);
  });
});
