import { loadBundledSpec } from '@gdx/openapi';
import { buildProcedures, builtinProfileNames, resolveProfile } from '@gdx/procedures';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../../src/sandbox/event-types.js';

describe('the event types a webhook may subscribe to', () => {
  it('include every typed transition of every built-in profile\'s machines', () => {
    for (const name of builtinProfileNames) {
      const { machines } = buildProcedures(resolveProfile(name));
      for (const machine of machines) {
        for (const t of machine.transitions) if (t.eventType !== undefined) expect(WEBHOOK_EVENT_TYPES, `${name} ${machine.id}`).toContain(t.eventType);
      }
    }
  });

  it('are the ones the simulation contract lists, in its order', () => {
    const spec = loadBundledSpec('simulation') as unknown as { components: { schemas: Record<string, { description: string }> } };
    const description = spec.components.schemas.WebhookEventType!.description;
    const listed = description.slice(description.indexOf('Known types'), description.indexOf('. Not an')).match(/`[a-z_]+`/g)!.map((t) => t.slice(1, -1));
    expect(listed).toEqual([...WEBHOOK_EVENT_TYPES]);
  });
});
