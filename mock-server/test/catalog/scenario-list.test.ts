// The application-scenario condition of an on_application resource (厦门 第二十四条(一): "明确开放数据
// 仅限于特定场景使用，或者禁止用于特定场景"): the provider states the scenarios allowed and denied in the
// catalog; the open-data platform shows them on the dataset's scenario_list condition and holds
// applications to them.
import { describe, expect, it } from 'vitest';
import { createOpenDataPlatform } from '../../src/platforms/open-data/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { applicationBy } from '../open-data/fixtures.js';
import { expectContract } from '../support/contract.js';
import { act, entryContent, expectCatalog, submit, useCatalogMock } from './workflow-harness.js';
import { sharedContract } from '../../src/app/shared-contracts.js';

const scenarioList = { allowed: ['车辆保险定价', '交通规划研究'], denied: ['个人征信'] };
const opening = { type: 'on_application', conditions: ['scenario_list'], scenarioList };

describe('the scenario lists of an on_application resource', () => {
  const ctx = useCatalogMock(undefined, {}, () => [createOpenDataPlatform({ spec: sharedContract('open-data'), seedData: seedDataOf })]);

  it('go with the scenario_list condition only, and name no scenario both allowed and denied: else 400 at the field, nothing stored', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const total = async () => (await ctx.call('GET', `${sbx.catalog}/entries`, { as: me })).body.total;
    const before = await total();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ type: 'on_application', conditions: ['credit_status'], scenarioList }, '/opening/scenarioList', 'SCENARIO_LIST_WITHOUT_CONDITION'],
      [{ type: 'open', scenarioList }, '/opening/scenarioList', 'SCENARIO_LIST_WITHOUT_CONDITION'],
      [{ ...opening, scenarioList: { allowed: ['交通规划研究'], denied: ['个人征信', '交通规划研究'] } }, '/opening/scenarioList/denied/1', 'SCENARIO_ALLOWED_AND_DENIED'],
    ];
    for (const [attribute, pointer, code] of cases) {
      const reply = await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('应用场景名单测试资源'), opening: attribute } });
      expectCatalog(reply, 'POST', '/entries', 400);
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer, code })]);
    }
    expect(await total()).toBe(before);
  });

  it('show on the dataset, and an application for a denied or unlisted scenario answers 400 SCENARIO_NOT_ALLOWED at /scenario/name, nothing stored', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('应用场景名单测试资源'), opening } }), 'POST', '/entries', 201);
    expect(draft.content.opening).toEqual(opening);
    await submit(ctx, sbx, me, draft.id);
    expect((await act(ctx, sbx, draft.id, 'publish')).status).toBe(200);
    const [dataset] = (await ctx.call('GET', `${sbx.base('open-data')}/datasets?q=${encodeURIComponent('应用场景名单测试资源')}`)).body.items;
    expect(dataset.conditions).toEqual([{ kind: 'scenario_list', description: expect.any(String), allowedScenarios: scenarioList.allowed, deniedScenarios: scenarioList.denied }]);

    const applicant = sbx.organizations.find((o) => o.roles.includes('applicant'))!;
    const application = (name: string) =>
      applicationBy(applicant, { id: dataset.id, openingConditions: ['scenario_list'] }, { deliveryMethod: 'file', scenario: { name, description: '场景说明' } });
    const applications = `${sbx.base('open-data')}/applications`;
    for (const [name, text] of [['个人征信', '禁止用于'], ['企业营销', '仅限于']]) {
      const refused = await ctx.call('POST', applications, { as: applicant, body: application(name!) });
      expectContract('open-data', 'submitApplication', refused, 400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/scenario/name', code: 'SCENARIO_NOT_ALLOWED', message: { zh: expect.stringContaining(text!) } }] });
    }
    expect((await ctx.call('GET', applications, { as: applicant })).body.total).toBe(0);
    const submitted = await ctx.call('POST', applications, { as: applicant, body: application('车辆保险定价') });
    expectContract('open-data', 'submitApplication', submitted, 201);
    expect(submitted.body.state).toBe('initial_review');
  });

  it('compare scenario names trimmed and NFKC-normalised: a padded or full-width variant of a denied name is denied, of an allowed one allowed', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const lists = { type: 'on_application', conditions: ['scenario_list'], scenarioList: { allowed: ['AI训练', '商业营销', '交通规划研究'], denied: ['商业营销 '] } };
    // A name allowed and denied as two spellings of itself is still both.
    const both = expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('应用场景名称比较测试资源'), opening: lists } }), 'POST', '/entries', 400);
    expect(both.errors).toEqual([expect.objectContaining({ pointer: '/opening/scenarioList/denied/0', code: 'SCENARIO_ALLOWED_AND_DENIED' })]);

    const stated = { ...lists, scenarioList: { allowed: ['AI训练', '交通规划研究'], denied: ['商业营销'] } };
    const draft = expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('应用场景名称比较测试资源'), opening: stated } }), 'POST', '/entries', 201);
    await submit(ctx, sbx, me, draft.id);
    expect((await act(ctx, sbx, draft.id, 'publish')).status).toBe(200);
    const [dataset] = (await ctx.call('GET', `${sbx.base('open-data')}/datasets?q=${encodeURIComponent('应用场景名称比较测试资源')}`)).body.items;
    const applicant = sbx.organizations.find((o) => o.roles.includes('applicant'))!;
    const application = (name: string) =>
      applicationBy(applicant, { id: dataset.id, openingConditions: ['scenario_list'] }, { deliveryMethod: 'file', scenario: { name, description: '场景说明' } });
    const applications = `${sbx.base('open-data')}/applications`;
    for (const name of [' 商业营销', '商业营销 ', '\u3000商业营销\t']) {
      const refused = await ctx.call('POST', applications, { as: applicant, body: application(name) });
      expectContract('open-data', 'submitApplication', refused, 400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/scenario/name', code: 'SCENARIO_NOT_ALLOWED', message: { zh: expect.stringContaining('禁止用于') } }] });
    }
    expect((await ctx.call('GET', applications, { as: applicant })).body.total).toBe(0);
    for (const name of [' 交通规划研究 ', 'ＡＩ训练']) {
      expectContract('open-data', 'submitApplication', await ctx.call('POST', applications, { as: applicant, body: application(name) }), 201);
    }
  });
});
