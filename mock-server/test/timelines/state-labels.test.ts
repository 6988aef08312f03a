import type { RegistrationClient } from '@gdx/registration';
import type { SimulationClient } from '@gdx/simulation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSubmission } from '../registration/harness.js';
import { startRegistrationServer } from './registration-server.js';

// The objects list and the event feed name states as the timeline does (the console shows those
// names, with the ids beside them): through the HTTP server and the simulation SDK, which checks
// every answer against the simulation contract.

let close: () => Promise<void>;
let sim: SimulationClient;
let sandboxId: string;
let registration: RegistrationClient;

beforeEach(async () => {
  ({ sim, sandboxId, registration, close } = await startRegistrationServer());
});
afterEach(() => close());

/** A registration taken to its public notice by the registry. */
async function inPublicNotice(): Promise<string> {
  const org = (await sim.sandboxes.get(sandboxId)).organizations.find((o) => o.roles.includes('registrant'))!;
  const { id } = await registration.applications.submit(initialSubmission({ ...org, secret: org.secret }) as never);
  for (const action of ['accept', 'approve_review'] as const) await sim.officials.act(sandboxId, { platform: 'registration', objectType: 'application', objectId: id, action });
  return id;
}

describe('state names outside the timeline', () => {
  it('names the state of each object in the objects list as its timeline step does', async () => {
    const id = await inPublicNotice();
    const { steps } = await sim.objects.timeline(sandboxId, 'registration', 'application', id);
    const { items } = await sim.objects.listPage(sandboxId, { platform: 'registration' });
    const row = items.find((o) => o.objectId === id)!;
    expect(row.state).toBe('in_public_notice');
    expect(row.stateLabel).toEqual({ zh: '公示中', en: 'In public notice' });
    expect(row.stateLabel).toEqual(steps.at(-1)!.label);
  });

  it('names the states of each feed event, in the feed and on the timeline, as the timeline steps do', async () => {
    const id = await inPublicNotice();
    const { steps, events } = await sim.objects.timeline(sandboxId, 'registration', 'application', id);
    const label = (state: string | null) => (state === null ? null : steps.find((s) => s.state === state)!.label);
    const { items } = await sim.events.feedPage(sandboxId, { limit: 200 });
    const feed = items.filter((e) => e.objectId === id);
    expect(feed.map((e) => [e.event.from, e.event.to])).toEqual([
      [null, 'submitted'],
      ['submitted', 'under_review'],
      ['under_review', 'in_public_notice'],
    ]);
    for (const e of [...feed, ...events]) {
      expect(e.fromLabel).toEqual(label(e.event.from));
      expect(e.toLabel).toEqual(label(e.event.to));
    }
    expect(feed.at(-1)!.toLabel).toEqual({ zh: '公示中', en: 'In public notice' });
  });
});
