import { describe, expect, it } from 'vitest';
import { runConformance, type Report } from '../../src/index.js';
import { faultyFetch, type MockFault } from './support/faulty-mock.js';
import { createTargetSandbox, inProcessMock, KNOWN_MOCK_DEFECTS, SIM_URL } from './support/mock.js';

async function runAgainst(fault: MockFault, include: string[]): Promise<Report> {
  const fetch = faultyFetch(inProcessMock().fetch, fault);
  const target = await createTargetSandbox(fetch, SIM_URL);
  return runConformance({
    baseUrl: target.baseUrl, organizations: target.organizations, simulationUrl: SIM_URL, sandboxId: target.sandbox.id, seed: 1, fetch,
    include, exclude: Object.keys(KNOWN_MOCK_DEFECTS),
  });
}

const failedIds = (report: Report) => report.results.filter((r) => r.status === 'failed').map((r) => r.id);

describe('proof the kit can fail: the real mock with one defect fails exactly the matching checks', () => {
  it('a 4 WD acceptance limit fails the acceptance deadline checks only', async () => {
    const report = await runAgainst('acceptance-4wd', ['REG-*']);
    // REG-CHANGE-01: a change application has the same 3 WD acceptance step.
    expect(failedIds(report)).toEqual(['REG-ACCEPT-01', 'REG-ACCEPT-02', 'REG-ACCEPT-03', 'REG-CHANGE-01']);
    const failure = report.results.find((r) => r.id === 'REG-ACCEPT-01')?.failures[0];
    expect(failure?.expected).toMatchObject({ limit: 3, dueDate: '2025-09-30' });
    expect(failure?.actual).toMatchObject({ limit: 4, dueDate: '2025-10-09' });
  });

  it.each<[MockFault, string[], string[]]>([
    // REG-OBJECTION-03 too: with the clock stopped, the notice has not ended when the kit expects it.
    ['objection-pauses-notice', ['REG-*'], ['REG-OBJECTION-02', 'REG-OBJECTION-03']],
    // REG-RENEW-01 still passes: it counts its window back from whatever expiry the registration states (or the end 民法典 203 moved).
    ['validity-2y', ['REG-RENEW-*', 'REG-VALIDITY-*'], ['REG-VALIDITY-01', 'REG-RENEW-02']],
    ['new-resource-30wd', ['CAT-*'], ['CAT-OBLIG-03']],
    ['reclassification-unreviewed', ['CAT-*'], ['CAT-RECLASS-01']],
    ['sharing-type-dispute-off', ['CAT-*'], ['CAT-DISPUTE-01']],
    ['usage-report-60d', ['ODP-*'], ['ODP-USAGE-02']],
    // AOP-XREG-01 too: a listed product's registration is due under the registration platform's own rule.
    ['initial-filing-21wd', ['REG-*', 'AOP-X*'], ['REG-FILING-01', 'AOP-XREG-01']],
    ['rules-in-force-april', ['REG-*'], ['REG-FILING-02']],
    ['sharing-compliance-4wd', ['SHR-*'], ['SHR-COMPLIANCE-01']],
    ['sharing-compliance-skipped', ['SHR-*'], ['SHR-COMPLIANCE-01', 'SHR-COMPLIANCE-02']],
  ])('the profile fault %s fails exactly its checks', async (fault, include, failed) => {
    expect(failedIds(await runAgainst(fault, include))).toEqual(failed);
  });

  it.each<[MockFault, string[], string[]]>([
    // AOP-PLAN-02 too: past the 30th working day the plan is not overdue yet; AOP-PLAN-05 too: a
    // change takes the plan's limit when the profile sets none of its own.
    ['plan-deliberation-31wd', ['AOP-*'], ['AOP-PLAN-01', 'AOP-PLAN-02', 'AOP-PLAN-05']],
    ['plan-change-borrows-plan-limit', ['AOP-PLAN-*'], ['AOP-PLAN-05']],
    ['plan-filing-11wd', ['AOP-PLAN-*', 'AOP-SEL-*'], ['AOP-PLAN-03']],
    ['tender-19d', ['AOP-*'], ['AOP-SEL-01']],
    ['agreement-deliberation-21wd', ['AOP-SEL-*', 'AOP-TERM-*'], ['AOP-SEL-02']],
    ['qualification-review-21wd', ['AOP-SEL-*', 'AOP-TERM-*'], ['AOP-SEL-03']],
    ['compliance-review-6wd', ['AOP-PRODUCT-*', 'AOP-XREG-*'], ['AOP-PRODUCT-01']],
    ['disclosure-21wd', ['AOP-DISCLOSE-*', 'AOP-XREG-*'], ['AOP-DISCLOSE-01']],
    ['operator-disclosure-7m', ['AOP-DISCLOSE-*', 'AOP-XREG-*'], ['AOP-DISCLOSE-02']],
    ['status-report-4m', ['AOP-STATUS-*', 'AOP-DISCLOSE-*', 'AOP-ACCESS-*'], ['AOP-STATUS-01']],
    ['rectification-31d', ['AOP-RECT-*', 'AOP-TERM-*'], ['AOP-RECT-01']],
    ['data-access-10wd', ['AOP-ACCESS-*', 'AOP-X*'], ['AOP-ACCESS-01']],
    ['consent-unchecked', ['AOP-X*'], ['AOP-XSHR-01']],
    ['catalog-unchecked', ['AOP-X*'], ['AOP-XCAT-01']],
    ['formal-fees-any-time', ['AOP-FORMAL-*', 'AOP-REPORT-*'], ['AOP-FORMAL-01']],
    ['report-never-late', ['AOP-FORMAL-*', 'AOP-REPORT-*'], ['AOP-REPORT-01']],
    ['disclosure-never-overdue', ['AOP-DISCLOSE-*', 'AOP-REPORT-*'], ['AOP-DISCLOSE-01']],
    ['ceiling-report-never-overdue', ['AOP-DISCLOSE-*', 'AOP-REPORT-*'], ['AOP-REPORT-03']],
    ['ceiling-report-11wd', ['AOP-REPORT-*', 'AOP-FORMAL-*'], ['AOP-REPORT-03']],
    ['report-by-anyone', ['AOP-FORMAL-*', 'AOP-REPORT-*'], ['AOP-REPORT-02']],
    ['formal-fees-by-anyone', ['AOP-FORMAL-*', 'AOP-REPORT-*'], ['AOP-FORMAL-02']],
    // AOP-PRICE-03 too: its example at the cap has 9,691,350.95 分 of return.
    ['return-truncated', ['AOP-PRICE-*'], ['AOP-PRICE-02', 'AOP-PRICE-03']],
    ['deviation-by-rounded-bp', ['AOP-PRICE-*'], ['AOP-PRICE-04']],
    // Every worked example has a tax; only AOP-PRICE-05's has a carry-over.
    ['mar-without-tax', ['AOP-PRICE-*'], ['AOP-PRICE-01', 'AOP-PRICE-02', 'AOP-PRICE-03', 'AOP-PRICE-04', 'AOP-PRICE-05']],
    ['carry-over-ignored', ['AOP-PRICE-*'], ['AOP-PRICE-05']],
    // AOP-TERM-01 reads the cap off the authorization; AOP-TERM-02's 6-year term is then signed.
    ['term-cap-6y', ['AOP-TERM-*'], ['AOP-TERM-01', 'AOP-TERM-02']],
    ['sandbox-leak', ['AOP-ISO-*'], ['AOP-ISO-02']],
    ['rules-valid-a-day-longer', ['AOP-RULES-*', 'AOP-ACCESS-*'], ['AOP-RULES-01']],
    ['plans-optional', ['AOP-PLAN-*', 'AOP-SEL-*'], ['AOP-PLAN-04']],
  ])('the authorized-operation fault %s fails exactly its checks', async (fault, include, failed) => {
    expect(failedIds(await runAgainst(fault, include))).toEqual(failed);
  });

  it('the truncated return is reported with the exact half-up figures', async () => {
    const failure = (await runAgainst('return-truncated', ['AOP-PRICE-02'])).results[0]?.failures[0];
    expect(failure?.expected).toMatchObject({ returnFen: 8_024_686, marFen: 132_715_953 });
    expect(failure?.actual).toMatchObject({ returnFen: 8_024_685, marFen: 132_715_952 });
  });

  it('a usage-report period shown ending on its due date moved off a rest day fails ODP-USAGE-02 only', async () => {
    const report = await runAgainst('usage-period-at-due', ['ODP-*']);
    expect(failedIds(report)).toEqual(['ODP-USAGE-02']);
    expect(report.results.find((r) => r.id === 'ODP-USAGE-02')?.failures[0]).toMatchObject({
      expected: { periodEnd: '2026-02-01', dueDate: '2026-02-02' },
      actual: { periodEnd: '2026-02-02', dueDate: '2026-02-02' },
    });
  });

  it("another organisation's object answering 200 fails the read-isolation checks only", async () => {
    const report = await runAgainst('leak', ['CON-*', 'SEC-*', 'IDEM-*', 'ISO-*', 'AOP-ISO-*']);
    expect(failedIds(report)).toEqual(['ISO-404-01', 'ISO-404-02', 'AOP-ISO-01']);
  });

  it('a refused role answering 201 fails the role check only', async () => {
    const report = await runAgainst('roles-unchecked', ['SEC-*', 'IDEM-*', 'ISO-*']);
    expect(failedIds(report)).toEqual(['SEC-ROLE-01']);
    expect(report.results.find((r) => r.id === 'SEC-ROLE-01')?.failures[0]?.actual).toMatch(/^201/);
  });

  it('bad input refused with 403 FORBIDDEN fails the invalid-input checks: a refusal that says nothing about the input', async () => {
    const report = await runAgainst('bad-input-forbidden', ['CON-INPUT-REG-*', 'CON-INPUT-CAT-createEntry']);
    expect(failedIds(report)).toEqual(['CON-INPUT-REG-submitApplication', 'CON-INPUT-REG-resubmitApplication', 'CON-INPUT-REG-renewRegistration', 'CON-INPUT-REG-objectToPublicNotice', 'CON-INPUT-CAT-createEntry']);
    expect(report.results.find((r) => r.id === 'CON-INPUT-REG-submitApplication')?.failures[0]).toMatchObject({
      message: expect.stringMatching(/^POST \/applications with not_json \(POST http:\/\/mock\.test\/sandboxes\/\w+\/registration\/v1\/applications\): status$/),
      expected: '400 application/problem+json VALIDATION_FAILED',
      actual: '403 application/problem+json FORBIDDEN',
    });
  });

  it('a validation refusal without field errors fails, naming the field it should point at', async () => {
    const report = await runAgainst('bad-input-unpointed', ['CON-INPUT-REG-submitApplication']);
    expect(report.results[0]?.failures[0]).toMatchObject({
      message: expect.stringMatching(/^POST \/applications with missing_required \/\w+ \(POST http:\/\/\S+\/registration\/v1\/applications\): the problem points at the field$/), expected: expect.stringMatching(/^\/\w+$/), actual: [],
    });
  });

  it("an interested party's correction refused without the error at /consent fails REG-CORRECT-02", async () => {
    const report = await runAgainst('bad-input-unpointed', ['REG-CORRECT-02']);
    expect(failedIds(report)).toEqual(['REG-CORRECT-02']);
    expect(report.results[0]?.failures[0]).toMatchObject({ message: expect.stringMatching(/the problem points at the field$/), expected: '/consent', actual: [] });
  });

  it.each<[MockFault, string[]]>([
    ['bad-input-unpointed', []],
    ['bad-input-mispointed', ['']],
  ])("a sharing-type dispute without reasons refused by the simulation API with %s fails CAT-DISPUTE-01, naming /reasons", async (fault, pointers) => {
    const report = await runAgainst(fault, ['CAT-DISPUTE-01']);
    expect(failedIds(report)).toEqual(['CAT-DISPUTE-01']);
    expect(report.results[0]?.failures).toEqual([{
      message: expect.stringMatching(/^a dispute without written reasons \(POST http:\/\/\S+\/_sim\/v1\/sandboxes\/[^/]+\/actions\): the problem points at the field$/), expected: '/reasons', actual: pointers,
    }]);
  });

  it("a platform that answers a command to an object before reading its body fails every item path's invalid-input check: each is sent to a real object, listed, created or driven by a workflow", async () => {
    const report = await runAgainst('item-body-unread', ['CON-INPUT-*']);
    expect(failedIds(report)).toEqual([
      'CON-INPUT-REG-resubmitApplication', 'CON-INPUT-REG-renewRegistration', 'CON-INPUT-REG-objectToPublicNotice',
      'CON-INPUT-SHR-disputeRequest',
      'CON-INPUT-ODP-submitUsageReport', 'CON-INPUT-ODP-answerSpotCheck',
      'CON-INPUT-CAT-updateEntry', 'CON-INPUT-CAT-submitEntry', 'CON-INPUT-CAT-proposeEntryChange', 'CON-INPUT-CAT-reclassifyEntry', 'CON-INPUT-CAT-answerSharingTypeDispute', 'CON-INPUT-CAT-withdrawEntry',
      'CON-INPUT-AOP-submitPlan', 'CON-INPUT-AOP-proposePlanChange', 'CON-INPUT-AOP-submitBid',
      'CON-INPUT-AOP-reportRectification', 'CON-INPUT-AOP-fileSuspensionFeedback', 'CON-INPUT-AOP-discloseAuthorization', 'CON-INPUT-AOP-discloseOperation', 'CON-INPUT-AOP-reportStatus', 'CON-INPUT-AOP-requestTermination', 'CON-INPUT-AOP-applyForFormalFees', 'CON-INPUT-AOP-reportCeilings', 'CON-INPUT-AOP-submitAnnualReport',
      'CON-INPUT-AOP-reportDataAccessAgreement', 'CON-INPUT-AOP-submitProduct', 'CON-INPUT-AOP-setActualFee', 'CON-INPUT-AOP-withdrawProduct',
    ]);
    expect(report.results.find((r) => r.id === 'CON-INPUT-CAT-submitEntry')?.failures[0]).toMatchObject({
      message: expect.stringMatching(/^POST \/entries\/\{entryId\}\/submissions with not_json \(POST http:\/\/\S+\/catalog\/v1\/entries\/ent_\w+\/submissions\): status$/),
      expected: '400 application/problem+json VALIDATION_FAILED',
      actual: expect.stringMatching(/^200 /),
    });
    // The application is created by the sandbox's first registrant (the first organisation answers 403 requiredRole registrant).
    expect(report.results.find((r) => r.id === 'CON-INPUT-REG-resubmitApplication')?.failures[0]?.message).toMatch(/\/registration\/v1\/applications\/rga_\w+\/resubmissions\): status$/);
    // Objects only a workflow creates are driven in a sandbox of their own: a registration coded after its quiet public notice, a spot check of a grant.
    expect(report.results.find((r) => r.id === 'CON-INPUT-REG-renewRegistration')?.failures[0]).toMatchObject({
      message: expect.stringMatching(/^POST \/registrations\/\{registrationId\}\/renewals with not_json \(POST http:\/\/\S+\/sandboxes\/\w+\/registration\/v1\/registrations\/reg_\w+\/renewals\): status$/),
      actual: expect.stringMatching(/^200 /),
    });
    expect(report.results.find((r) => r.id === 'CON-INPUT-ODP-answerSpotCheck')?.failures[0]?.message).toMatch(/\/open-data\/v1\/grants\/odg_\w+\/spot-checks\/osc_\w+\/answer\): status$/);
  });

  it('without the simulation API an object only a workflow creates is out of reach: its invalid-input check sends an unknown id and accepts the 404, as its title says', async () => {
    const fetch = faultyFetch(inProcessMock().fetch, 'item-body-unread');
    const target = await createTargetSandbox(fetch, SIM_URL);
    const report = await runConformance({
      baseUrl: target.baseUrl, organizations: target.organizations, seed: 1, fetch, include: ['CON-INPUT-REG-resubmitApplication', 'CON-INPUT-REG-renewRegistration'],
    });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['CON-INPUT-REG-resubmitApplication', 'failed'], ['CON-INPUT-REG-renewRegistration', 'passed']]);
    expect(report.results[1]?.title).toMatch(/without --sim-url: an unknown id, a 404 accepted\)$/);
    expect(report.results[0]?.title).not.toMatch(/sim-url/);
  });

  it("a platform that judges an object's state before a command's body passes the item paths' invalid-input checks: a 409 problem there is a legal order", async () => {
    const report = await runAgainst('item-state-first', ['CON-INPUT-REG-resubmitApplication', 'CON-INPUT-CAT-*']);
    expect(failedIds(report)).toEqual([]);
    expect(report.results.filter((r) => r.status === 'passed').map((r) => r.id)).toEqual(expect.arrayContaining(['CON-INPUT-REG-resubmitApplication', 'CON-INPUT-CAT-submitEntry', 'CON-INPUT-CAT-updateEntry']));
  });

  it('a terminal application that takes a resubmission fails the illegal-transition check, naming the request', async () => {
    const report = await runAgainst('transitions-unchecked', ['REG-ACCEPT-*', 'REG-ILLEGAL-*']);
    expect(failedIds(report)).toEqual(['REG-ILLEGAL-01']);
    const failure = report.results.find((r) => r.id === 'REG-ILLEGAL-01')?.failures[0];
    expect(failure?.message).toMatch(/^resubmitting a not_accepted application \(POST http:\/\/\S+\/registration\/v1\/applications\/\S+\/resubmissions\): status/);
    expect(failure).toMatchObject({ expected: '409 application/problem+json ILLEGAL_TRANSITION', actual: expect.stringMatching(/^200 /) });
  });

  it('bad input answering 500 fails the invalid-input checks (and the objection rules), nothing else', async () => {
    const report = await runAgainst('crash-on-bad-input', ['CON-*', 'SEC-*', 'IDEM-*', 'ISO-*', 'REG-NOTICE-01']);
    const inputChecks = report.results.filter((r) => r.id.startsWith('CON-INPUT-')).map((r) => r.id);
    expect(inputChecks.length).toBeGreaterThan(10);
    expect(failedIds(report)).toEqual([...inputChecks, 'REG-NOTICE-01']);
    expect(report.results.find((r) => r.id === 'CON-INPUT-REG-submitApplication')?.failures[0]?.actual).toBe('500 application/problem+json INTERNAL');
  });
});
