// `OfficialAction`'s `x-gdx-field-labels` name the fields of the official actions, the members
// inside them (`reasons/text`) and a member's choices (`sharing/type=unconditional`): the mock
// sends them with each allowed action (`ActionField.description`, `ActionField.memberLabels`) and
// the console shows them. A key naming no field, member or choice would never be shown, and a
// member without a key would show its English name in a Chinese form.
import { describe, expect, it } from 'vitest';
import { loadBundledSpec } from '../src/index.js';
import { resolve, type JsonObject } from './helpers/walk-spec.js';

const spec = loadBundledSpec('simulation');
const official = (spec.components?.schemas as JsonObject)['OfficialAction'] as JsonObject;
const labels = official['x-gdx-field-labels'] as Record<string, { zh: string; en: string }>;

/** Each variant's own members (the part of its `allOf` that is not `ActionTarget`). */
const variantMembers: JsonObject[] = (official['oneOf'] as unknown[]).map((variant) => {
  const own = (resolve<JsonObject>(spec, variant)['allOf'] as JsonObject[]).find((part) => part['$ref'] === undefined);
  return (own?.['properties'] as JsonObject | undefined) ?? {};
});

/** A schema with its `$ref` resolved and, for an array, its items' schema (labels skip array items). */
function element(schema: unknown): JsonObject {
  const resolved = resolve<JsonObject>(spec, schema);
  return resolved['items'] === undefined ? resolved : element(resolved['items']);
}

/** Whether `key` (`field`, `field/member/…`, optionally `=choice`) names a member, or a choice of one, of some variant. */
function namesSomething(key: string): boolean {
  const [path = '', choice] = key.split('=');
  const [field = '', ...members] = path.split('/');
  return variantMembers.some((properties) => {
    let schema = properties[field];
    for (const member of members) schema = schema === undefined ? undefined : (element(schema)['properties'] as JsonObject | undefined)?.[member];
    if (schema === undefined) return false;
    return choice === undefined || ((element(schema)['enum'] as unknown[] | undefined) ?? []).includes(choice);
  });
}

/** The paths of the members inside each field of every variant (`reasons/text`, `grant/fileReference/name`). */
function nestedMembers(): Set<string> {
  const found = new Set<string>();
  const walk = (schema: unknown, path: string) => {
    for (const [member, sub] of Object.entries((element(schema)['properties'] as JsonObject | undefined) ?? {})) {
      found.add(`${path}/${member}`);
      walk(sub, `${path}/${member}`);
    }
  };
  for (const properties of variantMembers) for (const [field, schema] of Object.entries(properties)) walk(schema, field);
  return found;
}

describe('OfficialAction x-gdx-field-labels', () => {
  it('name only fields, members and choices the actions have, in both languages', () => {
    const stray = Object.keys(labels).filter((key) => !namesSomething(key));
    expect(stray).toEqual([]);
    for (const [key, label] of Object.entries(labels)) {
      expect(label.zh, key).toMatch(/\S/);
      expect(label.en, key).toMatch(/\S/);
    }
  });

  it('give every member inside a field its name (a Chinese form shows no English member name)', () => {
    const unnamed = [...nestedMembers()].filter((path) => labels[path] === undefined);
    expect(unnamed).toEqual([]);
  });

  it('tells a misspelt member or choice from a real one', () => {
    expect(namesSomething('reasons/text')).toBe(true);
    expect(namesSomething('sharing/type=unconditional')).toBe(true);
    expect(namesSomething('grant/fileReference/digest')).toBe(true);
    expect(namesSomething('reasons/txt')).toBe(false);
    expect(namesSomething('sharing/type=always')).toBe(false);
    expect(namesSomething('grant/endpoint/host')).toBe(false);
  });
});
