import { Ajv2020, _ } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import { stringify } from 'yaml';
import type {
  AjvCompiler,
  ajvCompiler as ajvOnNode,
  ajvFullFormats as ajvFullFormatsOnNode,
  ajvLocalizeZh as ajvLocalizeZhOnNode,
  yamlStringify as yamlOnNode,
} from './lazy-dependencies.js';

// The browser leaf of `#lazy-dependencies`, selected by the `browser` export condition: a page has
// no `require`, so these are imported with the app (and a page compiles every validator: it has
// no generated ones).

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const compiler: AjvCompiler = { Ajv2020, _, addFormats: addFormatsModule as unknown as AjvCompiler['addFormats'] };

/** ajv's compiler, imported with this module. */
export const ajvCompiler: typeof ajvOnNode = () => compiler;

/** yaml's `stringify`, imported with this module. */
export const yamlStringify: typeof yamlOnNode = () => stringify;

/** ajv-formats' format definitions, imported with this module. */
export const ajvFullFormats: typeof ajvFullFormatsOnNode = () => fullFormats;

// ajv-i18n is CommonJS; under NodeNext its default export is the module object (the function).
const localizeZh = localizeZhModule as unknown as ReturnType<typeof ajvLocalizeZhOnNode>;

/** ajv-i18n's Chinese `localize`, imported with this module. */
export const ajvLocalizeZh: typeof ajvLocalizeZhOnNode = () => localizeZh;
