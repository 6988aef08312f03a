import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventTypeName, EVENT_TYPE_NAMES_ZH } from './event-types.js';
import { objectTypeName } from './object-types.js';

const CONTRACT = readFileSync(new URL('../../../../../openapi/simulation/openapi.yaml', import.meta.url), 'utf8');

/** The text of one schema of the simulation contract: its name's line and the deeper-indented lines below it. */
function schemaText(name: string): string {
  const start = CONTRACT.indexOf(`\n    ${name}:\n`);
  expect(start, name).toBeGreaterThan(0);
  const rest = CONTRACT.slice(start + 1);
  return rest.slice(0, rest.slice(1).search(/\n {4}[A-Za-z]/) + 1);
}

describe('eventTypeName', () => {
  it('names in Chinese every event type a webhook may subscribe to (the contract’s WebhookEventType)', () => {
    // The list between "Known types" and "Not an `enum`" of its description.
    const list = /Known types[^:]*:([^.]+)\./.exec(schemaText('WebhookEventType'))![1]!;
    const known = [...list.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
    expect(known.length).toBeGreaterThan(20);
    expect(Object.keys(EVENT_TYPE_NAMES_ZH).sort()).toEqual([...known].sort());
    for (const type of known) expect(eventTypeName(type, 'zh'), type).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the ids in English, and shows a type it has no name for by its id', () => {
    expect(eventTypeName('deadline_overdue', 'zh')).toBe('超过时限');
    expect(eventTypeName('deadline_overdue', 'en')).toBe('deadline_overdue');
    expect(eventTypeName('not_yet_named', 'zh')).toBe('not_yet_named');
    // Not a name of Object.prototype's.
    expect(eventTypeName('constructor', 'zh')).toBe('constructor');
  });
});

describe('objectTypeName', () => {
  it('names in Chinese every object kind of the contract’s ObjectType, by its id in English', () => {
    const kinds = /enum: \[([^\]]+)\]/.exec(schemaText('ObjectType'))![1]!.split(',').map((s) => s.trim());
    expect(kinds).toContain('obligation');
    for (const kind of kinds) {
      expect(objectTypeName(kind, 'zh'), kind).toMatch(/[\u4e00-\u9fff]/);
      expect(objectTypeName(kind, 'en')).toBe(kind);
    }
    expect(objectTypeName('permit', 'zh')).toBe('permit');
  });
});
