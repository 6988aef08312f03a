import type { Random } from '../app/platform-module.js';

/** A fault rule of a sandbox (`PUT /_sim/v1/sandboxes/{id}/faults`). */
export interface FaultRule {
  /** An operationId (`createEntry`), `*` for all, or a path glob (`/catalog/v1/entries/*`, `**` crosses `/`). */
  operation: string;
  /** Chance in [0, 1] that a matching request is hit. */
  probability: number;
  kind: 'latency' | 'rate_limit' | 'server_error' | 'connection_reset';
  /** latency: milliseconds to wait (real time). */
  latencyMs?: number;
  /** server_error: 500 (default) or 503. */
  status?: 500 | 503;
  /** rate_limit, and server_error with status 503: seconds for `Retry-After` (default 1). */
  retryAfterSeconds?: number;
  /** How many more hits before the rule is spent; absent means unlimited. */
  times?: number;
}

/** What the faults decided for one request: an added delay and/or an answer instead of the handler's. */
export interface FaultDecision {
  latencyMs: number;
  outcome?:
    | { kind: 'rate_limit'; retryAfter: number }
    | { kind: 'server_error'; status: 500 }
    | { kind: 'server_error'; status: 503; retryAfter: number }
    | { kind: 'connection_reset' };
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/**
 * The seeded fault rules of one sandbox. Rules are tried in order: every hit latency rule adds
 * its delay, the first hit of another kind decides the answer.
 *
 * @example
 * ```ts
 * const faults = new FaultRules([{ operation: 'createEntry', probability: 1, kind: 'rate_limit', times: 1 }], random);
 * faults.decide('createEntry', '/catalog/v1/entries').outcome; // { kind: 'rate_limit', retryAfter: 1 }
 * ```
 */
export class FaultRules {
  #rules: { rule: FaultRule; path?: RegExp }[] = [];
  readonly #random: Random;

  constructor(rules: readonly FaultRule[], random: Random) {
    this.#random = random;
    this.set(rules);
  }

  set(rules: readonly FaultRule[]): void {
    this.#rules = rules.map((rule) => ({
      rule: { ...rule },
      ...(rule.operation.startsWith('/') ? { path: globToRegExp(rule.operation) } : {}),
    }));
  }

  /** Whether any rule is left (a request to a sandbox without faults skips `decide`). */
  get active(): boolean {
    return this.#rules.length > 0;
  }

  list(): FaultRule[] {
    return this.#rules.map(({ rule }) => ({ ...rule }));
  }

  decide(operationId: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const entry of this.#rules) {
      const { rule } = entry;
      const matches = entry.path ? entry.path.test(path) : rule.operation === '*' || rule.operation === operationId;
      if (!matches || rule.times === 0) continue;
      if (rule.kind !== 'latency' && decision.outcome) continue;
      if (this.#random.next() >= rule.probability) continue;
      if (rule.times !== undefined) rule.times -= 1;
      if (rule.kind === 'latency') decision.latencyMs += rule.latencyMs ?? 0;
      else if (rule.kind === 'rate_limit') decision.outcome = { kind: 'rate_limit', retryAfter: rule.retryAfterSeconds ?? 1 };
      else if (rule.kind === 'server_error') decision.outcome = rule.status === 503 ? { kind: 'server_error', status: 503, retryAfter: rule.retryAfterSeconds ?? 1 } : { kind: 'server_error', status: 500 };
      else decision.outcome = { kind: 'connection_reset' };
    }
    if (this.#rules.some(({ rule }) => rule.times === 0)) this.#rules = this.#rules.filter(({ rule }) => rule.times !== 0);
    return decision;
  }
}
