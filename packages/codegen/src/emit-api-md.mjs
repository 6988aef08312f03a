// Emits api.md: every SDK method with its HTTP route and types, an index in the openai-node style.
import { groupByResource } from './operations.mjs';
import { typeNames } from './operation-types.mjs';

/**
 * Source of `api.md`.
 * @param {import('./operations.mjs').Operation[]} ops
 * @param {{ name: string, title: string }} client
 * @returns {string}
 * @example emitApiMd(ops, { name: 'RegistrationClient', title: 'Registration API' })
 */
export function emitApiMd(ops, client) {
  const lines = [`# ${client.title}: \`${client.name}\``, ''];
  for (const [resource, group] of groupByResource(ops)) {
    lines.push(`## ${resource}`, '', '| method | route | types | notes |', '|---|---|---|---|');
    for (const op of group) {
      const names = typeNames(op);
      const types = [op.body.present && names.body, op.query.present && names.query, names.response, op.paginated && names.item]
        .filter(Boolean)
        .map((t) => `\`${t}\``)
        .join(', ');
      const notes = [
        op.paginated && `async iterator; \`${op.name}Page()\` for one page`,
        op.idempotent && 'Idempotency-Key',
        // `security: []`: neither a signature (platforms) nor the control token (simulation API).
        op.isPublic && 'public (no credentials)',
        // `security: [{ …schemes }, {}]`: a client without credentials sends it unsigned.
        op.isOptional && 'credentials optional (signed when the client has them)',
        op.summary,
      ].filter(Boolean);
      lines.push(`| \`client.${resource}.${op.name}()\` | \`${op.method} ${op.path}\` | ${types} | ${notes.join('; ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
