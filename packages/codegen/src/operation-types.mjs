// Names and emits the per-operation type aliases (body, query, response, page item) that the
// resource methods are typed with; they index openapi-typescript's `operations` interface.
import { identifier } from './names.mjs';

/**
 * @typedef {import('./operations.mjs').Operation} Operation
 */

/**
 * The alias names an operation gets, e.g. `SubmitApplicationBody`.
 * @param {Operation} op
 * @example typeNames(op).body // 'SubmitApplicationBody'
 */
export function typeNames(op) {
  const base = identifier(op.operationId);
  return {
    body: `${base}Body`,
    query: `${base}Query`,
    response: `${base}Response`,
    item: `${base}Item`,
  };
}

/**
 * TypeScript for the operation's JSON answer (or `string` too when it may come as text), `void` when it has none.
 * @param {Operation} op
 */
function responseType(op) {
  if (!op.response.mediaType || !op.response.status) return 'void';
  const status = /^\d+$/.test(op.response.status) ? op.response.status : JSON.stringify(op.response.status);
  const json = `operations[${JSON.stringify(op.operationId)}]['responses'][${status}]['content'][${JSON.stringify(op.response.mediaType)}]`;
  return op.response.otherMedia.length > 0 ? `string | ${json}` : json;
}

/**
 * Source of `operation-types.ts`.
 * @param {Operation[]} ops
 * @returns {string}
 * @example emitOperationTypes(collectOperations(doc))
 */
export function emitOperationTypes(ops) {
  const lines = ["import type { operations } from './types.js';", ''];
  for (const op of ops) {
    const names = typeNames(op);
    const ref = `operations[${JSON.stringify(op.operationId)}]`;
    if (op.body.present) {
      const type = op.body.mediaType
        ? `NonNullable<${ref}['requestBody']>['content'][${JSON.stringify(op.body.mediaType)}]`
        : 'unknown';
      lines.push(`/** Request body of \`${op.operationId}\` (${op.method} ${op.path}). */`, `export type ${names.body} = ${type};`);
    }
    if (op.query.present) {
      lines.push(`/** Query parameters of \`${op.operationId}\`. */`, `export type ${names.query} = NonNullable<${ref}['parameters']['query']>;`);
    }
    lines.push(`/** Answer of \`${op.operationId}\`. */`, `export type ${names.response} = ${responseType(op)};`);
    if (op.paginated) {
      lines.push(`/** One item of a \`${op.operationId}\` page. */`, `export type ${names.item} = ${names.response}['items'][number];`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
