#!/usr/bin/env node
import { loadProfile } from '@gdx/procedures';
import { createApp } from './app/create-app.js';
import { parseCli, USAGE } from './cli/cli-options.js';
import { runRepair } from './cli/repair-command.js';
import { exposureWarnings } from './cli/exposure-warnings.js';
import { startServer } from './server/index.js';

interface SandboxAnswer {
  platforms: Record<string, string>;
  organizations: { id: string; name: string; creditCode: string; roles: string[]; appKey: string; secret: string }[];
}

async function main(): Promise<number> {
  if (process.argv[2] === 'repair') {
    return runRepair(process.argv.slice(3), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
  }
  const request = parseCli(process.argv.slice(2), process.env);
  if (request.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (request.kind === 'error') {
    process.stderr.write(`gdx-mock: ${request.message}\n\n${USAGE}`);
    return 2;
  }
  // A profile file is read and validated here (extends chains included), so a mistake in it stops
  // the start with the file's own error instead of surfacing at the first request.
  const app = createApp(request.profileFile ? { ...request.app, profile: await loadProfile(request.profileFile) } : request.app);
  const running = await startServer(app, request.server);
  const token = request.app.simToken;
  const answer = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: { host: new URL(running.url).host, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: undefined });
  const sandbox = JSON.parse(String(answer.body)) as SandboxAnswer;
  const lines = [
    `gdx-mock listening on ${running.url}`,
    `  simulation API  ${running.url}/_sim/v1${token ? ' (bearer token required)' : ''}`,
    `  sim origins     same origin${request.server.corsOrigins.map((o) => `, ${o}`).join('')}`,
    ...Object.entries(sandbox.platforms).map(([name, url]) => `  ${name.padEnd(15)} ${url}`),
    request.app.dataDir ? `  data directory  ${request.app.dataDir}` : '  data directory  (none: state is kept in memory)',
    '',
    'Organisations of the default sandbox (app key / secret):',
    ...sandbox.organizations.map((o) => `  ${o.name} ${o.creditCode} [${o.roles.join(', ')}]\n    ${o.appKey}  ${o.secret}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const warning of exposureWarnings(request.server, token !== undefined)) process.stderr.write(`gdx-mock: warning: ${warning}\n`);

  const stop = async () => {
    await running.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    // Errors with a stable code (a bad profile file, a taken port) are the user's to fix: say what, not where.
    const known = error instanceof Error && 'code' in error;
    process.stderr.write(`gdx-mock: ${error instanceof Error ? (known ? error.message : error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
