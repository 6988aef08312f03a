// The Node leaf of `#lazy-dependencies` (see package.json "imports"): CommonJS dependencies of the
// app that only some requests need, required at their first use, synchronously (an app compiles
// a document of its own in `createApp`, and the rest at an operation's first request). Imported
// with the app, they cost every start CPU (issue 12): ajv's compiler ~60 ms, yet a `gdx-mock`
// validates with the build's generated validators (decision 0027) and compiles only a document
// of its own or a contract changed since the build; yaml ~25 ms, for the contracts' YAML texts.
// ajv-formats' formats, which every validator uses, and ajv-i18n's Chinese words, which only a
// refused request reads, are required too: Node's ES loader reads the whole text of a CommonJS
// module it imports for its export names (cjs-module-lexer, cold at every start), and `require`
// does not (issue 12).
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, _ } from 'ajv/dist/2020.js';
import type { fullFormats } from 'ajv-formats/dist/formats.js';
import type { stringify } from 'yaml';

/** What compiling a validator needs: the JSON Schema 2020-12 compiler, its code template tag and the ajv-formats plugin. */
export interface AjvCompiler {
  Ajv2020: typeof Ajv2020;
  _: typeof _;
  addFormats: (ajv: Ajv2020) => Ajv2020;
}

const require = createRequire(import.meta.url);
let compiler: AjvCompiler | undefined;

/**
 * ajv's compiler, loaded at the first call.
 *
 * @example
 * ```ts
 * const { Ajv2020, addFormats } = ajvCompiler();
 * const ajv = addFormats(new Ajv2020());
 * ```
 */
export function ajvCompiler(): AjvCompiler {
  if (compiler === undefined) {
    const { Ajv2020, _ } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    // ajv-formats is CommonJS: its module object is the plugin.
    compiler = { Ajv2020, _, addFormats: require('ajv-formats') as AjvCompiler['addFormats'] };
  }
  return compiler;
}

/**
 * yaml's `stringify`, loaded at the first call.
 *
 * @example
 * ```ts
 * yamlStringify()({ openapi: '3.1.0' }); // 'openapi: 3.1.0\n'
 * ```
 */
export function yamlStringify(): typeof stringify {
  return (require('yaml') as typeof import('yaml')).stringify;
}

/**
 * ajv-formats' format definitions (`fullFormats`), loaded at the first call.
 *
 * @example
 * ```ts
 * ajvFullFormats().date; // { validate, compare }
 * ```
 */
export function ajvFullFormats(): typeof fullFormats {
  return (require('ajv-formats/dist/formats.js') as typeof import('ajv-formats/dist/formats.js')).fullFormats;
}

/**
 * ajv-i18n's Chinese `localize` (it rewrites each error's `message` in Chinese), loaded at the first call.
 *
 * @example
 * ```ts
 * ajvLocalizeZh()(errors);
 * ```
 */
export function ajvLocalizeZh(): (errors: ErrorObject[]) => void {
  // CommonJS: its module object is the function.
  return require('ajv-i18n/localize/zh/index.js') as (errors: ErrorObject[]) => void;
}
