// Emits src/generated/types.ts with openapi-typescript, plus one alias per component schema.
import { createRequire } from 'node:module';
import { deref } from './load-spec.mjs';
import { identifier } from './names.mjs';

// openapi-typescript's CommonJS build, required: its ES build imports TypeScript and Redocly, both
// CommonJS, and Node then compiles `typescript.js` (8 MB) once more to detect its module syntax and
// scans it for export names before loading it, ~0.5 s of the ~1.4 s of CPU a `gdx-codegen` run
// takes, once per SDK package (issue 12).
const { default: openapiTS, astToString } = /** @type {typeof import('openapi-typescript')} */ (createRequire(import.meta.url)('openapi-typescript'));

/**
 * Source of `types.ts` (openapi-typescript's `paths`, `components`, `operations`).
 * @param {any} doc bundled OpenAPI document
 * @returns {Promise<string>}
 * @example await emitTypes(doc)
 */
export async function emitTypes(doc) {
  assertDiscriminatorMappings(doc);
  // openapi-typescript rewrites discriminator properties in place: give it a copy
  // defaultNonNullable: false — a field with a default may be omitted by the caller (the server fills it in).
  const ast = await openapiTS(structuredClone(doc), { alphabetize: false, excludeDeprecated: false, defaultNonNullable: false });
  return astToString(ast);
}

/**
 * Source of `models.ts`: `export type Application = components['schemas']['Application']`, …
 * @param {any} doc
 * @returns {string}
 * @example emitModels(doc)
 */
export function emitModels(doc) {
  const names = Object.keys(doc.components?.schemas ?? {});
  return [
    "import type { components } from './types.js';",
    '',
    ...names.map((name) => {
      const description = doc.components.schemas[name].description ?? doc.components.schemas[name].title;
      const doc1 = description ? `/** ${String(description).split('\n')[0]?.replaceAll('*/', '*\\/')} */\n` : '';
      return `${doc1}export type ${identifier(name)} = components['schemas'][${JSON.stringify(name)}];`;
    }),
    '',
  ].join('\n');
}

/**
 * Without a `mapping`, openapi-typescript types a discriminator property as the component *name*
 * (OpenAPI's implicit mapping), while the zod schemas follow the branches' `const`: the two
 * would disagree silently, so such documents are refused.
 * @param {any} doc
 */
function assertDiscriminatorMappings(doc) {
  /** @param {any} node @param {string} where */
  const walk = (node, where) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    if (Array.isArray(node.oneOf) && node.discriminator && !node.discriminator.mapping) {
      const prop = node.discriminator.propertyName;
      for (const branch of node.oneOf) {
        const name = typeof branch.$ref === 'string' ? branch.$ref.split('/').pop() : undefined;
        const value = deref(doc, branch)?.properties?.[prop]?.const;
        if (name && value !== undefined && value !== name) {
          throw new Error(`${where}: discriminator "${prop}" needs a mapping ("${value}" → ${branch.$ref})`);
        }
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'examples' && key !== 'example') walk(value, `${where}/${key}`);
  };
  walk(doc.components ?? {}, '#/components');
  walk(doc.paths ?? {}, '#/paths');
}
