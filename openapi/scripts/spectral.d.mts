/** Types of spectral.mjs (plain JS, run by `node` as scripts/lint-owasp.mjs). */
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';

/** The rules `oncePerDefinition` changes. */
export declare const SCHEMA_RULES: readonly string[];

/** A ruleset file (`.spectral.yaml`) bundled and loaded as the CLI does. */
export declare function loadRuleset(file: string): Promise<Ruleset>;

/** The same ruleset, `rules` taking each schema object at most once through a `$ref` per document. */
export declare function oncePerDefinition(ruleset: Ruleset, rules?: readonly string[]): Ruleset;

/** Spectral's findings for one document, with a linter of its own. */
export declare function lintDocument(ruleset: Ruleset, file: string): Promise<ISpectralDiagnostic[]>;
