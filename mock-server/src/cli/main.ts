#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { YearSchedule } from '@gdx/calendar';
import { renderBanner, type BannerSandbox } from './banner.js';
import { parseCli, USAGE } from './cli-options.js';
import { calendarHorizonWarning } from './calendar-horizon.js';
import { namingCalendarFile, readCalendarFiles } from './calendar-files.js';
import { exposureWarnings } from './exposure-warnings.js';
import { heapWarning } from './heap-warning.js';
import { seedQuotaWarning, type SandboxQuotaView } from './seed-quota-warning.js';
import { heldOutput } from './held-output.js';
import { createLogger, requestLogSink } from './request-logger.js';
import { optionRefusal, requestedLogFormat, startRefusal, writeRefusal, writeStartWarning } from './start-messages.js';
import { storedSandboxWarnings } from './stored-sandbox-warnings.js';
import { mockServerVersion } from './version.js';
import { STORE_FILE } from '../persistence/store-files.js';
import { DEFAULT_QUOTAS } from '../sandbox/quotas.js';

async function main(): Promise<number> {
  if (process.argv[2] === 'repair') {
    const { runRepair } = await import('./repair-command.js');
    return runRepair(process.argv.slice(3), (text) => process.stdout.write(text), (text) => process.stderr.write(text), process.env);
  }
  const request = parseCli(process.argv.slice(2), process.env);
  if (request.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (request.kind === 'version') {
    process.stdout.write(`${mockServerVersion()}\n`);
    return 0;
  }
  if (request.kind === 'error') {
    const refusal = optionRefusal(request.message);
    writeRefusal(refusal, requestedLogFormat(process.argv.slice(2), process.env), process.stderr);
    return refusal.exitCode;
  }
  // The app, the server and the profile loader are loaded only to run: `-v` and `-h` answer at
  // once instead of after the contracts, validators and platforms are imported (~0.6 s). (The
  // logger is not among them: the refusals above write in the log's shape, so it is loaded already.)
  const [{ loadProfile }, { createApp }, { startServer }] = await Promise.all([import('@gdx/procedures'), import('../app/create-app.js'), import('../server/index.js')]);
  // What the start logs (entries a replay refused, say) waits until the banner is out: scripts read
  // the URL from stdout's first line. Released when the start fails too: nothing logged is lost.
  const out = heldOutput(process.stdout);
  const logger = createLogger(request.log, out);
  const logError = (message: string, error: unknown): void => logger.error({ err: error }, message);
  const token = request.app.simToken;
  // A directory that already holds a store restores its own default sandbox: the sandbox flags then only shape a new one.
  const storedDir = request.app.dataDir !== undefined && existsSync(join(request.app.dataDir, STORE_FILE)) ? request.app.dataDir : undefined;
  const start = async () => {
    // A profile file is read and validated here (extends chains included), so a mistake in it stops
    // the start with the file's own error instead of surfacing at the first request.
    const profile = request.profileFile ? { profile: await loadProfile(request.profileFile) } : {};
    // Read here, checked by the app as the PUT endpoint checks a body: a bad file stops the start, named.
    const calendarYears = (await readCalendarFiles(request.calendarFiles)) as YearSchedule[];
    const app = namingCalendarFile(request.calendarFiles, () => createApp({ ...request.app, logError, ...profile, calendarYears }));
    // Read before the warm-up's first turn: the banner tells what the start found, and what the
    // warm-up may add (each found is logged, after the banner).
    const storage = { ...app.storage };
    const running = await startServer(app, { ...request.server, requestLog: requestLogSink(logger), serverLog: (level, fields, message) => logger[level](fields, message) });
    const headers = { host: new URL(running.url).host, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    // The banner's reads are the server's own: the default sandbox's request journal leaves them out.
    const read = async <T>(path: string): Promise<T> => JSON.parse(String((await app.dispatch({ method: 'GET', path, query: '', headers, body: undefined, journal: false })).body)) as T;
    const sandbox = await read<BannerSandbox & SandboxQuotaView & { clock: { today: string } }>('/_sim/v1/sandboxes/default');
    const heldYears = (await read<{ years: number[] }>('/_sim/v1/sandboxes/default/calendar')).years;
    process.stdout.write(
      renderBanner({
        url: running.url,
        version: mockServerVersion(),
        sandbox,
        calendarYears: heldYears,
        calendarFlagYears: calendarYears.map((schedule) => schedule.year),
        ...(request.profileFile !== undefined ? { profileFile: request.profileFile } : {}),
        ...(request.app.dataDir !== undefined ? { dataDir: request.app.dataDir } : {}),
        storage,
        limits: app.limits,
        ...(request.app.quotas !== undefined ? { quotas: request.app.quotas } : {}),
        corsOrigins: request.server.corsOrigins,
        allowedHosts: request.server.allowedHosts,
        simToken: token !== undefined,
        showSecrets: request.showSecrets,
      }),
    );
    return { app, running, sandbox, heldYears };
  };
  const { app, running, sandbox, heldYears } = await start().finally(() => out.release());
  const horizon = calendarHorizonWarning(sandbox.clock.today, heldYears, 'default');
  const stored = storedDir !== undefined ? storedSandboxWarnings(request.sandboxFlags, sandbox, storedDir) : [];
  const heap = heapWarning(request.app.quotas?.objects ?? DEFAULT_QUOTAS.objects, getHeapStatistics().heap_size_limit);
  // A restored sandbox may hold its quota for what its clients made, not for its seed.
  const seedFills = storedDir === undefined ? seedQuotaWarning(sandbox) : undefined;
  for (const warning of [...request.warnings, ...(heap ? [heap] : []), ...(seedFills ? [seedFills] : []), ...exposureWarnings(request.server, token !== undefined), ...stored, ...(horizon ? [horizon] : [])]) writeStartWarning(warning, request.log.format, process.stderr);

  // A rolling restart drains: requests in flight answered (within --shutdown-grace), new
  // connections answered 503 SHUTTING_DOWN until the listener closes, then the last snapshot is
  // written by `app.close()`. A second signal cuts
  // the connections left at once (`close()` again) and still lets the snapshot be written.
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return void running.close();
    stopping = true;
    logger.info(`stopping: new connections are answered 503 SHUTTING_DOWN; requests in flight have up to ${request.server.shutdownGraceMs / 1000} s`);
    await running.close();
    await app.close();
    // The log's last word: without it, a log ending at "stopping" cannot tell a clean stop from a kill.
    logger.info('stopped: connections closed, journal committed (and a last snapshot written, or the failure logged above); exiting 0');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    // In the log's shape (a JSON line where the log is JSON lines), so a log pipeline reads why the start stopped.
    const refusal = startRefusal(error);
    writeRefusal(refusal, requestedLogFormat(process.argv.slice(2), process.env), process.stderr);
    process.exitCode = refusal.exitCode;
  },
);
