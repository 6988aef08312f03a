// The Node leaf of `#platform` (see package.json "imports"): undici and the Node version.
export { sharedAgent } from '../transport/default-agent.js';
export { undiciTransport } from '../transport/undici-transport.js';

/** Appended to the default user-agent. */
export const platformUserAgent: string | undefined = `node/${process.version}`;
