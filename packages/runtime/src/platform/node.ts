import { setMaxListeners } from 'node:events';
// The Node leaf of `#platform` (see package.json "imports"): undici and the Node version.
export { sharedAgent } from '../transport/default-agent.js';
export { undiciTransport } from '../transport/undici-transport.js';

/** The default transport has an undici dispatcher to enforce timeouts with (see `sharedAgent`). */
export const hasSharedAgent = true;

/** Appended to the default user-agent. */
export const platformUserAgent: string | undefined = `node/${process.version}`;

/**
 * Lets `count` listeners wait on one abort signal without Node's leak warning (at 10 by default):
 * attempts share their timeout's signal (`steps/deadline-slices.ts`).
 */
export function allowAbortListeners(signal: AbortSignal, count: number): void {
  setMaxListeners(count, signal);
}
