import { configDefaults, defineConfig } from 'vitest/config';
import { isolatedFiles as proceduresIsolated } from './packages/procedures/vitest.config.js';
import { isolatedFiles as runtimeIsolated } from './packages/runtime/vitest.config.js';
import shared, { consumer } from './vitest.shared.js';

/**
 * The libraries with short suites and the bench, whose tests `npm test` runs together in one
 * Vitest process (the root's `test:projects` task) as one project with the workspaces' shared
 * settings (`vitest.shared.ts`): their sources, one module graph, one worker.
 */
export const sharedRunLibraries = [
  'packages/identifiers',
  'packages/protocol',
  'packages/runtime',
  'packages/procedures',
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
];

/**
 * Files of those libraries that run in a fresh module graph each (`withIsolatedFiles` in the
 * library's own `vitest.config.ts`, which names them): a third project, `isolated`.
 */
export const sharedRunIsolatedFiles: Readonly<Record<string, readonly string[]>> = {
  'packages/runtime': runtimeIsolated,
  'packages/procedures': proceduresIsolated,
};

/** The examples run in the same process, as a second project with their settings (`consumer`: the built packages). */
export const sharedRunExamples = [
  'examples/authorized-operation',
  'examples/catalog-editor',
  'examples/demo',
  'examples/open-data-usage',
  'examples/plain-http',
  'examples/registration-journey',
  'examples/sharing-dispute',
  'examples/vendor-msw-vitest',
];

/**
 * Every workspace whose tests the root's run takes. Every other workspace with tests runs them in
 * its own `test` task: the long suites (mock-server, conformance, release), codegen and openapi
 * (which have other tasks of theirs in `npm test`), and browser-msw (Chromium in a global setup),
 * selected by name in `npm test`'s `--filter` list (release/test/repository-scripts.test.ts checks
 * that each workspace's tests run exactly once, and that each of these has the settings of its
 * group in its own `vitest.config.ts`).
 *
 * Three projects, not one per workspace: Vitest gives each project workers of its own and never
 * hands a worker to another project, so twenty projects started twenty workers, each loading
 * Vitest and importing the modules their tests share again (issue 12: the run took 41.4–42.2
 * CPU-s and 42 s as twenty projects, 24.1–24.3 CPU-s and 27 s as two, the same 1,966 tests; with
 * runtime's and procedures' files, which had a turbo task and a Vitest of their own, 29.9 CPU-s
 * against 34.4–41.1 for the three runs apart). Every workspace keeps its `test` script and its
 * `vitest.config.ts`: `npm test -w @gdx/kernel` runs one alone, as does `npx vitest run
 * packages/kernel` here.
 */
export const sharedRunProjects = [...sharedRunLibraries, ...sharedRunExamples];

/** The test files of `workspaces`, where the workspaces' shared settings look for them. */
function testFilesOf(workspaces: readonly string[]): string[] {
  const { include = [] } = shared.test ?? {};
  return workspaces.flatMap((workspace) => include.map((glob) => `${workspace}/${glob}`));
}

const isolated = Object.entries(sharedRunIsolatedFiles).flatMap(([workspace, files]) => files.map((file) => `${workspace}/${file}`));

export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { ...shared.test, name: 'libraries', include: testFilesOf(sharedRunLibraries), exclude: [...configDefaults.exclude, ...isolated] } },
      { ...shared, test: { ...shared.test, name: 'isolated', include: isolated, isolate: true } },
      { ...consumer, test: { ...consumer.test, name: 'examples', include: testFilesOf(sharedRunExamples) } },
    ],
  },
});
