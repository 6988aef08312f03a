import { loadBundledSpec } from '@gdx/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { DATA_USER, IM_SECTIONS, agreement, aoWorldOf, approvedPlan, dataAccessBody, designatedAuthorization, planContent, productBody, signedSelection, type AoWorld } from '../authorized-operation/fixtures.js';
import { attachment, initialSubmission } from '../registration/harness.js';
import { applicationBy, onApplication } from '../open-data/fixtures.js';
import { entryOf, requestBody, REQUESTER } from '../sharing/fixtures.js';
import { expectReply } from '../support/contract.js';
import { IN_PROCESS, startMock, type MockContext } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';
import type { World } from '../support/world.js';

// Property: in every state the sandbox reaches, on all five platforms and under each shipped
// profile, `allowedActions` lists exactly the official actions `POST /actions` accepts — each
// listed one is accepted (tried on a copy of the sandbox, with the required fields the listing
// describes), every other action of the contract's `OfficialAction` is refused (sent with fields
// that satisfy its variant, so the refusal is the object's, not the body's) and changes nothing,
// and a 409 names as allowed only listed actions, never the one it refuses.

/** The smallest value a field's JSON Schema (as the timeline gives it) accepts. */
function sample(schema: any): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf ?? schema.anyOf) return sample((schema.oneOf ?? schema.anyOf)[0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(sample));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (type === 'array') return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items ?? {}));
  if (type === 'object') return Object.fromEntries((schema.required ?? []).map((key: string) => [key, sample(schema.properties?.[key] ?? {})]));
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (schema.format === 'date') return '2026-06-30';
  return '经核查，材料不符合要求。';
}

const SIMULATION = loadBundledSpec('simulation') as any;
const ACTIONS = Object.keys(SIMULATION.components.schemas.OfficialAction.discriminator.mapping) as string[];

/** A schema of the bundled simulation contract with its `$ref`s replaced (the contract's schemas are not recursive). */
function resolved(schema: any): any {
  if (Array.isArray(schema)) return schema.map(resolved);
  if (schema === null || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string') return resolved(SIMULATION.components.schemas[schema.$ref.split('/').pop()]);
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, resolved(value)]));
}

const VARIANTS = new Map<string, any>();

/** An action's `OfficialAction` variant, `$ref`s replaced (worked out once per action: the test asks for it thousands of times). */
function variantOf(action: string): any {
  let variant = VARIANTS.get(action);
  if (variant === undefined) {
    const ref = SIMULATION.components.schemas.OfficialAction.discriminator.mapping[action] as string;
    VARIANTS.set(action, (variant = resolved(SIMULATION.components.schemas[ref.split('/').pop()!])));
  }
  return variant;
}

/** The required fields of an action's `OfficialAction` variant, each with the smallest value its schema accepts. */
function variantFields(action: string): Record<string, unknown> {
  const own = variantOf(action).allOf.find((part: any) => part.required?.includes('action'));
  const fields = (own.required as string[]).filter((name) => !['action', 'platform', 'objectType', 'objectId'].includes(name));
  return Object.fromEntries(fields.map((name) => [name, sample(own.properties[name])]));
}

/** The members an action's variant takes (its own and `ActionTarget`'s): `OfficialAction` refuses any other. */
function variantMembers(action: string): Set<string> {
  return new Set(variantOf(action).allOf.flatMap((part: any) => Object.keys(part.properties ?? {})));
}

/** `fields` without the members `action`'s variant does not take. */
const takenBy = (action: string, fields: Record<string, unknown>): Record<string, unknown> => {
  const members = variantMembers(action);
  return Object.fromEntries(Object.entries(fields).filter(([name]) => members.has(name)));
};

const PROFILES = ['national', 'inner-mongolia', 'xiamen'] as const;
type ProfileName = (typeof PROFILES)[number];

/** Every field a refused action might need, so a refusal is the machine's and not a missing field's (each action gets those its variant takes). */
const EVERY_FIELD = { reasons: [{ text: '理由' }], items: [{ text: '材料' }], explanation: '说明', answer: { text: '答复' } };

/**
 * Catalog entries seeded per sandbox. Only two objects of each state are tried (`sampledObjects`),
 * so the default 300 added nothing tried, only size: 0.97 MB of the 1.15 MB snapshot each copy imports.
 */
const CATALOG_ENTRIES = 40;

let mock: MockContext & { close(): Promise<void> };
let sbx: TestSandbox;
/** Fields an action gets on top of its form's (those its variant takes), valid in this sandbox: the operator, an agreement, the authorization's product … */
let domainFields: (object: { objectId: string }) => Record<string, unknown> = () => ({});

const sim = (method: string, path: string, body?: unknown) => mock.call(method, `/_sim/v1${path}`, body === undefined ? {} : { body });

/** `count` authorizations in force of the profile's operator, each from its own plan, selected as the profile selects. */
async function authorizations(world: AoWorld, profile: ProfileName, count: number): Promise<string[]> {
  const made: string[] = [];
  if (profile === 'national') for (let i = 0; i < count; i += 1) made.push((await signedSelection(world)).authorizationId);
  if (profile === 'xiamen') for (let i = 0; i < count; i += 1) made.push(await designatedAuthorization(world));
  if (profile !== 'inner-mongolia') return made;
  // Inner Mongolia: calls published together, reviewed once their 20 days are over (101号 第七、九条).
  const calls: { id: string; scope: unknown[] }[] = [];
  for (let i = 0; i < count; i += 1) {
    const plan = await approvedPlan(world);
    const call = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'call_and_review' } });
    expect((await world.official('selection', call.body.id, 'publish_call')).status).toBe(200);
    const eligibility = { goodCredit: true, notBlacklisted: true, mlpsLevel3: true, noHighRiskFinding: true };
    expect((await world.ao('POST', `/selections/${call.body.id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility } })).status).toBe(201);
    calls.push({ id: call.body.id, scope: plan.content.scope });
  }
  expect((await world.advance({ duration: 'P21D' })).status).toBe(200);
  for (const { id, scope } of calls) {
    for (const [action, fields] of [
      ['pass_review', { operatorId: world.operator.id }],
      ['approve_selection', {}],
      ['deliberate_agreement', { agreement: { ...agreement(scope as Record<string, unknown>[]), ...IM_SECTIONS } }],
      ['sign', {}],
    ] as const) expect((await world.official('selection', id, action, fields)).status).toBe(200);
    made.push((await world.ao('GET', `/selections/${id}`, { as: world.body })).body.authorizationId);
  }
  return made;
}

/**
 * Authorized operation: a plan awaiting deliberation, approved plans and signed selections, an
 * authorization `active` with data access requests and products pending and decided, and one
 * `amending` whose pending request and product wait for it (the profile's requester applies:
 * Xiamen's 二级, reviewed by the operator).
 */
async function populateAuthorizedOperation(profile: ProfileName): Promise<void> {
  const world = aoWorldOf(sbx);
  const plan = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
  expect((await world.ao('POST', `/plans/${plan.body.id}/submissions`, { as: world.body, body: {} })).status).toBe(200);
  const [active, amending] = (await authorizations(world, profile, 2)) as [string, string];
  const requester = profile === 'xiamen' ? world.org(DATA_USER) : world.operator;
  const request = async (authorizationId: string) => {
    const reply = await world.ao('POST', '/data-access-requests', { as: requester, body: dataAccessBody(world, authorizationId) });
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };
  const product = async (authorizationId: string) => {
    const created = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
    expect((await world.ao('POST', `/products/${created.body.id}/submissions`, { as: world.operator, body: {} })).status).toBe(200);
    return created.body.id as string;
  };
  // A data access request pending and one approved; a product under review and one listed.
  await request(active);
  expect((await world.official('data_access_request', await request(active), 'approve_data_access')).status).toBe(200);
  await product(active);
  const listed = await product(active);
  expect((await world.official('product', listed, 'pass_compliance_review')).status).toBe(200);
  // Held by the amendment: a request and a product.
  await request(amending);
  const held = await product(amending);
  // The term's first year has its MAR, so the grantor's ceilings can be set (65号 二).
  const mar = { year: 2026, costFen: 8_000_000_00, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 300_000_00 };
  for (const id of [active, amending]) expect((await world.official('authorization', id, 'set_mar', mar)).status).toBe(200);
  expect((await world.official('authorization', amending, 'amend', { amendment: '调整授权范围。' })).status).toBe(200);
  const scope = [world.scopeItem()];
  const productOf: Record<string, string> = { [active]: listed, [amending]: held };
  domainFields = (object) => ({
    operatorId: world.operator.id,
    agreement: profile === 'inner-mongolia' ? { ...agreement(scope), ...IM_SECTIONS } : agreement(scope),
    productId: productOf[object.objectId] ?? listed,
    year: 2026,
    evaluation: { result: 'passed' },
    amendment: '调整授权范围。',
  });
}

/** A sandbox of the profile with objects in many states on all five platforms, some of them overdue. */
async function populate(profile: ProfileName): Promise<void> {
  sbx = await openSandbox(mock, { profile, seed: 11, startAt: '2025-09-26T10:00:00+08:00', reviewerPolicy: { mode: 'manual' } }, CATALOG_ENTRIES);
  // First: Inner Mongolia's calls move the clock on.
  await populateAuthorizedOperation(profile);
  const act = async (platform: string, objectType: string, objectId: string, action: string, fields: Record<string, unknown> = {}) =>
    expectReply('simulation', await sbx.act({ platform, objectType, objectId, action, ...fields }), 'POST', '/sandboxes/{sandboxId}/actions', 200);

  const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
  // One registration coded when its public notice ends (cancel, revoke), before the others are filed.
  const coded = await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant as never) });
  await act('registration', 'application', coded.body.id, 'accept');
  await act('registration', 'application', coded.body.id, 'approve_review');
  expect((await sbx.advance({ workingDays: 12 })).status).toBe(200);
  const apps: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const reply = await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant as never) });
    expect(reply.status).toBe(201);
    apps.push(reply.body.id);
  }
  const [, underReview, inNotice, objected, supplements] = apps as [string, string, string, string, string];
  for (const id of [underReview, inNotice, objected]) await act('registration', 'application', id, 'accept');
  for (const id of [inNotice, objected]) await act('registration', 'application', id, 'approve_review');
  await act('registration', 'application', supplements, 'request_supplements', { items: [{ text: '缺少数据安全风险评估报告' }] });
  const { noticeId } = (await sbx.on('registration', 'GET', `/applications/${objected}`, { as: registrant })).body;
  const objection = await sim('POST', `/sandboxes/${sbx.id}/objections`, { kind: 'notice', noticeId, objector: { kind: 'person', residentId: '150102198511224565', name: '李四' }, text: '该数据产品包含本人数据。', evidence: [attachment('证据.pdf')] });
  expect(objection.status).toBe(201);

  const world = sbx as unknown as World;
  const requester = sbx.org(REQUESTER);
  // Where the profile has the platform operator's compliance review (Inner Mongolia), one request stays there.
  const submitRequest = async (type: 'conditional' | 'unconditional', toReview = true) => {
    const reply = await sbx.on('sharing', 'POST', '/requests', { as: requester, body: requestBody(entryOf(world, type)) });
    expect(reply.status).toBe(201);
    if (toReview && reply.body.state === 'compliance_review') await act('sharing', 'request', reply.body.id, 'pass_compliance_review');
    return reply.body.id as string;
  };
  if (profile === 'inner-mongolia') await submitRequest('conditional', false);
  const requests: string[] = [];
  for (const type of ['conditional', 'conditional', 'conditional', 'unconditional'] as const) requests.push(await submitRequest(type));
  await act('sharing', 'request', requests[1]!, 'approve');
  await act('sharing', 'request', requests[2]!, 'reject', { reasons: [{ text: '超出场景' }] });
  // Rejected requests the requester disputes: left disputed, coordinating, escalated to the city government.
  const disputed: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const id = await submitRequest('conditional');
    await act('sharing', 'request', id, 'reject', { reasons: [{ text: '超出场景' }] });
    expect((await sbx.on('sharing', 'POST', `/requests/${id}/disputes`, { as: requester, body: { text: '场景在授权范围内。' } })).status).toBeLessThan(300);
    disputed.push(id);
  }
  for (const id of disputed.slice(1)) await act('sharing', 'request', id, 'coordinate');
  await act('sharing', 'request', disputed[2]!, 'escalate');
  // Feedback on the delivered (unconditional) request: a quality issue and a data objection.
  const delivered = (await sbx.on('sharing', 'GET', `/requests/${requests[3]}`, { as: requester })).body;
  if (delivered.state === 'under_review') await act('sharing', 'request', delivered.id, 'approve');
  const grantId = (await sbx.on('sharing', 'GET', `/requests/${requests[3]}`, { as: requester })).body.grantId;
  const issue = await sbx.on('sharing', 'POST', '/quality-issues', { as: requester, body: { entryId: delivered.entryId, grantId, description: '约 3% 为空值。' } });
  expect(issue.status).toBe(201);
  const dataObjection = { subject: { kind: 'person', residentId: '350203199003071236', name: '张三' }, kind: 'inaccurate', dataReference: { resourceId: delivered.entryId, description: '登记日期有误' }, text: '实际登记日期为 2019-05-10。' };
  expect((await sbx.on('sharing', 'POST', '/data-objections', { as: requester, body: dataObjection })).status).toBe(201);

  const applicant = sbx.org('data-operator');
  const applications: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    const reply = await sbx.on('open-data', 'POST', '/applications', { as: applicant, body: applicationBy(applicant, onApplication(world)) });
    expect(reply.status).toBe(201);
    applications.push(reply.body.id);
  }
  for (const id of applications.slice(1)) await act('open-data', 'application', id, 'pass_initial_review');
  expect((await sbx.on('open-data', 'POST', '/demands', { as: applicant, body: { title: '公交车辆实时到站数据', description: '用于出行类应用。' } })).status).toBe(201);
  await act('open-data', 'application', applications[2]!, 'approve');
  // A suspended grant (reinstated through its application).
  const suspended = await act('open-data', 'application', applications[3]!, 'approve');
  await act('open-data', 'grant', suspended.object.grantId, 'suspend', { reasons: [{ text: '超出申请场景使用' }] });

  // Past the 3-working-day limits: acceptance and the initial review are overdue now.
  expect((await sbx.advance({ workingDays: 4 })).status).toBe(200);
}

/** Up to two objects of each platform, type and state. */
async function sampledObjects(): Promise<{ platform: string; objectType: string; objectId: string; state: string }[]> {
  const seen = new Map<string, number>();
  const picked = [];
  let cursor: string | undefined;
  do {
    const page = expectReply('simulation', await sim('GET', `/sandboxes/${sbx.id}/objects?limit=200${cursor ? `&cursor=${cursor}` : ''}`), 'GET', '/sandboxes/{sandboxId}/objects', 200);
    for (const o of page.items) {
      const key = `${o.platform}/${o.objectType}/${o.state}`;
      if ((seen.get(key) ?? 0) >= 2) continue;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      picked.push(o);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return picked;
}

/**
 * A refusal's allowed list (`allowedEvents`, and the same list in `detail`) is what the timeline
 * lists — each of which is accepted (checked above) — without the refused action.
 */
function expectAllowedAsListed(problem: { allowedEvents: string[]; detail?: string }, action: string, listed: ReadonlySet<string>, object: unknown): void {
  const { allowedEvents } = problem;
  expect({ object, action, allowedEvents: [...allowedEvents].sort() }).toEqual({ object, action, allowedEvents: [...listed].filter((a) => a !== action).sort() });
  if (problem.detail?.includes('allowed: ')) expect(problem.detail).toMatch(new RegExp(`allowed: ${allowedEvents.join(', ') || 'none'}$`));
}

const timelinePath = (sandboxId: string, o: { platform: string; objectType: string; objectId: string }) => `/sandboxes/${sandboxId}/objects/${o.platform}/${o.objectType}/${o.objectId}/timeline`;

/** What every profile's sandbox holds, and what each adds. */
const COMMON_STATES = [
  'registration/application/submitted', 'registration/application/under_review', 'registration/application/in_public_notice',
  'registration/application/objection_review', 'registration/application/supplement_required', 'registration/objection/filed',
  'registration/application/registered', 'registration/registration/registered',
  'sharing/request/under_review', 'sharing/request/approved', 'sharing/request/rejected', 'sharing/grant/active',
  'sharing/request/disputed', 'sharing/request/coordinating', 'sharing/request/escalated',
  'sharing/quality_issue/submitted', 'sharing/data_objection/submitted', 'open-data/demand/submitted',
  'open-data/application/initial_review', 'open-data/application/substantive_review', 'open-data/grant/active', 'open-data/grant/suspended',
  'catalog/entry/published',
  'authorized-operation/plan/under_deliberation', 'authorized-operation/plan/approved', 'authorized-operation/selection/signed',
  'authorized-operation/authorization/active', 'authorized-operation/authorization/amending',
  'authorized-operation/data_access_request/submitted', 'authorized-operation/data_access_request/approved',
  'authorized-operation/product/compliance_review', 'authorized-operation/product/listed',
];
const PROFILE_STATES: Readonly<Record<ProfileName, readonly string[]>> = { national: [], 'inner-mongolia': ['sharing/request/compliance_review'], xiamen: [] };

describe.each(PROFILES)('allowed actions in a %s sandbox', (profile) => {
  beforeAll(async () => {
    // Through the app in process (the in-process fetch): the property is the app's, and it sends
    // ~7,700 requests one after another. Over a socket each round trip waited for the event loop's
    // I/O turn, which on a busy machine made the file take ~5× its CPU time in wall time. What the
    // HTTP server adds (reading the body, writing status, headers and problem) is the same for
    // every operation and is checked by the behaviour suite through it (test/behaviour/http-server.test.ts);
    // an official action refused over the server, with its allowed events, by
    // test/timelines/registration-timeline.test.ts.
    mock = await startMock(defaultPlatforms({ catalogEntries: CATALOG_ENTRIES }), IN_PROCESS, { logError: () => undefined });
    await populate(profile);
  }, 120_000);
  afterAll(() => mock.close());

  it('covers objects in many states of all five platforms', async () => {
    const states = new Set((await sampledObjects()).map((o) => `${o.platform}/${o.objectType}/${o.state}`));
    for (const expected of [...COMMON_STATES, ...PROFILE_STATES[profile]]) expect(states).toContain(expected);
  });

  it('every listed action is accepted by POST /actions with the fields it lists; every other one is refused and changes nothing', async () => {
    let accepted = 0;
    let refused = 0;
    // Refused actions change nothing (checked below), so one snapshot serves every copy.
    const snapshot = await sim('GET', `/sandboxes/${sbx.id}/snapshot`);
    expect(snapshot.status).toBe(200);
    // The copies are the test's scaffolding, not what it checks: each is imported by the app's
    // dispatch from the snapshot's text, serialised once (through a client each import's body
    // would be serialised again from the parsed snapshot).
    const snapshotText = JSON.stringify(snapshot.body);
    const importCopy = async (id: string) => {
      const answer = await mock.app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes/import', query: '', headers: { host: 'mock.local', 'content-type': 'application/json' }, body: `{"id":${JSON.stringify(id)},"snapshot":${snapshotText}}` });
      return { status: answer.status, body: JSON.parse(String(answer.body)) as { id: string } };
    };
    for (const object of await sampledObjects()) {
      const timeline = expectReply('simulation', await sim('GET', timelinePath(sbx.id, object)), 'GET', '/sandboxes/{sandboxId}/objects/{platform}/{objectType}/{objectId}/timeline', 200);
      const listed = new Set<string>();
      for (const allowed of timeline.allowedActions) {
        listed.add(allowed.action);
        const fields = Object.fromEntries(allowed.fields.filter((f: { required: boolean }) => f.required).map((f: { name: string; schema: unknown }) => [f.name, sample(f.schema)]));
        // Each on its own copy of the sandbox, so one action does not change the state the next is tried in.
        const copy = await importCopy(`copy-${accepted}`);
        expect(copy.status).toBe(201);
        const reply = await sim('POST', `/sandboxes/${copy.body.id}/actions`, { platform: object.platform, objectType: object.objectType, objectId: object.objectId, action: allowed.action, ...takenBy(allowed.action, { ...fields, ...domainFields(object) }) });
        expect({ object, action: allowed.action, status: reply.status, problem: reply.status === 200 ? null : reply.body }).toMatchObject({ status: 200 });
        accepted += 1;
        await sim('DELETE', `/sandboxes/${copy.body.id}`);
      }
      for (const action of ACTIONS.filter((a) => !listed.has(a))) {
        const fields = takenBy(action, { ...variantFields(action), ...EVERY_FIELD, ...domainFields(object) });
        const reply = await sim('POST', `/sandboxes/${sbx.id}/actions`, { platform: object.platform, objectType: object.objectType, objectId: object.objectId, action, ...fields });
        // Refused by the object in its state, never for the body (which satisfies the variant).
        expect({ object, action, status: reply.status, code: reply.body.code }).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' });
        expectAllowedAsListed(reply.body, action, listed, object);
        refused += 1;
      }
      const after = await sim('GET', timelinePath(sbx.id, object));
      expect(after.body.object.state).toBe(object.state);
      expect(after.body.events).toEqual(timeline.events);
    }
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  }, 300_000);

  it('offers explain_overdue only where a step is overdue, and nothing on terminal objects', async () => {
    for (const object of await sampledObjects()) {
      const { body } = await sim('GET', timelinePath(sbx.id, object));
      const running = body.steps.at(-1)?.deadline;
      const offered = body.allowedActions.map((a: { action: string }) => a.action);
      if (offered.includes('explain_overdue')) expect(running?.overdue).toBe(true);
      if (body.object.terminal) expect(offered).toEqual([]);
    }
    const submitted = (await sampledObjects()).find((o) => o.platform === 'registration' && o.state === 'submitted')!;
    const { body } = await sim('GET', timelinePath(sbx.id, submitted));
    expect(body.steps.at(-1).deadline.overdue).toBe(true);
    expect(body.allowedActions.map((a: { action: string }) => a.action)).toContain('explain_overdue');
  });
});
