import type { FlagSpec } from './flag-spec.js';
import { QUOTA_FLAG_SPECS } from './quota-flags.js';
import { WEBHOOK_FLAG_SPECS } from './webhook-flags.js';

/** Prefix of the environment variables of `gdx-mock`: `--data-dir` is `GDX_MOCK_DATA_DIR`. */
export const ENV_PREFIX = 'GDX_MOCK_';

/**
 * Every flag of `gdx-mock`, in `--help` order: the one list that the parser, the environment
 * variables and the help text are made from.
 *
 * @example
 * ```ts
 * MOCK_FLAGS.find((flag) => flag.name === 'port')?.help[0]; // 'port to listen on (default 4010; 0 picks a free one)'
 * ```
 */
export const MOCK_FLAGS: readonly FlagSpec[] = [
  { name: 'port', kind: 'string', value: '<n>', help: ['port to listen on (default 4010; 0 picks a free one)'] },
  { name: 'host', kind: 'string', value: '<addr>', help: ['interface to bind (default 127.0.0.1)'] },
  { name: 'profile', kind: 'string', value: '<name|file>', help: ['national | inner-mongolia | xiamen (default national), or a', 'profile file of your own (.json, .yaml) — see @gdx/procedures'] },
  {
    name: 'data-dir',
    kind: 'string',
    value: '<dir>',
    help: ['keep every acknowledged write there (SQLite, store.sqlite); state', 'survives restarts and crashes; a damaged directory is refused at start'],
  },
  { name: 'compact-every', kind: 'string', value: '<n>', help: ['snapshot the data directory every n writes, in a worker thread', '(default 10000; start-up replays the writes since the last snapshot)'] },
  { name: 'seed', kind: 'string', value: '<n>', help: ['seed of the default sandbox and of generated ids (default 1)'] },
  { name: 'start-at', kind: 'string', value: '<instant>', help: ['where virtual clocks start, e.g. 2025-09-26T09:00:00+08:00'] },
  { name: 'clock', kind: 'string', value: '<virtual|realtime>', help: ['clock of the default sandbox (default virtual)'] },
  {
    name: 'calendar',
    kind: 'list',
    value: '<file>',
    help: ['a year\'s holiday schedule (.json, .yaml: the body of PUT', '/_sim/v1/sandboxes/{id}/calendar/{year}) every sandbox holds besides', '2024–2026, under its own PUTs; repeatable, applied again at each start'],
  },
  { name: 'max-body-bytes', kind: 'string', value: '<n>', help: ['largest request body in bytes (default 1048576, 1 MiB); a larger one', 'is refused with 413 before it is read'] },
  ...QUOTA_FLAG_SPECS,
  { name: 'max-sandboxes', kind: 'string', value: '<n>', help: ['sandboxes the server holds, default included (default 1000); creating', 'or importing one more is refused with 409 SANDBOX_LIMIT_REACHED'] },
  ...WEBHOOK_FLAG_SPECS,
  { name: 'max-webhooks', kind: 'string', value: '<n>', help: ['webhooks each sandbox holds (default 100); subscribing one more, or', 'importing a snapshot that holds more, is refused with 409', 'WEBHOOK_LIMIT_REACHED'] },
  {
    name: 'idempotency-retention',
    kind: 'string',
    value: '<s>',
    help: ['seconds an Idempotency-Key is remembered after its first answer', '(default 86400, 24 h; 1–315360000); reused after it, the key is a new', 'request'],
  },
  {
    name: 'max-heap-ratio',
    kind: 'string',
    value: '<r>',
    help: ['share of the heap limit (0 < r ≤ 1, default 0.9) past which writes that', 'add state are refused with 503 INSUFFICIENT_MEMORY; reads, deletions', 'and resets go on (1 refuses none)'],
  },
  {
    name: 'cors-origin',
    kind: 'list',
    value: '<origin>',
    help: ['a web origin whose pages may call the simulation API /_sim/v1,', 'e.g. http://localhost:5173 (repeatable; default: only the server\'s own)'],
  },
  {
    name: 'allowed-host',
    kind: 'list',
    value: '<host>',
    help: ['a host name /_sim/v1 answers for besides the bound address, any port;', '.example.org adds subdomains (repeatable; bound to 0.0.0.0 without', 'any, every Host is answered)'],
  },
  {
    name: 'ignore-query-parameter',
    kind: 'list',
    value: '<name>',
    help: ['a query parameter every operation takes and ignores besides _ (one your', 'HTTP tooling appends; repeatable); any other the contract does not', 'declare is 400 VALIDATION_FAILED'],
  },
  {
    name: 'sim-token',
    kind: 'string',
    value: '<token>',
    help: ['require Authorization: Bearer <token> on /_sim/v1 (16–512 characters;', 'the variable keeps it out of `ps`). Use it whenever --host is not loopback'],
  },
  { name: 'log-level', kind: 'string', value: '<level>', help: ['fatal | error | warn | info | debug | trace | silent (default info);', 'a line per request: refusals at warn, server errors at error'] },
  { name: 'log-format', kind: 'string', value: '<auto|json|pretty>', help: ['pretty on a terminal, JSON lines otherwise (default auto)'] },
  {
    name: 'journal-size',
    kind: 'string',
    value: '<n>',
    help: ['how many of its most recent requests each sandbox\'s journal keeps', '(default 1000; 0 keeps none; past it the oldest go), listed newest first', 'at /_sim/v1/sandboxes/{id}/requests'],
  },
  {
    name: 'max-connections',
    kind: 'string',
    value: '<n>',
    help: ['connections open at once; on one more only the probes /_sim/v1/health', 'and /ready are answered, anything else 503; it is closed, and logged', '(default: the open-file limit less a reserve for the server\'s own', 'files, a tenth of it and at least 64; at most 10000)'],
  },
  {
    name: 'request-timeout',
    kind: 'string',
    value: '<s>',
    help: ['seconds a request may take to arrive, head and body, from its first byte', '(default 30; 1–3600); a slower one is answered 408 REQUEST_TIMEOUT and', 'its connection closed, and logged. The answer\'s own time is not counted'],
  },
  {
    name: 'headers-timeout',
    kind: 'string',
    value: '<s>',
    help: ['seconds a request\'s head may take to arrive, or a new connection to', 'start sending one (default 10, or --request-timeout if lower; at most', '--request-timeout); then 408 REQUEST_TIMEOUT, as above'],
  },
  {
    name: 'response-timeout',
    kind: 'string',
    value: '<s>',
    help: ['seconds a client may take no byte of its answer (default 60; 1–3600);', 'one that stops reading has its connection closed, and logged, that long', 'to twice that after it stopped: the unread answer stays in memory until', 'then. One that keeps reading (from about 30 kB/s at the default) is not'],
  },
  {
    name: 'shutdown-grace',
    kind: 'string',
    value: '<s>',
    help: ['on SIGTERM/SIGINT, seconds requests in flight may take to finish before', 'their connections are cut (default 10; 0 cuts at once; a second signal', 'cuts at once)'],
  },
  { name: 'show-secrets', kind: 'boolean', help: ['print the default sandbox\'s app keys and secrets at start (default:', 'a line saying where to read them)'] },
  { name: 'help', kind: 'boolean', short: 'h', env: false, help: ['show this help'] },
  { name: 'version', kind: 'boolean', short: 'v', env: false, help: ['print the version of @gdx/mock-server'] },
];
