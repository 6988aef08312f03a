import { defineConfig, type ViteUserConfig } from 'vitest/config';
import shared, { consumer } from './vitest.shared.js';

/**
 * The libraries with short suites and the bench, whose tests `npm test` runs together in one
 * Vitest process (the root's `test:projects` task) as one project with the workspaces' shared
 * settings (`vitest.shared.ts`): their sources, one module graph, one worker.
 */
export const sharedRunLibraries = [
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
];

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
 * its own `test` task: the long suites and those with an isolated project of their own
 * (`withIsolatedFiles`), selected by name in `npm test`'s `--filter` list
 * (release/test/repository-scripts.test.ts checks that each workspace's tests run exactly once,
 * and that each of these has the settings of its group in its own `vitest.config.ts`).
 *
 * Two projects, not one per workspace: Vitest gives each project workers of its own and never
 * hands a worker to another project, so twenty projects started twenty workers, each loading
 * Vitest and importing the modules their tests share again (issue 12: the run took 41.4–42.2
 * CPU-s and 42 s as twenty projects, 24.1–24.3 CPU-s and 27 s as two, the same 1,966 tests). Every
 * workspace keeps its `test` script and its `vitest.config.ts`: `npm test -w @gdx/kernel` runs one
 * alone, as does `npx vitest run packages/kernel` here.
 */
export const sharedRunProjects = [...sharedRunLibraries, ...sharedRunExamples];

/** The test files of `workspaces`, where the workspaces' shared settings look for them. */
function testFilesOf(workspaces: readonly string[]): string[] {
  const { include = [] } = shared.test ?? {};
  return workspaces.flatMap((workspace) => include.map((glob) => `${workspace}/${glob}`));
}

function project(name: string, settings: ViteUserConfig, workspaces: readonly string[]): ViteUserConfig {
  return { ...settings, test: { ...settings.test, name, include: testFilesOf(workspaces) } };
}

export default defineConfig({
  test: {
    projects: [project('libraries', shared, sharedRunLibraries), project('examples', consumer, sharedRunExamples)],
  },
});
