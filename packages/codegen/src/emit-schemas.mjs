// Emits src/generated/schemas.ts: one zod schema per component plus per-operation body schemas.
import { componentName } from './load-spec.mjs';
import { identifier, propertyKey } from './names.mjs';
import { schemaToZod, ZOD_HELPERS } from './schema-to-zod.mjs';

/**
 * Names of the components a schema references, directly.
 * @param {any} node
 * @param {Set<string>} [out]
 * @returns {Set<string>}
 */
function references(node, out = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') {
      const name = componentName(node.$ref);
      if (name) out.add(name);
    }
    for (const [key, value] of Object.entries(node)) {
      // examples are data, not schema: a `$ref` key inside one is not a reference
      if (key !== 'examples' && key !== 'example' && key !== 'const' && key !== 'enum' && key !== 'default') references(value, out);
    }
  }
  return out;
}

/**
 * Orders components so each is declared after what it references (depth-first); components on a
 * reference cycle are marked so their declaration gets a type annotation and lazy references.
 * @param {Record<string, any>} components
 * @returns {{ order: string[], cyclic: Set<string> }}
 */
function orderComponents(components) {
  /** @type {string[]} */
  const order = [];
  const cyclic = new Set();
  const state = new Map(); // name → 'visiting' | 'done'
  /** @param {string} name @param {string[]} stack */
  const visit = (name, stack) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      stack.slice(stack.indexOf(name)).forEach((n) => cyclic.add(n));
      return;
    }
    state.set(name, 'visiting');
    for (const dep of references(components[name])) {
      if (!(dep in components)) throw new Error(`schema ${name} references missing component ${dep}`);
      visit(dep, [...stack, name]);
    }
    state.set(name, 'done');
    order.push(name);
  };
  Object.keys(components).forEach((name) => visit(name, []));
  return { order, cyclic };
}

/**
 * Source of `schemas.ts`.
 * @param {any} doc bundled OpenAPI document
 * @param {import('./operations.mjs').Operation[]} ops
 * @returns {string}
 * @example emitSchemas(doc, collectOperations(doc))
 */
export function emitSchemas(doc, ops) {
  const components = doc.components?.schemas ?? {};
  const { order, cyclic } = orderComponents(components);
  const declared = new Set();
  const constName = (/** @type {string} */ name) => `${identifier(name)}Schema`;
  const ctx = {
    ref: (/** @type {string} */ name) => (declared.has(name) ? constName(name) : `z.lazy(() => ${constName(name)})`),
    resolve: (/** @type {string} */ name) => components[name],
  };
  const lines = ["import { z } from 'zod';", ZOD_HELPERS];
  for (const name of order) {
    const annotation = cyclic.has(name) ? ': z.ZodType' : '';
    const code = schemaToZod(components[name], ctx);
    declared.add(name);
    lines.push(`/** Component \`${name}\`. */`, `export const ${constName(name)}${annotation} = ${code};`, '');
  }
  // every component is declared now, so per-operation schemas never need lazy references
  const entries = (/** @type {(op: any) => any} */ pick) =>
    ops.filter((op) => pick(op) !== undefined).map((op) => `  ${op.operationId}: ${schemaToZod(pick(op), ctx)},`);
  lines.push(
    '/** Every component schema of the document, by component name. */',
    'export const schemas = {',
    ...Object.keys(components).map((name) => `  ${propertyKey(name)}: ${constName(name)},`),
    '} as const;',
    '',
    '/** JSON request body schema per operationId (operations with a JSON body only). */',
    'export const requestBodySchemas = {',
    ...entries((op) => op.body.schema),
    '} as const;',
    '',
    '/** Schema of the first 2xx JSON answer per operationId (operations answering JSON only). */',
    'export const responseSchemas = {',
    ...entries((op) => op.response.schema),
    '} as const;',
    '',
  );
  return lines.join('\n');
}
