export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export type { RequestLogEntry, RequestLogSink } from './request-log.js';
export { defaultMaxConnections, type ServerLogSink } from './connection-limit.js';
export { DEFAULT_REQUEST_TIMEOUTS, type RequestTimeouts } from './request-timeouts.js';
export { DEFAULT_ANSWER_TIMEOUT_MS } from './answer-timeout.js';
