import type { Dispatcher } from 'undici';
import { GdxError } from '../errors/gdx-error.js';
import type { Transport } from '../transport/types.js';
import type { UndiciTransportOptions } from '../transport/undici-transport.js';

// The browser leaf of `#platform`, selected by the `browser` export condition: undici is a Node
// HTTP client, so browsers use their own fetch and never load it.

/** Browsers pool connections themselves: the fetch transport passes no dispatcher. */
export function sharedAgent(): Dispatcher | undefined {
  return undefined;
}

/** No dispatcher, so the default transport leaves timeouts to an abort signal (the timeout step's). */
export const hasSharedAgent = false;

/** The undici transport needs Node; in a browser, creating one throws `UNDICI_TRANSPORT_UNAVAILABLE`. */
export function undiciTransport(_options?: UndiciTransportOptions): Transport & { close(): Promise<void> } {
  throw new GdxError('UNDICI_TRANSPORT_UNAVAILABLE', {
    zh: 'undiciTransport 仅能在 Node 中使用，浏览器请使用默认的 fetchTransport',
    en: 'undiciTransport needs Node; in a browser use the default fetchTransport',
  });
}

/** Browsers send their own user-agent (and a custom one would cost a CORS preflight header). */
export const platformUserAgent: string | undefined = undefined;

/** Browsers warn about no number of abort listeners: nothing to allow. */
export function allowAbortListeners(_signal: AbortSignal, _count: number): void {}
