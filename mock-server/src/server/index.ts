export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export type { RequestLogEntry, RequestLogSink } from './request-log.js';
export { defaultMaxConnections, type ServerLogSink } from './connection-limit.js';
