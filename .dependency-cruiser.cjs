/**
 * The one-way dependency arrows of docs/design.md, checked on every `npm test`.
 * Bottom: calendar, identifiers, protocol, kernel (the kernel may import the calendar). Middle: runtime, procedures.
 * SDKs above runtime. Top: mock-server, conformance. Examples and bench may use anything.
 */
const pkg = (name) => `^(packages/${name}|node_modules/@gdx/${name})/`;
const notTo = (...names) => ({ path: names.map((n) => (n === 'mock-server' ? '^(mock-server|node_modules/@gdx/mock-server)/' : pkg(n))) });
const sdks = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation', 'simulation'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'bottom-layers-stay-at-the-bottom',
      comment: 'calendar, identifiers and protocol import no other gdx package.',
      severity: 'error',
      from: { path: '^packages/(calendar|identifiers|protocol)/src' },
      to: { path: '^(packages|mock-server|node_modules/@gdx)/', pathNot: ['^(packages|node_modules/@gdx)/$1/'], dependencyTypesNot: ['npm-dev'] },
    },
    {
      name: 'kernel-imports-only-the-calendar',
      comment:
        'The one arrow inside the bottom layer: the kernel uses the calendar\'s Asia/Shanghai day helpers ' +
        'instead of a copy of the date math. Its deadlines still take an injected Calendar.',
      severity: 'error',
      from: { path: '^packages/kernel/src' },
      to: { path: '^(packages|mock-server|node_modules/@gdx)/', pathNot: ['^(packages|node_modules/@gdx)/(kernel|calendar)/'], dependencyTypesNot: ['npm-dev'] },
    },
    {
      name: 'kernel-knows-no-transport',
      comment: 'The kernel reads time only from its injected clock and does no I/O.',
      severity: 'error',
      from: { path: '^packages/kernel/src' },
      to: { path: '^(undici|msw|node:http|node:https|node:net|node:fs|http|https|net|fs)$', dependencyTypes: ['core', 'npm'] },
    },
    {
      name: 'runtime-below-sdks',
      severity: 'error',
      from: { path: '^packages/runtime/src' },
      to: notTo(...sdks, 'kernel', 'procedures', 'conformance', 'mock-server'),
    },
    {
      name: 'sdks-import-only-the-runtime',
      comment: 'An SDK is generated types + resource methods over @gdx/runtime.',
      severity: 'error',
      from: { path: `^packages/(${sdks.join('|')})/src` },
      to: notTo('kernel', 'procedures', 'conformance', 'mock-server', 'calendar', 'protocol'),
    },
    {
      name: 'procedures-below-the-mock',
      severity: 'error',
      from: { path: '^packages/procedures/src' },
      to: notTo('runtime', ...sdks, 'conformance', 'mock-server'),
    },
    {
      name: 'conformance-never-imports-the-mock',
      severity: 'error',
      from: { path: '^packages/conformance/src' },
      to: notTo('mock-server', 'kernel', 'procedures'),
    },
    {
      name: 'only-runtime-transport-imports-undici',
      severity: 'error',
      // platform/: the Node leaf re-exports the transports; the browser leaf names undici's types only.
      from: { path: '^packages/', pathNot: ['^packages/runtime/src/transport/', '^packages/runtime/src/platform/'] },
      to: { path: '^node_modules/undici/' },
    },
    {
      name: 'only-mock-msw-folder-imports-msw',
      severity: 'error',
      from: { path: '^mock-server/src/', pathNot: ['^mock-server/src/msw/'] },
      to: { path: '^node_modules/msw/' },
    },
    {
      name: 'only-mock-server-folder-imports-node-http',
      severity: 'error',
      from: { path: '^mock-server/src/', pathNot: ['^mock-server/src/server/', '^mock-server/src/cli'] },
      to: { path: '^(node:)?https?$', dependencyTypes: ['core'] },
    },
    {
      name: 'mock-transports-never-import-each-other',
      severity: 'error',
      from: { path: '^mock-server/src/(msw|fetch|server)/' },
      to: { path: '^mock-server/src/(msw|fetch|server)/', pathNot: ['^mock-server/src/$1/'] },
    },
    {
      name: 'no-circular',
      comment: 'No runtime import cycles. Cycles made only of `import type` vanish at compile time and are allowed.',
      severity: 'error',
      from: { path: '^(packages|mock-server)/[^/]+/src|^mock-server/src' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|generated)/|\\.test\\.ts$|/test/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['source', 'import', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    combinedDependencies: false,
  },
};
