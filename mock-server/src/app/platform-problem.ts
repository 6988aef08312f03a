import type { ProblemCode } from '@gdx/protocol';
import type { ProblemResultOptions } from './problem-response.js';

/**
 * Thrown by platform code to answer a problem from deep inside a handler; the core turns it
 * into problem+json with the status of `code` (a code of `@gdx/protocol`).
 *
 * @example
 * ```ts
 * if (entry.state !== 'draft') throw new PlatformProblem('ILLEGAL_TRANSITION', { detail: `entry is ${entry.state}` });
 * ```
 */
export class PlatformProblem extends Error {
  readonly code: ProblemCode;
  readonly options: ProblemResultOptions;

  constructor(code: ProblemCode, options: ProblemResultOptions = {}) {
    super(options.detail ?? code);
    this.name = 'PlatformProblem';
    this.code = code;
    this.options = options;
  }
}
