// What a submission must state consistently beyond its schema: the rights term (223号 法律属性)
// and its registrants (第七条). A refused submission stores nothing.
import { describe, expect, it } from 'vitest';
import { Harness, idem, initialSubmission, type Org, useHarness } from './harness.js';

// 2025-09-26 Friday, 23:30 Shanghai: still 15:30 UTC of the same day.
const start = useHarness({ profile: 'national', startAt: '2025-09-26T23:30:00+08:00' });

const withTerm = (org: Org, from: string, to: string) => {
  const body = initialSubmission(org, to);
  (body['rights'] as { term: { from: string } }).term.from = from;
  return body;
};

async function refused(x: Harness, org: Org, body: Record<string, unknown>, pointer: string, code: string) {
  const r = await x.call(org, 'POST', '/applications', {}, body, idem());
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer, code, message: { zh: expect.any(String), en: expect.any(String) } }] });
}

/** Registers an initial application by the clock (accept, pass, the notice ends). */
async function registered(x: Harness, org: Org): Promise<string> {
  const r = await x.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
  await x.act('application', r.body.id, 'accept');
  const passed = await x.act('application', r.body.id, 'approve_review');
  await x.advance(passed.body.object.deadline.dueAt);
  return (await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: r.body.id })).body.registrationId;
}

describe('rights term (223号 法律属性: 权利期限)', () => {
  it('refuses a term that ends before it starts, or already ended on the (Shanghai) day of receipt, pointing at /rights/term/to; nothing is stored', async () => {
    const x = await start();
    const org = x.org(0);
    await refused(x, org, withTerm(org, '2030-01-01', '2025-01-01'), '/rights/term/to', 'TERM_ENDS_BEFORE_START');
    await refused(x, org, withTerm(org, '2020-01-01', '2021-01-01'), '/rights/term/to', 'TERM_ALREADY_ENDED');
    await refused(x, org, withTerm(org, '2020-01-01', '2025-09-25'), '/rights/term/to', 'TERM_ALREADY_ENDED');
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(0);
    // A term ending today (Shanghai, though UTC is still on the same day here) or a one-day term is a term.
    const today = await x.call(org, 'POST', '/applications', {}, withTerm(org, '2025-09-26', '2025-09-26'), idem());
    expect(today.status, JSON.stringify(today.body)).toBe(201);
  });

  it('checks change and correction applications and resubmitted rights too; a cancellation may rest on a term that ran out', async () => {
    const x = await start();
    const org = x.org(0);
    const registrationId = await registered(x, org);
    const rights = (from: string, to: string) => withTerm(org, from, to)['rights'];
    const base = { registrants: [{ creditCode: org.creditCode, name: org.name }], registrationId };
    await refused(x, org, { ...base, type: 'change', changeDescription: '延长期限', rights: rights('2026-01-01', '2025-12-31') }, '/rights/term/to', 'TERM_ENDS_BEFORE_START');
    await refused(x, org, { ...base, type: 'correction', changeDescription: '更正期限', rights: rights('2020-01-01', '2021-01-01') }, '/rights/term/to', 'TERM_ALREADY_ENDED');
    const cancellation = { ...base, type: 'cancellation', cancellation: { ground: 'rights_ended', description: '授权运营期限届满。' } };
    await refused(x, org, { ...cancellation, rights: rights('2026-01-01', '2021-01-01') }, '/rights/term/to', 'TERM_ENDS_BEFORE_START');
    const ended = await x.call(org, 'POST', '/applications', {}, { ...cancellation, rights: rights('2020-01-01', '2021-01-01') }, idem());
    expect(ended.status, JSON.stringify(ended.body)).toBe(201);

    const app = (await x.call(org, 'POST', '/applications', {}, initialSubmission(org), idem())).body;
    await x.act('application', app.id, 'request_supplements', { items: [{ field: '/rights', text: '缺少权利期限' }] });
    const again = await x.call(org, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: app.id }, { changes: { rights: rights('2020-01-01', '2021-01-01') } }, idem());
    expect(again.status, JSON.stringify(again.body)).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ pointer: '/changes/rights/term/to', code: 'TERM_ALREADY_ENDED' });
    expect((await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: app.id })).body).toMatchObject({ state: 'supplement_required' });
  });
});

describe('registrants (第七条)', () => {
  it('refuses the same registrant listed twice, pointing at the repeated entry', async () => {
    const x = await start();
    const org = x.org(0);
    const body = { ...initialSubmission(org), registrants: [{ creditCode: org.creditCode, name: org.name }, { creditCode: org.creditCode, name: `${org.name}（重复）` }] };
    await refused(x, org, body, '/registrants/1/creditCode', 'DUPLICATE_REGISTRANT');
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(0);
  });

  it('points at every repeated entry, in order, and at a wrong check character', async () => {
    const x = await start();
    const org = x.org(0);
    const again = (n: number) => ({ creditCode: org.creditCode, name: `${org.name}（重复 ${n}）` });
    const repeated = await x.call(org, 'POST', '/applications', {}, { ...initialSubmission(org), registrants: [{ creditCode: org.creditCode, name: org.name }, again(1), again(2)] }, idem());
    expect(repeated.status, JSON.stringify(repeated.body)).toBe(400);
    expect(repeated.body.errors).toEqual([
      { pointer: '/registrants/1/creditCode', code: 'DUPLICATE_REGISTRANT', message: { zh: '登记主体重复：与第 1 个登记主体的统一社会信用代码相同', en: 'Duplicate registrant: the same credit code as registrant 1' } },
      { pointer: '/registrants/2/creditCode', code: 'DUPLICATE_REGISTRANT', message: { zh: '登记主体重复：与第 1 个登记主体的统一社会信用代码相同', en: 'Duplicate registrant: the same credit code as registrant 1' } },
    ]);
    const wrong = `${org.creditCode.slice(0, 17)}${org.creditCode.endsWith('0') ? '1' : '0'}`;
    await refused(x, org, { ...initialSubmission(org), registrants: [{ creditCode: org.creditCode, name: org.name }, { creditCode: wrong, name: '校验位错误' }] }, '/registrants/1/creditCode', 'CREDIT_CODE_CHECKSUM');
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(0);
  });
});

describe('what a change or correction changes (26号 第九条(二)、(三))', () => {
  it('refuses one that states nothing to change (400 NOTHING_TO_CHANGE at /changeDescription), storing nothing; any stated change is taken', async () => {
    const x = await start();
    const org = x.org(0);
    const registrationId = await registered(x, org);
    const base = { registrants: [{ creditCode: org.creditCode, name: org.name }], registrationId };
    const before = (await x.call(org, 'GET', '/applications')).body.total;
    for (const type of ['change', 'correction']) {
      await refused(x, org, { ...base, type }, '/changeDescription', 'NOTHING_TO_CHANGE');
      await refused(x, org, { ...base, type, changeDescription: ' \u3000 ' }, '/changeDescription', 'NOTHING_TO_CHANGE');
    }
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(before);
    const other = x.org(1);
    for (const body of [
      { ...base, type: 'change', changeDescription: '数据更新频率由每月改为每周。' },
      { ...base, type: 'correction', resource: { name: '公共交通客流数据产品', summary: '更正：按线路、站点汇总。' } },
      { ...base, type: 'change', registrants: [...base.registrants, { creditCode: other.creditCode, name: other.name }] },
    ]) {
      const r = await x.call(org, 'POST', '/applications', {}, body, idem());
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  });
});
