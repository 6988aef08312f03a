// Every request-body example of every operation, sent verbatim to the default sandbox (app seed 1,
// the seeded organisations, the seeded catalog and datasets) by an organisation holding the role
// the operation needs, is accepted: a vendor who copies an example from the API reference, or runs
// example-driven tests (Prism, Microcks) against the mock, gets no refusal of its content. An
// example about an object a workflow must first create (an application, a grant, a plan…) may
// meet a 404 for that object only: a path parameter, or a body member listed in `workflow`.
// The examples whose acceptance depends on the day they are sent (`DAY_DEPENDENT`) are sent again
// on the last day they are written for (`EXAMPLES_ACCEPTED_UNTIL`), so none goes stale unseen.
import { loadBundledSpec, type PlatformName } from '@gdx/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../src/index.js';
import type { Credentials, Reply } from './support/client.js';
import { START_AT, startMock, type MockContext } from './support/harness.js';

type SpecName = PlatformName | 'simulation';
type Json = Record<string, any>;

/** How an operation's examples are sent. */
interface Sending {
  /** The seeded organisation that sends them (by name); none for the simulation API. */
  as?: string;
  /**
   * Body members (JSON pointers) naming an object a workflow creates, which may be answered 404
   * (besides the path's own objects, which always may).
   */
  workflow?: string[];
  /** Path parameters; the default is each parameter's own `example`, and `default` for `sandboxId`. */
  params?: Record<string, string>;
  /** Creates the object the path names first (a draft…), answering the path parameters. */
  setup?: (send: Send, sim: Sim) => Promise<Record<string, string>>;
  /**
   * The object must first reach a state a workflow leads it to (answered 409 `ILLEGAL_TRANSITION`
   * in the state the test has it in): the example's content is not judged. Says why.
   */
  needsState?: string;
  /**
   * Body members the mock cannot take as written, and why (answered 400 at these pointers only).
   */
  notSendable?: { pointers: string[]; why: string };
}

/** Sends a contract example of `spec` as the named organisation; the answer. */
type Send = (spec: SpecName, operationId: string, example: string, as: string, params?: Record<string, string>) => Promise<Reply>;
/** The simulation API below the default sandbox (`/_sim/v1/sandboxes/default`). */
type Sim = (method: string, path: string, body?: unknown) => Promise<Reply>;

const DATA_OPERATOR = '厦门数据运营有限公司';
const BUS_GROUP = '厦门公交集团有限公司';
const CIVIL_AFFAIRS = '厦门市民政局';
const POLICE = '厦门市公安局';
const INFORMATION_CENTER = '厦门市信息中心';
const MAP_TECH = '厦门智图信息技术有限公司';
/** The 大数据管理局: the grantor (授权主体) of the seeded authorizations. */
const DATA_AUTHORITY = '厦门市大数据管理局';

/** An initial registration application of the data operator, from `submitApplication`'s own example. */
async function submitted(send: Send): Promise<string> {
  const created = await send('registration', 'submitApplication', 'initial', DATA_OPERATOR);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

/** The registry acts on an application; the answer must be 200. */
async function registry(sim: Sim, applicationId: string, action: string, extra: Record<string, unknown> = {}): Promise<void> {
  const acted = await sim('POST', '/actions', { platform: 'registration', objectType: 'application', objectId: applicationId, action, ...extra });
  expect(acted.status, JSON.stringify(acted.body)).toBe(200);
}

/** An application the registry asked to supplement (`actAsOfficial`'s `supplements` example, on it). */
async function awaitingSupplements(send: Send, sim: Sim): Promise<Record<string, string>> {
  const applicationId = await submitted(send);
  await registry(sim, applicationId, 'request_supplements', { items: [{ field: '/riskAssessment', text: '缺少数据安全风险评估报告' }] });
  return { applicationId };
}

/** The public notice of an application the registry accepted and passed in review. */
async function runningNotice(send: Send, sim: Sim): Promise<Record<string, string>> {
  const applicationId = await submitted(send);
  await registry(sim, applicationId, 'accept');
  await registry(sim, applicationId, 'approve_review');
  const application = await send('registration', 'getApplication', '', DATA_OPERATOR, { applicationId });
  expect(application.body.noticeId, JSON.stringify(application.body)).toMatch(/^ntc_/);
  return { noticeId: application.body.noticeId };
}

/** A draft entry of the police, made from `createEntry`'s own example. */
async function draftEntry(send: Send): Promise<Record<string, string>> {
  const created = await send('catalog', 'createEntry', 'vehicles', POLICE);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { entryId: created.body.id };
}

/** Every operation with request examples, by spec and operationId. */
const SENDING: Record<SpecName, Record<string, Sending>> = {
  registration: {
    submitApplication: { as: DATA_OPERATOR, workflow: ['/registrationId'] },
    resubmitApplication: { as: DATA_OPERATOR, setup: awaitingSupplements },
    renewRegistration: { as: DATA_OPERATOR },
    objectToPublicNotice: { as: BUS_GROUP, setup: runningNotice },
  },
  sharing: {
    submitRequest: { as: CIVIL_AFFAIRS },
    disputeRequest: { as: CIVIL_AFFAIRS },
    submitDataObjection: { as: CIVIL_AFFAIRS },
    submitQualityIssue: { as: CIVIL_AFFAIRS, workflow: ['/grantId'] },
  },
  'open-data': {
    submitDemand: { as: MAP_TECH },
    submitApplication: { as: DATA_OPERATOR },
    submitUsageReport: { as: DATA_OPERATOR },
    answerSpotCheck: { as: DATA_OPERATOR },
    submitDataObjection: { as: DATA_OPERATOR },
  },
  catalog: {
    createEntry: { as: POLICE },
    updateEntry: { as: POLICE, setup: draftEntry },
    submitEntry: { as: POLICE, setup: draftEntry },
    proposeEntryChange: { as: POLICE },
    // A seeded not_open resource of the police (机动车驾驶人信息): only those are reclassified.
    reclassifyEntry: { as: POLICE, params: { entryId: 'ent_01J38DY600EXSEDEDMYZAZFK6Y' } },
    answerSharingTypeDispute: { as: POLICE, needsState: 'an entry under a sharing-type dispute (a data user disputes a refused request first)' },
    withdrawEntry: { as: POLICE },
    reportFunctionChange: { as: POLICE },
  },
  'authorized-operation': {
    createPlan: { as: INFORMATION_CENTER },
    submitPlan: { as: INFORMATION_CENTER },
    proposePlanChange: { as: INFORMATION_CENTER },
    createSelection: { as: INFORMATION_CENTER, workflow: ['/planId'] },
    submitBid: { as: DATA_OPERATOR },
    reportRectification: { as: DATA_OPERATOR },
    fileSuspensionFeedback: { as: DATA_OPERATOR },
    requestTermination: { as: DATA_OPERATOR },
    discloseAuthorization: { as: INFORMATION_CENTER },
    discloseOperation: { as: DATA_OPERATOR },
    reportStatus: { as: DATA_OPERATOR },
    applyForFormalFees: { as: DATA_AUTHORITY },
    submitAnnualReport: { as: DATA_AUTHORITY },
    reportCeilings: { as: DATA_AUTHORITY },
    calculateMar: { as: DATA_OPERATOR },
    submitDataAccessRequest: { as: DATA_OPERATOR, workflow: ['/authorizationId'] },
    reportDataAccessAgreement: { as: DATA_OPERATOR },
    createProduct: { as: DATA_OPERATOR, workflow: ['/authorizationId'] },
    submitProduct: { as: DATA_OPERATOR },
    setActualFee: { as: DATA_OPERATOR },
    withdrawProduct: { as: DATA_OPERATOR },
  },
  simulation: {
    createSandbox: {},
    importSnapshot: { notSendable: { pointers: ['/snapshot/state'], why: "a snapshot's state is the export's own (every platform's state, megabytes for the seeded catalog): the example shows its place, not one" } },
    advanceClock: {},
    setReviewerPolicy: {},
    actAsOfficial: { workflow: ['/objectId'] },
    fileThirdPartyObjection: { workflow: ['/noticeId'] },
    putCalendarYear: {},
    setFaults: {},
    createWebhook: {},
  },
};

const SPECS = Object.keys(SENDING) as SpecName[];
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function deref(doc: Json, node: any): any {
  while (node && typeof node.$ref === 'string') node = node.$ref.slice(2).split('/').reduce((n: any, k: string) => n?.[unescape(k)], doc);
  return node;
}

interface ExampleCase {
  spec: SpecName;
  operationId: string;
  method: string;
  template: string;
  /** Each path parameter's own example. */
  params: Record<string, string>;
  name: string;
  body: unknown;
}

function requestExamples(spec: SpecName): ExampleCase[] {
  const doc = loadBundledSpec(spec) as Json;
  const cases: ExampleCase[] = [];
  for (const [template, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      const body = deref(doc, operation?.requestBody);
      if (!operation?.operationId || !body) continue;
      const params: Record<string, string> = {};
      for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: unknown) => deref(doc, p))) {
        if (p.in === 'path' && p.example !== undefined) params[p.name] = String(p.example);
      }
      const media = body.content['application/json'] ?? {};
      for (const [name, example] of Object.entries<Json>(media.examples ?? {})) {
        cases.push({ spec, operationId: operation.operationId, method: method.toUpperCase(), template, params, name, body: deref(doc, example).value });
      }
      if ('example' in media) cases.push({ spec, operationId: operation.operationId, method: method.toUpperCase(), template, params, name: 'example', body: media.example });
    }
  }
  return cases;
}

const CASES = SPECS.flatMap(requestExamples);

/** Every string of a body. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsOf);
}

/** The value at a JSON pointer of a body. */
function valueAt(body: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce((v: any, k) => v?.[unescape(k)], body);
}

/** The problem's member pointers that are not objects a workflow creates. */
function contentErrors(reply: Reply, allowed: readonly string[]): unknown[] {
  return ((reply.body?.errors ?? []) as { pointer?: string }[]).filter((e) => !allowed.some((p) => e.pointer === p || e.pointer?.startsWith(`${p}/`)));
}

type Organisation = Credentials & { name: string; roles: string[] };

/**
 * Sends one example of `c` (or `body` in its place), as `as`, on `extra` path parameters (each
 * defaulting to the parameter's own example, and `default` for `sandboxId`).
 */
function sendExample(mock: MockContext, orgs: Organisation[], c: ExampleCase, as: string | undefined, extra: Record<string, string> = {}, body: unknown = c.body) {
  const params: Record<string, string> = { ...c.params, ...(c.spec === 'simulation' ? { sandboxId: 'default' } : {}), ...extra };
  const path = c.template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? `missing-${k}`));
  const org = as === undefined ? undefined : orgs.find((o) => o.name === as);
  if (as !== undefined) expect(org, `a seeded organisation named ${as}`).toBeDefined();
  const url = c.spec === 'simulation' ? `/_sim/v1${path}` : `/${c.spec}/v1${path}`;
  return { url, params, reply: mock.call(c.method, url, { body, ...(org ? { as: org } : {}) }) };
}

describe('every request example of the contracts is accepted by the default sandbox', () => {
  let mock: MockContext & { close(): Promise<void> };
  let orgs: Organisation[];

  beforeEach(async () => {
    // The default sandbox as `gdx-mock` starts it (seed 1, national, the seeded catalog), on the day the examples are written for.
    mock = await startMock(defaultPlatforms(), undefined, { seed: 1, startAt: START_AT });
    orgs = (await mock.call('GET', '/_sim/v1/sandboxes/default')).body.organizations;
  });
  afterEach(() => mock.close());

  it('knows how to send every operation with request examples', () => {
    const known = (c: ExampleCase) => SENDING[c.spec][c.operationId] !== undefined;
    expect(CASES.filter((c) => !known(c)).map((c) => `${c.spec} ${c.operationId}`)).toEqual([]);
    expect(CASES.length).toBeGreaterThan(40);
  });

  const sendCase = (c: ExampleCase, as: string | undefined, extra: Record<string, string> = {}) => sendExample(mock, orgs, c, as, extra);
  const send: Send = (spec, operationId, example, as, params) => {
    if (operationId === 'getApplication') {
      const org = orgs.find((o) => o.name === as)!;
      return mock.call('GET', `/${spec}/v1/applications/${params!['applicationId']}`, { as: org });
    }
    const c = CASES.find((k) => k.spec === spec && k.operationId === operationId && k.name === example);
    if (!c) throw new Error(`no example ${example} of ${spec} ${operationId}`);
    return sendCase(c, as, params).reply;
  };

  it.each(CASES.map((c) => [`${c.spec} ${c.operationId} "${c.name}"`, c] as const))('%s', async (_label, c) => {
    const sending = SENDING[c.spec][c.operationId]!;
    const made = sending.setup ? await sending.setup(send, (method, path, body) => mock.call(method, `/_sim/v1/sandboxes/default${path}`, body === undefined ? {} : { body })) : {};
    const sent = sendCase(c, sending.as, { ...sending.params, ...made });
    const reply = await sent.reply;
    const seen = `${c.method} ${sent.url} as ${sending.as ?? 'the simulation API'} → ${reply.status} ${JSON.stringify(reply.body)}`;
    if (sending.notSendable) {
      expect(reply.status, seen).toBe(400);
      expect(contentErrors(reply, sending.notSendable.pointers), seen).toEqual([]);
      return;
    }
    if (sending.needsState && reply.status === 409 && reply.body.code === 'ILLEGAL_TRANSITION') return;
    // Objects a workflow creates: the path's (not made by `setup`) and the body's `workflow` members.
    const pathObjects = c.spec === 'simulation' ? [] : Object.keys(c.params).filter((k) => !(k in made) && !(k in (sending.params ?? {})));
    const workflowValues = [...pathObjects.map((k) => sent.params[k]!), ...(sending.workflow ?? []).map((p) => String(valueAt(c.body, p)))];
    if (reply.status === 404 && workflowValues.length > 0) {
      // Only an object a workflow creates is missing (pointed at: `/path/<param>`, or the body's
      // `workflow` member), and nothing in the body was refused.
      expect(contentErrors(reply, [...(sending.workflow ?? []), ...pathObjects.map((k) => `/path/${k}`)]), seen).toEqual([]);
      // It names the missing object (by id, or by pointer), or it is the path's object and names none of the body.
      const named = workflowValues.some((v) => String(reply.body.detail).includes(v)) || (reply.body.errors?.length ?? 0) > 0;
      const aboutPath = pathObjects.length > 0 && !reply.body.errors && !stringsOf(c.body).some((v) => String(reply.body.detail).includes(v));
      expect(named || aboutPath, seen).toBe(true);
      return;
    }
    expect(reply.status, seen).toBeLessThan(300);
  });
});

/**
 * The last day the request examples are written for (openapi/README.md, "Request examples"): each
 * example the mock judges by the day it is sent is accepted on any day from `START_AT` to this one,
 * so one that would go stale before it fails here now. Move it only forward, with the examples.
 */
const EXAMPLES_ACCEPTED_UNTIL = '2029-12-31';

/** A day-dependent example to send on the horizon's last day; `prepare` makes the object it acts on and answers its body. */
interface DayDependent {
  dates: string;
  prepare?: (mock: MockContext, orgs: Organisation[]) => Promise<unknown>;
}

/** An approved sharing request, made from `submitRequest`'s own example: what `deliver` acts on. */
async function approvedSharingRequest(mock: MockContext, orgs: Organisation[]): Promise<string> {
  const submit = CASES.find((c) => c.spec === 'sharing' && c.operationId === 'submitRequest')!;
  const created = await sendExample(mock, orgs, submit, CIVIL_AFFAIRS).reply;
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const approved = await mock.call('POST', '/_sim/v1/sandboxes/default/actions', { body: { platform: 'sharing', objectType: 'request', objectId: created.body.id, action: 'approve' } });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return created.body.id;
}

/** Every request example whose acceptance depends on the day it is sent (by spec, operationId and example name), and the dates it holds. */
const DAY_DEPENDENT: Record<string, DayDependent> = {
  'registration submitApplication initial': { dates: '`rights.term.to` not ended (TERM_ALREADY_ENDED)' },
  'sharing submitRequest conditional': { dates: '`periodOfUse` not ended (PERIOD_ENDED), within 10 years of the day (PERIOD_OUT_OF_RANGE)' },
  'open-data submitApplication company': { dates: '`periodOfUse` not ended (PERIOD_ENDED), within 10 years of the day (PERIOD_OUT_OF_RANGE)' },
  'simulation advanceClock to': { dates: '`to` not before the sandbox clock' },
  'simulation actAsOfficial deliver': {
    dates: '`grant.validUntil` not before the day of delivery (PERIOD_ENDED), nor before the period of use starts',
    prepare: async (mock, orgs) => {
      const deliver = CASES.find((c) => c.spec === 'simulation' && c.operationId === 'actAsOfficial' && c.name === 'deliver')!.body as Json;
      // The example as written (an API delivery, as the request example asks), on that request.
      return { ...deliver, objectId: await approvedSharingRequest(mock, orgs) };
    },
  },
};

const labelOf = (c: ExampleCase) => `${c.spec} ${c.operationId} ${c.name}`;

it('lists only day-dependent examples the contracts hold', () => {
  expect(Object.keys(DAY_DEPENDENT).filter((label) => !CASES.some((c) => labelOf(c) === label))).toEqual([]);
});

describe(`the day-dependent request examples are still accepted on ${EXAMPLES_ACCEPTED_UNTIL}`, () => {
  let mock: MockContext & { close(): Promise<void> };
  let orgs: Organisation[];

  beforeEach(async () => {
    mock = await startMock(defaultPlatforms(), undefined, { seed: 1, startAt: `${EXAMPLES_ACCEPTED_UNTIL}T10:00:00+08:00` });
    orgs = (await mock.call('GET', '/_sim/v1/sandboxes/default')).body.organizations;
    // A deadline started on that day ends in the next year: the years past the shipped schedules
    // are loaded first, as a vendor does on such a day (the days off do not change what is accepted).
    const shipped: number[] = (await mock.call('GET', '/_sim/v1/sandboxes/default/calendar')).body.years;
    for (let year = Math.max(...shipped) + 1; year <= Number(EXAMPLES_ACCEPTED_UNTIL.slice(0, 4)) + 1; year++) {
      const loaded = await mock.call('PUT', `/_sim/v1/sandboxes/default/calendar/${year}`, { body: { year, source: `placeholder: Monday–Friday ${year}`, holidays: [], makeupWorkdays: [] } });
      expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    }
  });
  afterEach(() => mock.close());

  it.each(CASES.filter((c) => labelOf(c) in DAY_DEPENDENT).map((c) => [`${labelOf(c)}: ${DAY_DEPENDENT[labelOf(c)]!.dates}`, c] as const))('%s', async (_label, c) => {
    const body = (await DAY_DEPENDENT[labelOf(c)]!.prepare?.(mock, orgs)) ?? c.body;
    const sent = sendExample(mock, orgs, c, SENDING[c.spec][c.operationId]!.as, {}, body);
    const reply = await sent.reply;
    expect(reply.status, `${c.method} ${sent.url} on ${EXAMPLES_ACCEPTED_UNTIL} → ${reply.status} ${JSON.stringify(reply.body)}`).toBeLessThan(300);
  });
});
