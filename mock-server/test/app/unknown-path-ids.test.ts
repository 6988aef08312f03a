// A platform operation naming an object by an id of its path that does not exist (or is another
// organisation's) answered 404 with an English `detail` at most and no field error, where the
// simulation API's 404s point at the parameter (vendor report, December 2026): a client calling
// from another language could not tell which id was wrong. Each now carries a `NOT_FOUND` error
// at `/path/<param>` whose zh/en messages name the kind of object and the id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlatforms, type PlatformName } from '../../src/index.js';
import type { Reply } from '../support/client.js';
import { expectContract, expectReply } from '../support/contract.js';
import { startMock } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';
import { openWorld } from '../support/world.js';
import { APPLICANT, grantApprovedAt } from '../open-data/fixtures.js';

const ID = 'nope_1';

/** Platform, method, the contract's path template, the parameter given an unknown id and what it names. */
type Row = [PlatformName, 'GET' | 'POST', string, string, { zh: string; en: string }];

const APPLICATION = { zh: '登记申请', en: 'application' };
const REGISTRATION = { zh: '登记结果', en: 'registration' };
const NOTICE = { zh: '公示', en: 'public notice' };
const ENTRY = { zh: '目录条目', en: 'catalog entry' };
const DATA_OBJECTION = { zh: '数据异议', en: 'data objection' };
const SHARING_GRANT = { zh: '共享授权', en: 'grant' };
const DATASET = { zh: '开放数据集', en: 'open dataset' };
const OPEN_GRANT = { zh: '开放授权', en: 'grant' };
const OPEN_APPLICATION = { zh: '开放申请', en: 'application' };
const PLAN = { zh: '实施方案', en: 'plan' };
const SELECTION = { zh: '运营机构选择', en: 'selection' };
const AUTHORIZATION = { zh: '授权运营协议', en: 'authorization' };
const DATA_ACCESS = { zh: '数据使用申请', en: 'data access request' };
const PRODUCT = { zh: '数据产品和服务', en: 'product' };

const ROWS: Row[] = [
  ['registration', 'GET', '/applications/{applicationId}', 'applicationId', APPLICATION],
  ['registration', 'GET', '/applications/{applicationId}/events', 'applicationId', APPLICATION],
  ['registration', 'GET', '/registrations/{registrationId}', 'registrationId', REGISTRATION],
  ['registration', 'GET', '/public-notices/{noticeId}', 'noticeId', NOTICE],
  ['registration', 'POST', '/public-notices/{noticeId}/objections', 'noticeId', NOTICE],
  ['registration', 'GET', '/lookup/{registrationCode}', 'registrationCode', REGISTRATION],
  ['catalog', 'GET', '/entries/{entryId}', 'entryId', ENTRY],
  ['catalog', 'GET', '/entries/{entryId}/events', 'entryId', ENTRY],
  ['catalog', 'GET', '/dcat/{entryId}', 'entryId', ENTRY],
  ['sharing', 'GET', '/requests/{requestId}', 'requestId', { zh: '共享申请', en: 'sharing request' }],
  ['sharing', 'GET', '/requests/{requestId}/events', 'requestId', { zh: '共享申请', en: 'sharing request' }],
  ['sharing', 'GET', '/grants/{grantId}', 'grantId', SHARING_GRANT],
  ['sharing', 'GET', '/data-objections/{objectionId}', 'objectionId', DATA_OBJECTION],
  ['sharing', 'GET', '/quality-issues/{issueId}', 'issueId', { zh: '问题数据反馈', en: 'quality issue' }],
  ['open-data', 'GET', '/datasets/{datasetId}', 'datasetId', DATASET],
  ['open-data', 'GET', '/datasets/{datasetId}/files/{fileName}', 'datasetId', DATASET],
  ['open-data', 'GET', '/datasets/{datasetId}/records', 'datasetId', DATASET],
  ['open-data', 'GET', '/demands/{demandId}', 'demandId', { zh: '开放需求', en: 'demand' }],
  ['open-data', 'GET', '/applications/{applicationId}', 'applicationId', OPEN_APPLICATION],
  ['open-data', 'GET', '/applications/{applicationId}/events', 'applicationId', OPEN_APPLICATION],
  ['open-data', 'GET', '/grants/{grantId}', 'grantId', OPEN_GRANT],
  ['open-data', 'GET', '/grants/{grantId}/usage-reports', 'grantId', OPEN_GRANT],
  ['open-data', 'GET', '/grants/{grantId}/spot-checks', 'grantId', OPEN_GRANT],
  ['open-data', 'GET', '/data-objections/{objectionId}', 'objectionId', DATA_OBJECTION],
  ['authorized-operation', 'GET', '/plans/{planId}', 'planId', PLAN],
  ['authorized-operation', 'GET', '/plans/{planId}/events', 'planId', PLAN],
  ['authorized-operation', 'GET', '/selections/{selectionId}', 'selectionId', SELECTION],
  ['authorized-operation', 'GET', '/selections/{selectionId}/events', 'selectionId', SELECTION],
  ['authorized-operation', 'GET', '/authorizations/{authorizationId}', 'authorizationId', AUTHORIZATION],
  ['authorized-operation', 'GET', '/authorizations/{authorizationId}/events', 'authorizationId', AUTHORIZATION],
  ['authorized-operation', 'GET', '/authorizations/{authorizationId}/pricing', 'authorizationId', AUTHORIZATION],
  ['authorized-operation', 'GET', '/authorizations/{authorizationId}/annual-reports', 'authorizationId', AUTHORIZATION],
  ['authorized-operation', 'GET', '/data-access-requests/{requestId}', 'requestId', DATA_ACCESS],
  ['authorized-operation', 'GET', '/data-access-requests/{requestId}/events', 'requestId', DATA_ACCESS],
  ['authorized-operation', 'GET', '/products/{productId}', 'productId', PRODUCT],
  ['authorized-operation', 'GET', '/products/{productId}/events', 'productId', PRODUCT],
];

/** The field error every such 404 carries. */
const notFoundAt = (param: string, kind: { zh: string; en: string }, id: string) => ({
  pointer: `/path/${param}`,
  code: 'NOT_FOUND',
  message: { zh: `没有该${kind.zh}：${id}`, en: `There is no ${kind.en} ${id}` },
});

describe('an id of the path that names nothing the caller may see', () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  let sbx: TestSandbox;
  beforeAll(async () => {
    mock = await startMock(defaultPlatforms());
    sbx = await openSandbox(mock, { profile: 'national', seed: 11, reviewerPolicy: { mode: 'manual' } });
  });
  afterAll(() => mock.close());

  /** An objection in a valid body: the notice is the only thing wrong with it. */
  const objection = () => {
    const org = sbx.org('map-tech');
    return { objector: { kind: 'organization', creditCode: org.creditCode, name: org.name }, text: '该数据由我单位采集。', evidence: [{ name: '合同.pdf', mediaType: 'application/pdf', digest: `sha256:${'ab'.repeat(32)}`, size: 1024 }] };
  };

  it.each(ROWS)('%s %s %s: 404 at /path/%s', async (platform, method, template, param, kind) => {
    const path = template.replace(`{${param}}`, ID).replace('{fileName}', 'data.csv');
    const options = method === 'POST' ? { body: objection(), headers: { 'idempotency-key': `k-${ID}` } } : {};
    const reply: Reply = await sbx.on(platform, method, path, { as: sbx.org('map-tech'), ...options });
    expectReply(platform, reply, method, template, 404);
    expect(reply.body.code).toBe('NOT_FOUND');
    expect(reply.body.errors).toEqual([notFoundAt(param, kind, ID)]);
  });

  it("a third party's objection (simulation API) naming an unknown notice points at the body's /noticeId", async () => {
    const reply = await sbx.sim('POST', '/objections', { kind: 'notice', noticeId: ID, ...objection() });
    expectReply('simulation', reply, 'POST', '/sandboxes/{sandboxId}/objections', 404);
    expect(reply.body.errors).toEqual([{ ...notFoundAt('noticeId', NOTICE, ID), pointer: '/noticeId' }]);
  });

  it('a dataset without the file asked for points at /path/fileName; one without a data interface at /path/datasetId', async () => {
    const open = sbx.seed.datasets.filter((d) => d.openingType === 'open');
    const dataset = open[0]!;
    const file = await sbx.on('open-data', 'GET', `/datasets/${dataset.id}/files/${ID}.csv`);
    expectContract('open-data', 'getDatasetFile', file, 404);
    expect(file.body.errors).toEqual([notFoundAt('fileName', { zh: '数据文件', en: 'file' }, `${ID}.csv`)]);
    const withoutApi = open.find((d) => !d.api);
    expect(withoutApi, 'the seed has an open dataset without a data interface').toBeDefined();
    const records = await sbx.on('open-data', 'GET', `/datasets/${withoutApi!.id}/records`);
    expectContract('open-data', 'listDatasetRecords', records, 404);
    expect(records.body.errors).toEqual([
      { pointer: '/path/datasetId', code: 'NOT_FOUND', message: { zh: `数据集 ${withoutApi!.id} 不提供数据接口`, en: `Dataset ${withoutApi!.id} offers no data interface` } },
    ]);
  });

  it("another organisation's grant is answered as an unknown one; a spot check the caller's grant does not have points at /path/spotCheckId", async () => {
    const world = await openWorld(mock);
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' });
    const stranger = { as: world.org('map-tech') };
    const foreign = await world.openData('GET', `/grants/${grant.id}`, stranger);
    const unknown = await world.openData('GET', `/grants/${ID}`, stranger);
    expectContract('open-data', 'getGrant', foreign, 404);
    // The same answer but for the id it names (and the request's own id): nothing tells that it exists.
    const sameButId = ({ requestId: _r, instance: _i, ...body }: Record<string, unknown>, id: string) => JSON.stringify(body).replaceAll(id, '<id>');
    expect(sameButId(foreign.body, grant.id)).toBe(sameButId(unknown.body, ID));

    const answer = await world.openData('POST', `/grants/${grant.id}/spot-checks/${ID}/answer`, { as: world.org(APPLICANT), body: { text: '已提供调用日志。' } });
    expectContract('open-data', 'answerSpotCheck', answer, 404);
    expect(answer.body.errors).toEqual([notFoundAt('spotCheckId', { zh: '抽查', en: 'spot check' }, ID)]);
  });
});
