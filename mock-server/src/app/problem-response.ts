/** Options of a problem answer, beyond its code. */
export interface ProblemResultOptions {
  /** Human-readable explanation of this occurrence. */
  detail?: string;
  /** Field-level errors with JSON pointers. */
  errors?: readonly ProblemFieldError[];
  /** Extra members of the problem document (e.g. `legalBasis` of `NOT_SHAREABLE`). */
  extensions?: Readonly<Record<string, unknown>>;
  /** Extra response headers (e.g. `Retry-After`, `Allow`). */
  headers?: Readonly<Record<string, string>>;
}

/** One invalid field of a `VALIDATION_FAILED` problem. */
export interface ProblemFieldError {
  /** JSON pointer into the part named by `in` (`/registrant/creditCode`). */
  pointer: string;
  in?: 'body' | 'query' | 'path' | 'header';
  code: string;
  message: { zh: string; en: string };
}
