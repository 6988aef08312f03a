import { endOfShanghaiDay, formatShanghaiInstant, shanghaiDate, WorkingCalendar } from '@gdx/calendar';
import { MemoryNonceStore, problem, verifySignature } from '@gdx/protocol';
import { loadSpecs, type Specs } from '../../src/index.js';
import { ORGS } from './fake-platform.js';

/** Deadline faults of the fake registry. */
export interface RegistryFaults {
  /** Acceptance limit in working days (the rule says 3). */
  acceptanceLimit?: number;
  /** Count calendar days instead of working days. */
  calendarDays?: boolean;
  /** Accept an application silently once its acceptance limit passed. */
  approveWhenOverdue?: boolean;
}

const APPLICATION = { type: 'object', required: ['id', 'state'], properties: { id: { type: 'string' }, state: { type: 'string' } } };

/** The slice of the registration contract the fake serves. */
export const registrationSpecs: Specs = {
  registration: {
    openapi: '3.1.0',
    paths: {
      '/applications': {
        post: {
          operationId: 'submitApplication',
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['initial', 'change'] } } } } } },
          responses: { '201': { description: 'created', content: { 'application/json': { schema: APPLICATION } } } },
        },
      },
      // Workflow checks hold the objects they read to the document too.
      '/applications/{applicationId}': {
        get: { operationId: 'getApplication', responses: { '200': { description: 'the application', content: { 'application/json': { schema: APPLICATION } } } } },
      },
    },
  },
};

const calendar = WorkingCalendar.official();
let requests = 0;
// Every answer carries the X-Request-Id the contracts require.
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {
  status,
  headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', 'x-request-id': `req_fake_${(requests += 1)}` },
});

/** A registry with a virtual clock behind a fake simulation API, one sandbox at a time. */
export function createFakeRegistry(faults: RegistryFaults = {}): typeof fetch {
  let now = 0;
  const apps = new Map<string, { owner: string; receivedOn: string }>();
  const nonces = new MemoryNonceStore();

  // The contract's own example, so that the fake's objects pass the kit's schema validation; the
  // fake decides only what its faults are about (state, deadline, events).
  let example: Record<string, any> | undefined;
  const view = (id: string, receivedOn: string) => {
    const limit = faults.acceptanceLimit ?? 3;
    const dueDate = faults.calendarDays ? calendar.addCalendarDays(receivedOn, limit) : calendar.addWorkingDays(receivedOn, limit);
    const dueAt = endOfShanghaiDay(dueDate);
    const overdue = now > dueAt;
    const approved = overdue && faults.approveWhenOverdue;
    const event = example?.events?.[0] ?? {};
    return {
      ...example, id, state: approved ? 'under_review' : 'submitted',
      deadline: { ...example?.deadline, step: 'acceptance', limit, unit: 'working_days', startTrigger: 'received', startedOn: receivedOn, dueDate, dueAt: formatShanghaiInstant(dueAt), overdue: overdue && !approved, basis: '第十条' },
      events: [{ ...event, seq: 1, type: 'state_changed' }, ...(overdue && !approved ? [{ ...event, seq: 2, type: 'deadline_overdue' }] : [])],
    };
  };

  return async (input, init) => {
    example ??= await applicationExample();
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = await request.text();
    const p = url.pathname;
    if (p === '/_sim/v1/sandboxes' && request.method === 'POST') {
      now = Date.parse((JSON.parse(body) as { startAt: string }).startAt);
      apps.clear();
      // The gdx mock's answer shape: `organisations` with `appSecret`, platform roots relative to the server.
      return json(201, { id: 'sbx_1', platforms: { registration: '/sandboxes/sbx_1/registration/v1' }, organisations: ORGS.map(({ appKey, secret, creditCode }) => ({ creditCode, appKey, appSecret: secret })) });
    }
    if (p === '/_sim/v1/sandboxes/sbx_1' && request.method === 'DELETE') return new Response(null, { status: 204 });
    if (p === '/_sim/v1/sandboxes/sbx_1/clock') return json(200, { now: formatShanghaiInstant(now) });
    if (p === '/_sim/v1/sandboxes/sbx_1/clock/advance') {
      now = Date.parse((JSON.parse(body) as { to: string }).to);
      return json(200, { now: formatShanghaiInstant(now), fired: [] });
    }
    const verdict = verifySignature({ method: request.method, url, headers: request.headers, body, lookupSecret: (k) => ORGS.find((o) => o.appKey === k)?.secret, nonceStore: nonces });
    if (!verdict.ok) return json(401, problem(verdict.code));
    if (p === '/sandboxes/sbx_1/registration/v1/applications' && request.method === 'POST') {
      const id = `rga_${apps.size + 1}`;
      const receivedOn = shanghaiDate(now);
      apps.set(id, { owner: verdict.appKey, receivedOn });
      return json(201, view(id, receivedOn));
    }
    const m = /^\/sandboxes\/sbx_1\/registration\/v1\/applications\/([^/]+)$/.exec(p);
    const app = m ? apps.get(m[1]!) : undefined;
    if (!app || app.owner !== verdict.appKey) return json(404, problem('NOT_FOUND'));
    return json(200, view(m![1]!, app.receivedOn));
  };
}

/** The registration contract's example of an application under review (`getApplication`'s 200). */
async function applicationExample(): Promise<Record<string, any>> {
  const doc = (await loadSpecs(['registration'])).registration as Record<string, any> | undefined;
  const examples = doc?.paths?.['/applications/{applicationId}']?.get?.responses?.['200']?.content?.['application/json']?.examples ?? {};
  return (Object.values(examples)[0] as { value?: Record<string, any> } | undefined)?.value ?? {};
}
