import { loadBundledSpec } from './load-bundled-spec.js';
import type { SpecName } from './spec-names.js';

/**
 * One transition of an `x-gdx-state-machine`: who (a role, or `clock` for timers) moves the
 * object, and the simulation `action` that does it when an official decides.
 *
 * @example
 * ```ts
 * const t: GdxTransition = { from: 'submitted', to: 'under_review', by: 'registry', action: 'accept' };
 * ```
 */
export interface GdxTransition {
  from: string;
  to: string;
  by: string;
  action?: string;
  note?: string;
}

/**
 * The state machine a workflow schema declares with `x-gdx-state-machine`.
 *
 * @example
 * ```ts
 * const machine: GdxStateMachine = { initial: 'draft', states: ['draft', 'withdrawn'], terminal: ['withdrawn'], transitions: [] };
 * ```
 */
export interface GdxStateMachine {
  initial: string;
  states: string[];
  terminal: string[];
  transitions: GdxTransition[];
}

/**
 * Every `x-gdx-state-machine` of a document, keyed by component schema name.
 *
 * @example
 * ```ts
 * import { gdxStateMachines } from '@gdx/openapi';
 * gdxStateMachines('registration').Application?.terminal; // ['not_accepted', 'review_failed', …]
 * ```
 */
export function gdxStateMachines(name: SpecName): Record<string, GdxStateMachine> {
  const schemas = loadBundledSpec(name).components['schemas'] ?? {};
  const machines: Record<string, GdxStateMachine> = {};
  for (const [schemaName, schema] of Object.entries(schemas)) {
    const machine = (schema as { 'x-gdx-state-machine'?: GdxStateMachine })['x-gdx-state-machine'];
    if (machine) machines[schemaName] = machine;
  }
  return machines;
}
