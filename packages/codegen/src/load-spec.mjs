// Loads a bundled OpenAPI document and resolves the local `$ref`s the emitters need.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Where a spec lives: a file path (contains `/` or ends in `.json`) or a platform name
 * resolved to `@gdx/openapi`'s `dist/bundled/<name>.json`.
 * @param {string} spec
 * @returns {string} absolute file path
 * @example specPath('registration') // '/…/openapi/dist/bundled/registration.json'
 */
export function specPath(spec) {
  if (spec.endsWith('.json') || spec.includes('/')) return path.resolve(spec);
  try {
    return require.resolve(`@gdx/openapi/bundled/${spec}.json`);
  } catch (cause) {
    throw new Error(`no bundled OpenAPI document "${spec}" (run \`npm run generate -w @gdx/openapi\` first)`, { cause });
  }
}

/**
 * Reads and parses a bundled OpenAPI 3.1 document.
 * @param {string} spec a platform name or a path
 * @returns {Promise<any>}
 * @example const doc = await loadSpec('registration');
 */
export async function loadSpec(spec) {
  const file = specPath(spec);
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new Error(`cannot read OpenAPI document ${file} (run \`npm run generate -w @gdx/openapi\` first)`, { cause });
  }
}

/**
 * Follows a local `$ref` (`#/components/...`) until a non-reference object is reached.
 * @param {any} doc
 * @param {any} node
 * @returns {any}
 * @example deref(doc, { $ref: '#/components/parameters/Limit' })
 */
export function deref(doc, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = pointer(doc, current.$ref);
  }
  return current;
}

/**
 * Resolves a local JSON pointer such as `#/components/schemas/Application`.
 * @param {any} doc
 * @param {string} ref
 * @returns {any}
 * @example pointer(doc, '#/components/schemas/Application')
 */
export function pointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = node?.[key];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node;
}

/**
 * The component name a schema `$ref` points at, or undefined for other refs.
 * @param {string} ref
 * @returns {string | undefined}
 * @example componentName('#/components/schemas/Application') // 'Application'
 */
export function componentName(ref) {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length).replaceAll('~1', '/').replaceAll('~0', '~') : undefined;
}
