import { defaultServerConditions } from 'vite';
import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Shared Vitest settings. Sibling workspaces resolve through the `source` export
 * condition, so tests run against TypeScript sources without a build; the default
 * server conditions stay after it so third-party packages resolve as usual.
 */
const shared = defineConfig({
  resolve: { conditions: ['source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // A timeout catches a hang; it must not time the test. CI runs every workspace's suite at once
    // on two cores, where a test that spawns processes takes several times its time alone (beside
    // two busy processes, a 20 s test went past the 30 s this used to be).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One module graph per worker for all its test files, instead of importing and transforming
    // every source again for each file: module import was most of the suite's time (issue 12:
    // e.g. @gdx/kernel 12.6 s → 3.2 s, @gdx/procedures 34 s → 12 s, the same tests passing).
    // Files that change module state for themselves (vi.doMock, a stubbed global) run isolated:
    // see `withIsolatedFiles`.
    isolate: false,
  },
});

/**
 * The shared settings, with `files` (globs relative to the workspace) run isolated — each in its
 * own module graph — as a second project of the same Vitest run: for tests that swap a module
 * (`vi.doMock`) or stub a global for themselves, which would leak into or from the shared graph.
 *
 * @example
 * ```ts
 * export default withIsolatedFiles(['test/browser-platform.test.ts']);
 * ```
 */
export function withIsolatedFiles(files: string[]): ViteUserConfig {
  // Whole projects, not `extends: true`: extending would add the shared `include` to the isolated one.
  const { resolve, ssr, test } = shared;
  return {
    test: {
      projects: [
        { resolve, ssr, test: { ...test, name: 'shared-modules', exclude: [...configDefaults.exclude, ...files] } },
        // A fresh module graph per file: seconds on a quiet machine, tens of seconds when CI runs
        // every workspace's suite at once on two cores (the shared timeouts allow for it).
        { resolve, ssr, test: { ...test, name: 'isolated', include: files, isolate: true } },
      ],
    },
  };
}

/**
 * For the examples and the conformance kit, whose tests play a consumer: sibling packages resolve to
 * their built `dist` (the `import` condition, not `source`) and Node loads them as a consumer's
 * project would, instead of Vite transforming their TypeScript sources in every run again (each
 * example's run spent about half its CPU transforming the mock's and the SDKs' sources: 6.2 → 3.1 s,
 * catalog-editor alone), and instead of running the mock as Vite's transform of it, which made the
 * kit's runs against the in-process mock ~30 % slower. `npm test` builds every dependency first
 * (turbo's `test` depends on `build` and `^build`); inside one of these workspaces, build its
 * dependencies before `npx vitest` (`npx turbo run build --filter=<workspace>^...`). The
 * workspace's own tests still import its sources.
 *
 * @example
 * ```ts
 * export default consumer; // examples/<name>/vitest.config.ts
 * ```
 */
export const consumer: ViteUserConfig = {
  // Symlinks kept: `node_modules/@gdx/*` stays a dependency path, which Vitest leaves to Node.
  resolve: { conditions: [...defaultServerConditions], preserveSymlinks: true },
  ssr: { resolve: { conditions: [...defaultServerConditions] } },
  test: shared.test,
};

export default shared;
