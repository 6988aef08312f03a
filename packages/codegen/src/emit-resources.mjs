// Emits src/generated/resources.ts: one class per `x-gdx-resource`, one method per operation,
// each method a single call into the runtime's ApiClient.
import { groupByResource } from './operations.mjs';
import { docLines, identifier } from './names.mjs';
import { typeNames } from './operation-types.mjs';

/**
 * @typedef {import('./operations.mjs').Operation} Operation
 */

/**
 * Class name of a resource, e.g. `publicNotices` → `PublicNoticesResource`.
 * @param {string} resource
 * @example resourceClassName('publicNotices') // 'PublicNoticesResource'
 */
export function resourceClassName(resource) {
  return `${identifier(resource)}Resource`;
}

/** @param {string} name */
function paramName(name) {
  const camel = name.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, c) => c.toUpperCase());
  return /^[A-Za-z_$]/.test(camel) ? camel : `_${camel}`;
}

/**
 * The TSDoc block of a method: summary, description, route and an example call.
 * @param {Operation} op
 * @param {string} call  example invocation
 * @param {string} indent
 */
function methodDoc(op, call, indent) {
  const text = [op.summary, op.description].filter(Boolean).join('\n\n') || op.operationId;
  const body = [
    ...docLines(text),
    '',
    `\`${op.method} ${op.path}\` (operationId \`${op.operationId}\`${op.isPublic ? ', public' : ''}${op.isOptional ? ', credentials optional' : ''}${op.idempotent ? ', idempotent' : ''})`,
    ...(op.deprecated ? ['@deprecated the platform marks this operation as deprecated'] : []),
    '@example',
    call,
  ];
  return [`${indent}/**`, ...body.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`];
}

/**
 * Parameters (name, type, optional) of a method in call order: path params, body, query, options.
 * @param {Operation} op
 */
function methodParams(op) {
  const names = typeNames(op);
  const params = op.pathParams.map((p) => ({
    name: paramName(p),
    type: `operations[${JSON.stringify(op.operationId)}]['parameters']['path'][${JSON.stringify(p)}]`,
    optional: false,
    wire: p,
  }));
  if (op.body.present) params.push({ name: 'body', type: names.body, optional: !op.body.required, wire: '' });
  if (op.query.present) params.push({ name: 'query', type: names.query, optional: !op.query.required, wire: '' });
  // an optional parameter may not precede a required one: make the earlier ones `| undefined`
  const lastRequired = params.map((p) => p.optional).lastIndexOf(false);
  return params.map((p, i) => ({ ...p, decl: p.optional && i < lastRequired ? `${p.name}: ${p.type} | undefined` : `${p.name}${p.optional ? '?' : ''}: ${p.type}` }));
}

/**
 * The ApiRequest object literal of an operation.
 * @param {Operation} op
 * @param {ReturnType<typeof methodParams>} params
 */
function requestLiteral(op, params) {
  const fields = [`operationId: ${JSON.stringify(op.operationId)}`, `method: '${op.method}'`, `path: ${JSON.stringify(op.path)}`];
  const pathParams = params.filter((p) => p.wire);
  if (pathParams.length > 0) {
    fields.push(`pathParams: { ${pathParams.map((p) => (p.wire === p.name ? p.name : `${JSON.stringify(p.wire)}: ${p.name}`)).join(', ')} }`);
  }
  if (op.query.present) fields.push('query');
  if (op.body.present) fields.push('body');
  if (op.idempotent) fields.push('idempotent: true');
  if (op.response.schema) fields.push(`responseSchema: responseSchemas.${op.operationId}`);
  return `{ ${fields.join(', ')} }`;
}

/**
 * One method (two for a paginated operation: the iterator and `<name>Page`).
 * @param {Operation} op
 * @param {string} clientVar  example receiver, e.g. `client.applications`
 * @returns {string[]}
 */
function emitMethod(op, clientVar) {
  const names = typeNames(op);
  const params = methodParams(op);
  const decls = params.map((p) => p.decl);
  const signature = [...decls, 'options?: RequestOptions'].join(', ');
  // the iterator's options also bound the listing (maxPages, maxEmptyPages); one page's are a request's
  const listSignature = [...decls, 'options?: ListOptions'].join(', ');
  const args = params.filter((p) => !p.optional).map((p) => (p.name === 'body' ? '{ … }' : p.wire ? "'…'" : '{}'));
  const req = requestLiteral(op, params);
  // the runtime asks for application/json; other media types (DCAT's JSON-LD, a CSV file) must be asked for
  const media = [op.response.mediaType, ...op.response.otherMedia].filter(Boolean).join(', ');
  const opts = media && media !== 'application/json' ? `{ ...options, headers: { accept: ${JSON.stringify(media)}, ...options?.headers } }` : 'options';
  const lines = [];
  if (op.paginated) {
    lines.push(
      ...methodDoc(op, `for await (const item of ${clientVar}.${op.name}(${args.join(', ')})) console.log(item);`, '  '),
      `  ${op.name}(${listSignature}): Paginator<${names.item}> {`,
      `    return this.#client.paginate<${names.item}>(${req}, ${opts});`,
      '  }',
      '',
      `  /** One page of {@link ${resourceClassName(op.resource)}.${op.name}}, with \`nextCursor\` (and \`total\`, facets, … when the platform sends them). */`,
      `  ${op.name}Page(${signature}): Promise<${names.response}> {`,
      `    return this.#client.request<${names.response}>(${req}, ${opts});`,
      '  }',
    );
  } else {
    lines.push(
      ...methodDoc(op, `const result = await ${clientVar}.${op.name}(${args.join(', ')});`, '  '),
      `  ${op.name}(${signature}): Promise<${names.response}> {`,
      `    return this.#client.request<${names.response}>(${req}, ${opts});`,
      '  }',
    );
  }
  return lines;
}

/**
 * Source of `resources.ts`.
 * @param {Operation[]} ops
 * @returns {string}
 * @example emitResources(collectOperations(doc))
 */
export function emitResources(ops) {
  const typeImports = new Set();
  for (const op of ops) {
    const names = typeNames(op);
    if (op.body.present) typeImports.add(names.body);
    if (op.query.present) typeImports.add(names.query);
    typeImports.add(names.response);
    if (op.paginated) typeImports.add(names.item);
  }
  const lines = [
    `import type { ApiClient, ${ops.some((op) => op.paginated) ? 'ListOptions, ' : ''}Paginator, RequestOptions } from '@gdx/runtime';`,
    "import type { operations } from './types.js';",
    `import type { ${[...typeImports].sort().join(', ')} } from './operation-types.js';`,
    "import { responseSchemas } from './schemas.js';",
    '',
  ];
  if (!ops.some((op) => op.pathParams.length > 0)) lines.splice(1, 1);
  for (const [resource, group] of groupByResource(ops)) {
    const methods = group.flatMap((op, i) => [...(i > 0 ? [''] : []), ...emitMethod(op, `client.${resource}`)]);
    lines.push(
      `/** The \`${resource}\` operations: ${group.map((op) => `\`${op.name}\``).join(', ')}. */`,
      `export class ${resourceClassName(resource)} {`,
      '  readonly #client: ApiClient;',
      '',
      '  /** Usually created by the platform client; pass the ApiClient every call goes through. */',
      '  constructor(client: ApiClient) {',
      '    this.#client = client;',
      '  }',
      '',
      ...methods,
      '}',
      '',
    );
  }
  return lines.join('\n');
}
