import { endOfShanghaiDay, formatShanghaiInstant, shanghaiDate, WorkingCalendar } from '@gdx/calendar';
import { MemoryNonceStore, problem, verifySignature } from '@gdx/protocol';
import type { Specs } from '../../src/index.js';
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

/** The slice of the registration contract the fake serves. */
export const registrationSpecs: Specs = {
  registration: {
    openapi: '3.1.0',
    paths: {
      '/applications': {
        post: {
          operationId: 'submitApplication',
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['initial', 'change'] } } } } } },
          responses: { '201': { description: 'created' } },
        },
      },
    },
  },
};

const calendar = WorkingCalendar.official();
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** A registry with a virtual clock behind a fake simulation API, one sandbox at a time. */
export function createFakeRegistry(faults: RegistryFaults = {}): typeof fetch {
  let now = 0;
  const apps = new Map<string, { owner: string; receivedOn: string }>();
  const nonces = new MemoryNonceStore();

  const view = (id: string, receivedOn: string) => {
    const limit = faults.acceptanceLimit ?? 3;
    const dueDate = faults.calendarDays ? calendar.addCalendarDays(receivedOn, limit) : calendar.addWorkingDays(receivedOn, limit);
    const dueAt = endOfShanghaiDay(dueDate);
    const overdue = now > dueAt;
    const approved = overdue && faults.approveWhenOverdue;
    return {
      id, state: approved ? 'under_review' : 'submitted',
      deadline: { step: 'acceptance', limit, unit: 'working_days', startTrigger: 'received', startedOn: receivedOn, dueDate, dueAt: formatShanghaiInstant(dueAt), overdue: overdue && !approved, basis: '第十条' },
      events: [{ seq: 1, type: 'state_changed' }, ...(overdue && !approved ? [{ seq: 2, type: 'deadline_overdue' }] : [])],
    };
  };

  return async (input, init) => {
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
