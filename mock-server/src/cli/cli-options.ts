import { parseArgs } from 'node:util';
import type { AppOptions } from '../app/create-app.js';
import { assertSimToken } from '../app/sim-access.js';
import { normalizeOrigin } from '../server/cors.js';
import { normalizeAllowedHost } from '../server/host-policy.js';
import type { ServerOptions } from '../server/index.js';
import { parseQuotaFlags, QUOTA_FLAG_OPTIONS, QUOTA_USAGE } from './quota-flags.js';

/** What the command line asked for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'run'; app: AppOptions; server: Required<ServerOptions>; /** A profile file to load for the default sandbox. */ profileFile?: string };

/** `gdx-mock --help`. */
export const USAGE = `gdx-mock — the gdx mock of the government data platforms 政务数据平台模拟服务

Usage: gdx-mock [options]
       gdx-mock repair --data-dir <dir> [--dry-run]   keep what is intact in a damaged data directory

  --port <n>                  port to listen on (default 4010; 0 picks a free one)
  --host <addr>               interface to bind (default 127.0.0.1)
  --profile <name|file>       national | inner-mongolia | xiamen (default national), or a
                              profile file of your own (.json, .yaml) — see @gdx/procedures
  --data-dir <dir>            keep every acknowledged write there (SQLite, store.sqlite); state
                              survives restarts and crashes; a damaged directory is refused at start
  --compact-every <n>         snapshot the data directory every n writes, in a worker thread
                              (default 10000; start-up replays at most n writes)
  --seed <n>                  seed of the default sandbox and of generated ids (default 1)
  --start-at <instant>        where virtual clocks start, e.g. 2025-09-26T09:00:00+08:00
  --clock <virtual|realtime>  clock of the default sandbox (default virtual)
  --max-body-bytes <n>        largest request body in bytes (default 1048576, 1 MiB); a larger one
                              is refused with 413 before it is read
${QUOTA_USAGE}  --cors-origin <origin>      a web origin whose pages may call the simulation API /_sim/v1,
                              e.g. http://localhost:5173 (repeatable; default: only the server's own)
  --allowed-host <host>       a host name /_sim/v1 answers for besides the bound address, any port;
                              .example.org adds subdomains (repeatable; bound to 0.0.0.0 without
                              any, every Host is answered)
  --sim-token <token>         require Authorization: Bearer <token> on /_sim/v1 (16–512 characters;
                              or set GDX_MOCK_SIM_TOKEN). Use it whenever --host is not loopback
  --help                      show this help
`;

const PROFILES = ['national', 'inner-mongolia', 'xiamen'];
/** A user's own profile file (read by the CLI with `@gdx/procedures`' `loadProfile`). */
const PROFILE_FILE = /\.(json|ya?ml)$/i;

/**
 * Parses the command line of `gdx-mock`; `env` supplies `GDX_MOCK_SIM_TOKEN` (pass `process.env`).
 *
 * @example
 * ```ts
 * parseCli(['--port', '0', '--seed', '7']); // { kind: 'run', server: { port: 0, host: '127.0.0.1' }, app: { seed: 7, … } }
 * ```
 */
export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        profile: { type: 'string' },
        'data-dir': { type: 'string' },
        'compact-every': { type: 'string' },
        seed: { type: 'string' },
        'start-at': { type: 'string' },
        clock: { type: 'string' },
        'max-body-bytes': { type: 'string' },
        ...QUOTA_FLAG_OPTIONS,
        'cors-origin': { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        'sim-token': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const port = Number(values.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { kind: 'error', message: `--port must be 0–65535: ${values.port}` };
  const seed = Number(values.seed ?? 1);
  if (!Number.isSafeInteger(seed) || seed < 0) return { kind: 'error', message: `--seed must be a non-negative integer: ${values.seed}` };
  const profile = values.profile ?? 'national';
  if (!PROFILES.includes(profile) && !PROFILE_FILE.test(profile)) {
    return { kind: 'error', message: `--profile must be one of ${PROFILES.join(', ')} or a .json/.yaml profile file: ${profile}` };
  }
  const clock = values.clock ?? 'virtual';
  if (clock !== 'virtual' && clock !== 'realtime') return { kind: 'error', message: `--clock must be virtual or realtime: ${clock}` };
  const startAt = values['start-at'];
  if (startAt !== undefined && !(/[zZ]|[+-]\d{2}:\d{2}$/.test(startAt) && Number.isFinite(Date.parse(startAt)))) {
    return { kind: 'error', message: `--start-at must be an RFC 3339 instant with an offset: ${startAt}` };
  }
  const maxBody = values['max-body-bytes'];
  const maxBodyBytes = maxBody === undefined ? undefined : /^\d+$/.test(maxBody) ? Number(maxBody) : Number.NaN;
  if (maxBodyBytes !== undefined && !(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) return { kind: 'error', message: `--max-body-bytes must be a positive integer: ${maxBody}` };
  const compact = values['compact-every'];
  const compactEvery = compact === undefined ? undefined : /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
  if (compactEvery !== undefined && !(Number.isSafeInteger(compactEvery) && compactEvery > 0)) return { kind: 'error', message: `--compact-every must be a positive integer: ${compact}` };
  const quotaFlags = parseQuotaFlags(values);
  if ('error' in quotaFlags) return { kind: 'error', message: quotaFlags.error };
  const profileFile = PROFILES.includes(profile) ? undefined : profile;
  const corsOrigins = values['cors-origin'] ?? [];
  const allowedHosts = values['allowed-host'] ?? [];
  // The environment keeps the token out of `ps` listings; the flag wins when both are given.
  const simToken = values['sim-token'] ?? (env.GDX_MOCK_SIM_TOKEN || undefined);
  try {
    corsOrigins.forEach(normalizeOrigin);
    allowedHosts.forEach(normalizeAllowedHost);
    if (simToken !== undefined) assertSimToken(simToken);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  return {
    kind: 'run',
    server: { port, host: values.host ?? '127.0.0.1', corsOrigins, allowedHosts },
    ...(profileFile !== undefined ? { profileFile } : {}),
    app: {
      seed,
      ...(profileFile === undefined ? { profile } : {}),
      clock,
      ...(startAt !== undefined ? { startAt } : {}),
      ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
      ...(compactEvery !== undefined ? { compactEvery } : {}),
      ...(maxBodyBytes !== undefined ? { limits: { maxBodyBytes } } : {}),
      ...(Object.keys(quotaFlags.quotas).length > 0 ? { quotas: quotaFlags.quotas } : {}),
      ...(simToken !== undefined ? { simToken } : {}),
    },
  };
}
