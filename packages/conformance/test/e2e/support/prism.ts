import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PRISM = require.resolve('@stoplight/prism-cli/dist/index.js');

/** The contracts a judge runs a Prism proxy for. */
export const SPECS = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation', 'simulation'] as const;
export type Spec = (typeof SPECS)[number];

/** A running `prism proxy` and everything it logged. */
export interface PrismProxy {
  url: string;
  child: ChildProcess;
  log: string;
}

/**
 * Starts `prism proxy <bundled spec> <upstream>` on a port; resolves once Prism listens.
 *
 * @example
 * ```ts
 * const proxy = await startPrism('catalog', 'http://127.0.0.1:4010/catalog/v1', 4011);
 * ```
 */
export function startPrism(spec: Spec, upstream: string, port: number): Promise<PrismProxy> {
  const bundled = require.resolve(`@gdx/openapi/bundled/${spec}.json`);
  const child = spawn(process.execPath, [PRISM, 'proxy', bundled, upstream, '-p', String(port), '-h', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proxy: PrismProxy = { url: `http://127.0.0.1:${port}`, child, log: '' };
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      proxy.log += chunk.toString();
      if (proxy.log.includes('Prism is listening')) resolve(proxy);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`prism ${spec} exited with ${code}: ${proxy.log.slice(-2000)}`)));
  });
}

/**
 * Stops a child process and resolves once it has exited (at once if it already has).
 *
 * @example
 * ```ts
 * await stopped(proxy.child); // Prism has written every line of its log
 * ```
 */
export function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/**
 * Prism's log of one proxy cut into per-request blocks ("Request received" starts one).
 *
 * @example
 * ```ts
 * blocks(proxy.log).filter((block) => violations(block, 'response').length > 0);
 * ```
 */
export function blocks(log: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  return plain.split(/(?=^.*\[HTTP SERVER\].*Request received)/m).filter((b) => b.includes('Request received'));
}

/**
 * The violation lines of one request's block, of the request or of the response.
 *
 * @example
 * ```ts
 * violations(block, 'request').some((line) => line.includes('security'));
 * ```
 */
export const violations = (block: string, kind: 'request' | 'response'): string[] => block.split('\n').filter((line) => line.includes(`Violation: ${kind}`));
