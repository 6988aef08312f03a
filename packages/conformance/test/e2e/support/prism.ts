import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChild } from './stop-child.js';

/** The contracts a judge runs a Prism proxy for. */
export const SPECS = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation', 'simulation'] as const;
export type Spec = (typeof SPECS)[number];

const PROXIES = fileURLToPath(new URL('./prism-proxies.mjs', import.meta.url));

/** What Prism logs going wrong with the exchanges of one contract, in order. */
export interface PrismLog {
  /**
   * Its violations, each after the request it logged last: `get /search Violation: <where>
   * <what>`, where being `request…` or `response…`.
   */
  violations: string[];
  /**
   * What else it logged at `warn` or above, the same way: a request it could not judge and
   * answered itself (`Request terminated with error: …`), an upstream answering 501 (whose answer
   * Prism mocks instead).
   */
  failures: string[];
}

/** Prism's proxies, one per contract, in a process of their own. */
export interface PrismProxies {
  urls: Record<Spec, string>;
  logs: Record<Spec, PrismLog>;
  /**
   * Resolves once {@link logs} holds everything Prism logged until now — for every answer a client
   * already has, since Prism logs an exchange's violations before it answers.
   */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

type FromProxies =
  | { type: 'listening'; urls: Record<Spec, string> }
  | { type: 'violation' | 'failure'; spec: Spec; line: string }
  | { type: 'settled'; id: number };

/**
 * Starts Prism's proxy server for every contract, forwarding to `upstream`, in one child process
 * (`prism-proxies.mjs`): what `prism proxy <bundled spec> <upstream>` runs, without a CLI process
 * per contract loading Prism's ~2,900 modules again, dereferencing its document a second time to
 * configure the faker a proxy does not use, and pretty-printing every log line for the test to
 * parse back. Not in the test's own process: Prism's modules and compiled schemas (~80 MB) would
 * stay in the Vitest worker the following test files run in.
 *
 * @example
 * ```ts
 * const prism = await startPrism('http://127.0.0.1:4010/__prism-upstream');
 * await prism.settled();
 * prism.logs.catalog.violations; // []
 * ```
 */
export function startPrism(upstream: string): Promise<PrismProxies> {
  const child = fork(PROXIES, [upstream, ...SPECS], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const logs = Object.fromEntries(SPECS.map((spec): [Spec, PrismLog] => [spec, { violations: [], failures: [] }])) as Record<Spec, PrismLog>;
  const settling = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let lastSettle = 0;
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    child.on('message', (message: FromProxies) => {
      if (message.type === 'listening') {
        resolve({
          urls: message.urls,
          logs,
          settled: () =>
            new Promise((resolve, reject) => {
              settling.set(++lastSettle, { resolve, reject });
              child.send({ type: 'settle', id: lastSettle });
            }),
          stop,
        });
      } else if (message.type === 'settled') {
        settling.get(message.id)?.resolve();
        settling.delete(message.id);
      } else {
        logs[message.spec][message.type === 'violation' ? 'violations' : 'failures'].push(message.line);
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const error = new Error(`Prism's proxies exited (${signal ?? code})`);
      reject(error);
      for (const pending of settling.values()) pending.reject(error);
    });
  });
}

/**
 * The violations of the requests or of the responses among a contract's.
 *
 * @example
 * ```ts
 * of(prism.logs.catalog.violations, 'response'); // ["get /entries/e1 Violation: response.body Response body must have required property 'id'"]
 * ```
 */
export const of = (violations: readonly string[], kind: 'request' | 'response'): string[] => violations.filter((line) => line.includes(` Violation: ${kind}`));
