import type { ErrorObject } from 'ajv/dist/2020.js';

/** A validator of ajv standalone code: `true` when the data passes, else its `errors`. */
export interface GeneratedCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The validators generated for one contract, by operation id: its path, query and body checks,
 * `null` for a part the operation does not have.
 */
export type GeneratedOperations = Readonly<Record<string, readonly [path: GeneratedCheck | null, query: GeneratedCheck | null, body: GeneratedCheck | null]>>;
