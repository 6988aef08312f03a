// Spectral as scripts/lint-owasp.mjs runs it, through Spectral's public libraries (at the versions
// its CLI uses), and the one thing it changes: the OWASP bound rules look at each schema once.
//
// Those rules (string-limit, string-restricted, integer-limit) take every string and integer
// schema of the *resolved* document, so a schema the contracts define once is taken again under
// every path that reaches it through a `$ref`: ProblemDetails under each error response of each
// operation, LocalizedText under everything that names something. Over the six contracts that was
// ~223,000 findings for the 175 reported. Spectral then places each finding where its schema is
// defined (following the `$ref`s back, @stoplight/path parsing each one), weighs it against the
// ~120 pointer overrides of .spectral.yaml (minimatch compiling their globs for each finding) and
// keeps one of the identical ones: ~60 % of the lint's CPU.
//
// A schema object reached again through a `$ref` is the same object (the resolver puts the target
// itself in place of each `$ref`; the YAML parser gives each place its own object, anchors
// included), and Spectral places such a finding by following the `$ref`s to the one place that
// object is defined. The three rules' findings depend on nothing else: their functions read only
// the schema, their messages are fixed, the overrides match the place. So once a rule has taken a
// schema through a `$ref`, taking it through another one gives the same findings, which Spectral
// would drop as duplicates: `oncePerDefinition` skips it before Spectral places anything. A path
// with no `$ref` on the way is not skipped nor remembered: Spectral places it at the path itself
// (a `$ref` with siblings in the linted document is a place of its own, as
// `authorized-operation/openapi.yaml`'s PlanContent.feasibility shows). test/lint-owasp.test.ts
// lints a fixture with those shapes both ways and wants the same results; `--every-path` (of
// lint-owasp.mjs) lints the contracts as Spectral alone does, to compare.
import fs from 'node:fs';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { createHttpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import spectralRuntime from '@stoplight/spectral-runtime';

const { Document, Ruleset, Spectral } = spectralCore;
const { fetch, traverseObjUntilRef } = spectralRuntime;

/** The rules `oncePerDefinition` changes: no `field`, a fixed message, findings read off the schema. */
export const SCHEMA_RULES = [
  'owasp:api4:2023-string-limit',
  'owasp:api4:2023-string-restricted',
  'owasp:api4:2023-integer-limit',
];

/** A ruleset file (`.spectral.yaml`) bundled and loaded as the CLI does. */
export function loadRuleset(file) {
  // `commonjs()` as the CLI adds it: the OWASP ruleset package is CommonJS.
  return bundleAndLoadRuleset(file, { fs, fetch }, [commonjs()]);
}

/**
 * The same ruleset, its `rules` (rules of the rulesets it extends) taking each schema object at
 * most once through a `$ref` per document. Throws when a rule is missing or has a `field`, so an
 * upgrade of the OWASP ruleset that changes them cannot quietly change the findings.
 */
export function oncePerDefinition(ruleset, rules = SCHEMA_RULES) {
  const { definition } = ruleset;
  const extended = (definition.extends ?? []).map((entry) => (Array.isArray(entry) ? entry[0] : entry));
  const copies = new Map(); // extended ruleset definition → its copy with the rules changed
  for (const name of rules) {
    const owner = ruleset.rules[name]?.owner.definition;
    const rule = owner?.rules?.[name];
    if (rule === undefined || !extended.includes(owner)) throw new Error(`${name} is not a rule of a ruleset ${ruleset.source} extends`);
    const then = Array.isArray(rule.then) ? rule.then : [rule.then];
    if (then.some((entry) => entry.field !== undefined)) throw new Error(`${name} lints a field of what it is given`);
    const copy = copies.get(owner) ?? { ...owner, rules: { ...owner.rules } };
    copy.rules[name] = { ...rule, then: then.map((entry) => ({ ...entry, function: oncePerObject(entry.function) })) };
    copies.set(owner, copy);
  }
  const replace = (entry) => (Array.isArray(entry) ? [copies.get(entry[0]) ?? entry[0], entry[1]] : (copies.get(entry) ?? entry));
  return new Ruleset(
    { ...definition, extends: definition.extends.map(replace) },
    { severity: 'recommended', source: ruleset.source },
  );
}

/** `fn`, returning nothing for an object it was given through a `$ref` before (per document). */
function oncePerObject(fn) {
  const seen = new WeakMap(); // document → the objects given through a `$ref`
  const once = function (input, options, context) {
    if (typeof input === 'object' && input !== null && throughRef(context)) {
      let objects = seen.get(context.document);
      if (objects === undefined) seen.set(context.document, (objects = new WeakSet()));
      if (objects.has(input)) return undefined;
      objects.add(input);
    }
    return fn(input, options, context);
  };
  Reflect.defineProperty(once, 'name', { value: fn.name });
  if (typeof fn.validator === 'function') once.validator = fn.validator; // functionOptions checked on load
  return once;
}

/**
 * Whether Spectral places a finding at `context.path` by following `$ref`s, the test its
 * DocumentInventory makes (a `$ref` on the way in the linted document, or the object a lone `$ref`);
 * otherwise, or when the path is not in the document, it places it at the path as it is.
 */
function throughRef(context) {
  try {
    return traverseObjUntilRef(context.document.data, [...context.path]) !== null;
  } catch {
    return false;
  }
}

/** Spectral's findings for one document, with a linter of its own (a shared one loses findings). */
export async function lintDocument(ruleset, file) {
  const spectral = new Spectral({ resolver: createHttpAndFileResolver() });
  spectral.setRuleset(ruleset);
  return spectral.run(new Document(fs.readFileSync(file, 'utf8'), spectralParsers.Yaml, file));
}
