import { Agent } from 'undici';

let shared: Agent | undefined;

/**
 * The keep-alive pool the default fetch transport hands to the global `fetch` as `dispatcher`:
 * created on first use and shared by every client in the process (idle sockets do not keep the
 * process alive). Pipelining stays at 1 because platforms and proxies rarely support more.
 */
export function sharedAgent(): Agent {
  shared ??= new Agent({
    connections: 128,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
  return shared;
}
