import { loadBundledSpec } from '@gdx/openapi';
import { afterEach, expect } from 'vitest';
import type { App } from '../../src/index.js';
import { createRegistrationPlatform } from '../../src/platforms/registration/index.js';
import { client, type Reply } from '../support/client.js';
import { contractErrors } from '../support/contract.js';
import { startMock } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { TRANSPORTS, type Transport, type TransportFactory } from '../support/transports.js';

export type { Reply };

export interface Org {
  id: string;
  creditCode: string;
  name: string;
  appKey: string;
  secret: string;
}

/** Shared across apps: the documents are read once. */
const registrationSpec = loadBundledSpec('registration');
const simulationSpec = loadBundledSpec('simulation');

/**
 * A mock app with the registration platform, reached through one transport, with a sandbox of
 * its own (manual officials unless the sandbox body says otherwise). Every answer of a
 * registration operation is checked against the contract.
 */
export class Harness {
  app!: App;
  transport!: Transport;
  sandboxId = '';
  orgs: Org[] = [];

  static async start(factory: TransportFactory, sandbox: Record<string, unknown>): Promise<Harness> {
    const h = new Harness();
    const mock = await startMock([createRegistrationPlatform({ spec: registrationSpec })], factory, { simulationSpec, startAt: undefined });
    h.app = mock.app;
    h.transport = mock.transport;
    const created = await openSandbox(mock, { reviewerPolicy: { mode: 'manual' }, ...sandbox });
    h.sandboxId = created.id;
    // Registrants first: only they may submit applications (the others answer 403 FORBIDDEN).
    const registrant = (o: { roles: string[] }) => o.roles.includes('registrant');
    h.orgs = [...created.organizations.filter(registrant), ...created.organizations.filter((o) => !registrant(o))];
    return h;
  }

  async close(): Promise<void> {
    await this.transport.close();
    await this.app.close();
  }

  /** The simulation API (no signature). */
  sim(method: string, path: string, body?: unknown): Promise<Reply> {
    return client(this.transport)(method, `/_sim/v1${path}`, body === undefined ? {} : { body });
  }

  /** `POST /actions` as the registry. */
  act(objectType: string, objectId: string, action: string, extra: Record<string, unknown> = {}): Promise<Reply> {
    return this.sim('POST', `/sandboxes/${this.sandboxId}/actions`, { platform: 'registration', objectType, objectId, action, ...extra });
  }

  async advance(to: string): Promise<Reply> {
    const r = await this.sim('POST', `/sandboxes/${this.sandboxId}/clock/advance`, { to });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r;
  }

  /**
   * A registration operation, signed as `org` unless `org` is `null`; the answer is checked
   * against the contract of `template`.
   */
  async call(org: Org | null, method: string, template: string, params: Record<string, string> = {}, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const path = template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
    const reply = await client(this.transport)(method, `/sandboxes/${this.sandboxId}/registration/v1${path}`, { headers, ...(body === undefined ? {} : { body }), ...(org ? { as: org } : {}) });
    expect(contractErrors('registration', method, template.split('?')[0] ?? template, reply.status, reply.body), `${method} ${template} → ${reply.status} ${JSON.stringify(reply.body)}`).toEqual([]);
    return reply;
  }

  org(index: number): Org {
    const o = this.orgs[index];
    if (!o) throw new Error(`no organisation ${index}`);
    return o;
  }
}

/**
 * Starts a harness through the in-process fetch with the sandbox body `sandbox` each time it is
 * called, and closes every harness it started after each test.
 *
 * @example
 * ```ts
 * const start = useHarness({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });
 * it('…', async () => { const x = await start(); … });
 * ```
 */
export function useHarness(sandbox: Record<string, unknown>): () => Promise<Harness> {
  const started: Harness[] = [];
  afterEach(async () => {
    for (const h of started.splice(0)) await h.close();
  });
  return async () => {
    const h = await Harness.start(TRANSPORTS['in-process fetch']!, sandbox);
    started.push(h);
    return h;
  };
}

const DIGEST = `sha256:${'ab'.repeat(32)}`;
export const attachment = (name: string) => ({ name, mediaType: 'application/pdf', digest: DIGEST, size: 1024 });

/** An initial registration by `org` (optionally with an authorised term). */
export function initialSubmission(org: Org, termEnd?: string): Record<string, unknown> {
  return {
    type: 'initial',
    registrants: [{ creditCode: org.creditCode, name: org.name }],
    resource: { name: '公共交通客流数据产品', summary: '按线路、站点、时段汇总的公交客流统计数据，已脱敏。' },
    legalSource: { description: '经授权运营协议取得。', attachments: [attachment('授权运营协议.pdf')] },
    evidence: { description: '已在存证平台存证。' },
    riskAssessment: { summary: '风险等级低。' },
    ...(termEnd ? { rights: { rightTypes: ['processing_use'], holder: { creditCode: org.creditCode, name: org.name }, term: { from: '2025-03-01', to: termEnd } } } : {}),
  };
}

/** A real-name objection with one piece of evidence. */
export const objectionBody = (org: Org) => ({
  objector: { kind: 'organization', creditCode: org.creditCode, name: org.name },
  text: '该数据产品中的站点客流数据由我单位采集并持有。',
  evidence: [attachment('数据采集合同.pdf')],
});

let keys = 0;
/** A fresh idempotency key. */
export const idem = () => ({ 'idempotency-key': `k-${(keys += 1)}-${Date.now()}` });

/** The body of a 200 answer; any other status fails the test, showing the body. */
export async function ok(reply: Promise<Reply>): Promise<any> {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** Files an application as `org`; answers its id (anything but 201 fails the test). */
export async function submit(x: Harness, org: Org, body: Record<string, unknown>): Promise<string> {
  const r = await x.call(org, 'POST', '/applications', {}, body, idem());
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

/** An initial application accepted, approved and registered by the clock at the notice's end: answers the registration. */
export async function registered(x: Harness, org: Org, termEnd?: string): Promise<any> {
  const id = await submit(x, org, initialSubmission(org, termEnd));
  await ok(x.act('application', id, 'accept'));
  const passed = await ok(x.act('application', id, 'approve_review'));
  await x.advance(passed.object.deadline.dueAt);
  const application = (await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: id })).body;
  return (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: application.registrationId })).body;
}
