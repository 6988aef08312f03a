import { RegistrationClient } from '@gdx/registration';
import { credentialsOf, SimulationClient } from '@gdx/simulation';
import { loadBundledSpec } from '@gdx/openapi';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { createRegistrationPlatform } from '../../src/platforms/registration/index.js';
import { initialSubmission } from './harness.js';

describe('SDK ↔ mock (in-process fetch)', () => {
  const app = createApp({ platforms: [createRegistrationPlatform({ spec: loadBundledSpec('registration') })], simulationSpec: loadBundledSpec('simulation'), seed: 1 });
  afterEach(() => app.idle());

  it('submits, is decided through the simulation client, and is looked up by code', async () => {
    const fetch = createFetch(app);
    const sim = new SimulationClient({ baseUrl: 'http://mock.local/_sim/v1', fetch });
    const sbx = await sim.sandboxes.create({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00', seed: 9, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
    const org = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
    const client = new RegistrationClient({ baseUrl: sbx.platforms.registration, credentials: credentialsOf(org), fetch });
    const submitted = await client.applications.submit(initialSubmission({ ...org, secret: org.secret }) as never);
    expect(submitted.deadline?.dueDate).toBe('2025-09-30');
    await sim.officials.act(sbx.id, { platform: 'registration', objectType: 'application', objectId: submitted.id, action: 'accept' });
    const passed = await sim.officials.act(sbx.id, { platform: 'registration', objectType: 'application', objectId: submitted.id, action: 'approve_review' });
    expect(passed.to).toBe('in_public_notice');
    const notices = await client.publicNotices.list().toArray(10);
    expect(notices).toHaveLength(1);
    await sim.clock.advance(sbx.id, { to: '2025-10-17T09:00:00+08:00' });
    const coded = await client.applications.get(submitted.id);
    expect(coded.state).toBe('registered');
    const found = await client.lookup.get(coded.registrationCode!);
    expect(found).toMatchObject({ valid: true, codedOn: '2025-10-17', validUntil: '2028-10-17' });
    const mine = await client.registrations.listPage({ limit: 5 });
    expect(mine.items.map((r) => r.registrationCode)).toEqual([coded.registrationCode]);
  });
});
