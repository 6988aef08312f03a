import { defineConfig } from 'vitest/config';

/**
 * The workspaces whose tests `npm test` runs together, in one Vitest process: the root's
 * `test:projects` task. Each is a Vitest project with its own `vitest.config.ts` (a workspace's
 * files still share one module graph, the examples still load the built packages), but Vitest
 * starts once for all of them: nineteen runs of their own, each starting npm, Vitest and a worker
 * for a few seconds of tests, took ~75 s of CPU where this one takes ~47 s (issue 12).
 *
 * Every other workspace with tests runs them in its own `test` task: the long suites and those
 * with an isolated project of their own (`withIsolatedFiles`), selected by name in `npm test`'s
 * `--filter` list (release/test/repository-scripts.test.ts checks that each workspace's tests run
 * exactly once). Every workspace keeps its `test` script: `npm test -w @gdx/kernel` runs one
 * alone, as does `npx vitest run --project @gdx/kernel` here.
 */
export const sharedRunProjects = [
  'packages/identifiers',
  'packages/protocol',
  'packages/calendar',
  'packages/kernel',
  'packages/registration',
  'packages/sharing',
  'packages/open-data',
  'packages/catalog',
  'packages/authorized-operation',
  'packages/simulation',
  'packages/console',
  'bench',
  'examples/authorized-operation',
  'examples/catalog-editor',
  'examples/demo',
  'examples/open-data-usage',
  'examples/plain-http',
  'examples/registration-journey',
  'examples/sharing-dispute',
  'examples/vendor-msw-vitest',
];

export default defineConfig({ test: { projects: sharedRunProjects } });
