/** Thrown through `ctx.skip()` when a check finds nothing it can test against this implementation. */
export class SkipCheck extends Error {
  readonly code = 'CHECK_SKIPPED';
  constructor(reason: string) {
    super(reason);
    this.name = 'SkipCheck';
  }
}

/** The message of checks skipped because the run has no simulation API. */
export const NEEDS_SIMULATION = 'skipped: needs the simulation API';
