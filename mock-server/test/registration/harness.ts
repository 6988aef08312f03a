import { loadBundledSpec } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { expect } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { createRegistrationPlatform } from '../../src/platforms/registration/index.js';
import type { Transport, TransportFactory } from '../support/transports.js';
import { contractErrors } from './contract.js';

export interface Org {
  id: string;
  creditCode: string;
  name: string;
  appKey: string;
  secret: string;
}

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

/** Shared across apps: the documents are read once. */
const registrationSpec = loadBundledSpec('registration');
const simulationSpec = loadBundledSpec('simulation');

/**
 * A mock app with the registration platform, reached through one transport, with a sandbox of
 * its own. Every answer of a registration operation is checked against the contract.
 */
export class Harness {
  app!: App;
  transport!: Transport;
  sandboxId = '';
  orgs: Org[] = [];

  static async start(factory: TransportFactory, sandbox: Record<string, unknown>): Promise<Harness> {
    const h = new Harness();
    h.app = createApp({
      platforms: [createRegistrationPlatform({ spec: registrationSpec })],
      simulationSpec,
      seed: 7,
      logError: (m, e) => console.error(m, e),
    });
    h.transport = await factory(h.app);
    const created = await h.sim('POST', '/sandboxes', { reviewerPolicy: { mode: 'manual' }, ...sandbox });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    h.sandboxId = created.body.id;
    h.orgs = created.body.organizations;
    return h;
  }

  async close(): Promise<void> {
    await this.transport.close();
    await this.app.close();
  }

  async raw(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const res = await this.transport.fetch(url, {
      method,
      headers: { ...headers, ...(text !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(text !== undefined ? { body: text } : {}),
    });
    const raw = await res.text();
    return { status: res.status, headers: res.headers, body: raw === '' ? undefined : JSON.parse(raw) };
  }

  /** The simulation API (no signature). */
  sim(method: string, path: string, body?: unknown): Promise<Reply> {
    return this.raw(method, `${this.transport.baseUrl}/_sim/v1${path}`, body);
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
    const url = `${this.transport.baseUrl}/sandboxes/${this.sandboxId}/registration/v1${path}`;
    const text = body === undefined ? undefined : JSON.stringify(body);
    const signed = org ? signRequest({ method, url, body: text, appKey: org.appKey, secret: org.secret }) : {};
    const reply = await this.raw(method, url, body, { ...headers, ...signed });
    expect(contractErrors(method, template.split('?')[0] ?? template, reply.status, reply.body), `${method} ${template} → ${reply.status} ${JSON.stringify(reply.body)}`).toEqual([]);
    return reply;
  }

  org(index: number): Org {
    const o = this.orgs[index];
    if (!o) throw new Error(`no organisation ${index}`);
    return o;
  }
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
