import { isDeepStrictEqual } from 'node:util';
import type { AssertionFailure } from './types.js';

/** Thrown by {@link Expect} to end a check at its first broken expectation. */
export class ExpectationError extends Error {
  readonly code = 'EXPECTATION_FAILED';
  constructor(readonly failure: AssertionFailure) {
    super(failure.message);
    this.name = 'ExpectationError';
  }
}

/**
 * An `expect`-like assertion helper that records what the rule expected and what the
 * implementation answered, so reports can show both.
 *
 * @example
 * ```ts
 * ctx.expect.equal(res.status, 201, 'submit answers 201');
 * ctx.expect.that(body.deadline?.overdue === true, 'the step is overdue', true, body.deadline?.overdue);
 * ```
 */
export interface Expect {
  /** Deep equality. */
  equal<T>(actual: unknown, expected: T, message: string): void;
  /** `actual` is one of `expected`. */
  oneOf<T>(actual: unknown, expected: readonly T[], message: string): void;
  /** A condition with explicit expected/actual descriptions. */
  that(condition: boolean, message: string, expected: unknown, actual: unknown): void;
  /** Unconditional failure. */
  fail(message: string, expected: unknown, actual: unknown): never;
}

/**
 * Creates the assertion helper handed to checks.
 *
 * @example
 * ```ts
 * const expect = createExpect();
 * expect.equal(1 + 1, 2, 'arithmetic');
 * ```
 */
export function createExpect(): Expect {
  const fail = (message: string, expected: unknown, actual: unknown): never => {
    throw new ExpectationError({ message, expected, actual });
  };
  return {
    equal(actual, expected, message) {
      if (!isDeepStrictEqual(actual, expected)) fail(message, expected, actual);
    },
    oneOf(actual, expected, message) {
      if (!expected.some((e) => isDeepStrictEqual(actual, e))) fail(message, `one of ${JSON.stringify(expected)}`, actual);
    },
    that(condition, message, expected, actual) {
      if (!condition) fail(message, expected, actual);
    },
    fail,
  };
}
