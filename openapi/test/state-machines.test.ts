// Every workflow object exposes state, deadline and events, and its x-gdx-state-machine is
// consistent with its state enum.
import { describe, expect, it } from 'vitest';
import { gdxStateMachines, loadBundledSpec, SPEC_NAMES } from '../src/index.js';
import { resolve, type JsonObject } from './helpers/walk-spec.js';

const rolesEnum = (resolve<JsonObject>(loadBundledSpec('registration'), { $ref: '#/components/schemas/Role' })['enum'] as string[]);

const rows = SPEC_NAMES.filter((n) => n !== 'simulation').flatMap((name) =>
  Object.entries(gdxStateMachines(name)).map(([schema, machine]) => [`${name} ${schema}`, name, schema, machine] as const),
);

describe('x-gdx-state-machine', () => {
  it('is declared on the main workflow objects', () => {
    const labels = rows.map(([label]) => label);
    for (const expected of ['registration Application', 'registration Registration', 'sharing SharingRequest', 'sharing DataObjection', 'open-data Application', 'catalog Entry', 'catalog Obligation', 'authorized-operation Plan', 'authorized-operation Selection', 'authorized-operation Authorization', 'authorized-operation DataAccessRequest', 'authorized-operation Product']) {
      expect(labels).toContain(expected);
    }
  });

  it.each(rows)('%s', (_label, name, schemaName, machine) => {
    const spec = loadBundledSpec(name);
    const schema = resolve<JsonObject>(spec, { $ref: `#/components/schemas/${schemaName}` });
    const properties = schema['properties'] as JsonObject;
    const required = schema['required'] as string[];
    for (const field of ['state', 'deadline', 'events']) {
      expect(properties[field], field).toBeDefined();
      expect(required).toContain(field);
    }
    const stateEnum = resolve<JsonObject>(spec, properties['state'])['enum'] as string[];
    expect([...machine.states].sort()).toEqual([...stateEnum].sort());
    for (const t of machine.terminal) expect(machine.states).toContain(t);
    for (const t of machine.transitions) {
      expect(Object.keys(t).every((k) => ['from', 'to', 'by', 'action', 'note'].includes(k)), JSON.stringify(t)).toBe(true);
      expect(machine.states).toContain(t.from);
      expect(machine.states).toContain(t.to);
      expect(machine.terminal).not.toContain(t.from);
      expect(rolesEnum).toContain(t.by);
    }
    expect(machine.states).toContain(machine.initial);
    const reached = new Set([machine.initial]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of machine.transitions) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort(), 'every state is reachable from the initial one').toEqual([...machine.states].sort());
  });
});

// Read-only public views that carry a state but are not workflow objects themselves.
const VIEWS = new Set(['registration LookupResult', 'authorized-operation AuthorizationDisclosure']);

describe('workflow objects', () => {
  const withState = SPEC_NAMES.filter((n) => n !== 'simulation').flatMap((name) =>
    Object.entries(loadBundledSpec(name).components['schemas'] ?? {})
      .filter(([, schema]) => Boolean(((schema as JsonObject)['properties'] as JsonObject | undefined)?.['state']))
      .map(([schemaName]) => `${name} ${schemaName}`),
  );

  it.each(withState.filter((label) => !VIEWS.has(label)))('%s declares x-gdx-state-machine', (label) => {
    expect(rows.map(([l]) => l)).toContain(label);
  });
});

describe('official actions cover the state machines', () => {
  const sim = loadBundledSpec('simulation');
  const mapping = (resolve<JsonObject>(sim, { $ref: '#/components/schemas/OfficialAction' })['discriminator'] as JsonObject)['mapping'] as Record<string, string>;
  const actions = Object.keys(mapping);
  // Callers' own actions are operations of the platforms, not officials' actions: the roles that
  // only call the APIs, and the API actions of roles that also act as officials.
  const CALLERS = ['registrant', 'data_user', 'interested_party', 'applicant', 'operator'];
  const API_ACTIONS: Record<string, readonly string[]> = { data_provider: ['submit', 'propose_change', 'reclassify', 'withdraw', 'agree_sharing_type', 'keep_sharing_type'], implementing_body: ['submit', 'propose_change', 'disclose'], grantor: ['apply_formal_fees', 'report_ceilings'] };
  const officialActions = rows.flatMap(([, , , m]) =>
    m.transitions.filter((t) => t.action && !CALLERS.includes(t.by) && !API_ACTIONS[t.by]?.includes(t.action)).map((t) => t.action as string),
  );

  it.each([...new Set(officialActions)])('action `%s` exists in the simulation API', (action) => {
    expect(actions).toContain(action);
  });

  it.each(actions)('action `%s` is a variant with a const discriminator', (action) => {
    const variant = resolve<JsonObject>(sim, { $ref: mapping[action] });
    const parts = variant['allOf'] as JsonObject[];
    const own = parts.find((p) => !('$ref' in p)) as JsonObject;
    expect((own['properties'] as JsonObject)['action']).toEqual({ type: 'string', const: action });
  });
});
