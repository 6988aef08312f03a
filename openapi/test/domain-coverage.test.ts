// Fails when a domain state or limit (fixtures/domain.ts) is missing from the documents.
import { describe, expect, it } from 'vitest';
import { gdxLimits, gdxStateMachines, loadBundledSpec, PLATFORMS, type PlatformName } from '../src/index.js';
import { DOMAIN_BOLD_LIMITS, DOMAIN_ENUMS, DOMAIN_FIELD_LISTS, DOMAIN_PRICING, DOMAIN_STATES, DOMAIN_TARGET_STATES, PROFILE_LIMITS } from './fixtures/domain.js';
import { resolve, type JsonObject } from './helpers/walk-spec.js';

const UNIT_WORDS: Record<string, string> = {
  working_days: '(working days|WD|个工作日)',
  calendar_days: '(calendar days|日)',
  months: '(months|个月)',
  years: '(years|年)',
  hours: '(hours|小时)',
};

function machineStates(platform: PlatformName): Set<string> {
  return new Set(Object.values(gdxStateMachines(platform)).flatMap((m) => m.states));
}

function stateEnums(platform: PlatformName): Set<string> {
  const spec = loadBundledSpec(platform);
  const values = new Set<string>();
  for (const schema of Object.values(spec.components['schemas'] ?? {})) {
    const state = (schema as JsonObject)['properties'] as JsonObject | undefined;
    if (!state?.['state']) continue;
    const resolved = resolve<JsonObject>(spec, state['state']);
    for (const value of (resolved['enum'] as string[] | undefined) ?? []) values.add(value);
  }
  return values;
}

function allDescriptions(platform: PlatformName): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'description' && typeof value === 'string') texts.push(value);
        else visit(value);
      }
    }
  };
  visit(loadBundledSpec(platform));
  return texts.join('\n');
}

describe.each(PLATFORMS)('%s covers the domain', (platform) => {
  const states = [...DOMAIN_STATES[platform], ...DOMAIN_TARGET_STATES[platform]];

  it.each(states)('state `%s` is in a state machine and a state enum', (state) => {
    expect(machineStates(platform)).toContain(state);
    expect(stateEnums(platform)).toContain(state);
  });

  it('x-gdx-limits lists exactly the transcribed limits per profile with their articles', () => {
    const actual = gdxLimits(platform).map(({ id, unit, limits, basis }) => ({ id, unit, limits, basis }));
    expect(actual).toEqual(PROFILE_LIMITS[platform]);
  });

  it.each(DOMAIN_BOLD_LIMITS[platform].map((l) => [`${l.value} ${l.unit}`, l] as const))(
    'bold limit %s appears in x-gdx-limits',
    (_label, bold) => {
      const hit = gdxLimits(platform).some(
        (l) => l.unit === bold.unit && Object.values(l.limits).includes(bold.value),
      );
      expect(hit).toBe(true);
    },
  );

  it.each(gdxLimits(platform).map((l) => [l.id, l] as const))('limit %s is well-formed and described', (_id, limit) => {
    expect(limit.id.startsWith(`${platform.replace('-', '_')}.`)).toBe(true);
    expect(limit.basis.length).toBeGreaterThan(0);
    expect(Object.keys(limit.limits).sort()).toEqual(['inner-mongolia', 'national', 'xiamen']);
    if (limit.state !== null) expect(machineStates(platform)).toContain(limit.state);
    for (const profile of limit.choice ?? []) expect(Object.keys(limit.limits)).toContain(profile);
    const text = allDescriptions(platform);
    for (const value of new Set(Object.values(limit.limits))) {
      const mention = new RegExp(`\\b${value}\\**\\s*\\**\\s*${UNIT_WORDS[limit.unit]}`);
      expect(mention.test(text), `${limit.id}: ${value} ${limit.unit} is mentioned`).toBe(true);
    }
  });
});

describe('authorized-operation covers the pricing rules and enumerations of the domain', () => {
  const spec = loadBundledSpec('authorized-operation');

  it('x-gdx-pricing states the rate cap, the deviation threshold, the cycle and the report due day', () => {
    const { phrases: _phrases, ...rules } = DOMAIN_PRICING;
    expect(spec['x-gdx-pricing']).toMatchObject({ ...rules, formula: 'MAR = C + C × r + T', amountUnit: 'fen', rateUnit: 'basis_points' });
  });

  it.each(DOMAIN_FIELD_LISTS.map((l) => [l.schema, l] as const))('%s requires every field of the domain list', (_schema, { schema, fields, renamed }) => {
    const required = resolve<JsonObject>(spec, { $ref: `#/components/schemas/${schema}` })['required'] as string[];
    const camel = (field: string) => renamed?.[field] ?? field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    expect(required).toEqual(expect.arrayContaining(fields.map(camel)));
  });

  it.each(DOMAIN_ENUMS.map((e) => [e.domain, e] as const))('enumeration %s is a contract enum', (_domain, { schema, values }) => {
    const resolved = resolve<JsonObject>(spec, { $ref: `#/components/schemas/${schema}` });
    expect([...(resolved['enum'] as string[])].sort()).toEqual([...values].sort());
  });
});
