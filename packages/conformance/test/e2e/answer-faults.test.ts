import { describe, expect, it } from 'vitest';
import { runConformance, type Report } from '../../src/index.js';
import { corruptingFetch, type Corruption } from './support/corrupting-fetch.js';
import { createTargetSandbox, inProcessMock, SIM_URL } from './support/mock.js';

async function runAgainst(corruption: Corruption, include: string[]): Promise<Report> {
  const fetch = corruptingFetch(inProcessMock().fetch, corruption);
  const target = await createTargetSandbox(fetch, SIM_URL);
  return runConformance({
    baseUrl: target.baseUrl, organizations: target.organizations, simulationUrl: SIM_URL, sandboxId: target.sandbox.id, seed: 1, fetch, include,
  });
}

const byStatus = (report: Report, status: string) => report.results.filter((r) => r.status === status);
const messages = (report: Report) => byStatus(report, 'failed').map((r) => `${r.id}: ${r.failures.map((f) => f.message).join(' | ')}`);

describe('a broken lookup fails the workflow checks that need it, never skips them', () => {
  it('a search answering 503 fails every sharing, plan and open-data check, naming the request and status', async () => {
    const report = await runAgainst('search-503', ['SHR-*', 'AOP-PLAN-*', 'ODP-INIT-*']);
    expect(report.ok).toBe(false);
    expect(byStatus(report, 'skipped').map((r) => r.id)).toEqual([]);
    const failure = report.results.find((r) => r.id === 'SHR-REVIEW-01')?.failures[0];
    expect(failure?.message).toMatch(/GET http:\/\/\S+\/catalog\/v1\/search\?sharingType=conditional/);
    expect(failure?.message).toContain('searchEntries');
    expect(String(failure?.actual)).toContain('503 application/problem+json SERVICE_UNAVAILABLE');
  });

  it('an empty search in a sandbox the kit created fails: its seed data must hold the entry', async () => {
    const report = await runAgainst('empty-search', ['SHR-REVIEW-01', 'ODP-INIT-01', 'AOP-PLAN-01']);
    expect(byStatus(report, 'skipped')).toEqual([]);
    expect(messages(report)).toEqual([
      expect.stringMatching(/^SHR-REVIEW-01: GET \/catalog\/v1\/search lists no conditional catalog entry .* in a sandbox the kit created/),
      expect.stringMatching(/^ODP-INIT-01: GET \/open-data\/v1\/datasets lists no open-data item/),
      expect.stringMatching(/^AOP-PLAN-01: GET \/catalog\/v1\/search lists no published catalog entry 1/),
    ]);
  });
});

describe('the answers to the commands workflow checks send are held to their schemas', () => {
  it("a command's 200 without the required state fails, naming the request, operation, pointer and rule", async () => {
    const report = await runAgainst('command-without-state', ['REG-ACCEPT-03', 'CAT-REVIEW-01']);
    expect(messages(report)).toEqual([
      expect.stringMatching(/^REG-ACCEPT-03: the command \(POST \S+\/registration\/v1\/applications\/\S+\/resubmissions\): resubmitApplication body must have required property 'state' \(schema rule: required\)/),
      expect.stringMatching(/^CAT-REVIEW-01: the command \(POST \S+\/catalog\/v1\/entries\/\S+\/submissions\): submitEntry body must have required property 'state' \(schema rule: required\)/),
    ]);
  });

  it('a refusal of a command without the problem title fails, though its status and code are the expected ones', async () => {
    const report = await runAgainst('command-problem-without-title', ['CAT-RECLASS-01']);
    expect(messages(report)).toEqual([
      expect.stringMatching(/^CAT-RECLASS-01: the command \(POST \S+\/catalog\/v1\/entries\/\S+\/reclassification\): reclassifyEntry body must have required property 'title'/),
    ]);
  });
});

describe('the objects workflow checks read and create are held to their schemas and statuses', () => {
  it('an item GET without the required createdAt fails, naming the operation, pointer and rule', async () => {
    const report = await runAgainst('drop-createdAt', ['REG-ACCEPT-01', 'SHR-REVIEW-01']);
    expect(messages(report)).toEqual([
      expect.stringMatching(/^REG-ACCEPT-01: reading the object \(GET \S+\/registration\/v1\/applications\/\S+\): getApplication body must have required property 'createdAt' \(schema rule: required\)/),
      expect.stringMatching(/^SHR-REVIEW-01: reading the object \(GET \S+\/catalog\/v1\/entries\/\S+\): getEntry body must have required property 'createdAt'/),
    ]);
  });

  it('a create answering 200 instead of the documented 201 fails', async () => {
    const report = await runAgainst('201-as-200', ['REG-ACCEPT-01', 'CAT-REVIEW-01']);
    expect(messages(report)).toEqual([
      expect.stringMatching(/^REG-ACCEPT-01: creating the object \(POST \S+\/registration\/v1\/applications\): submitApplication answers its documented status/),
      expect.stringMatching(/^CAT-REVIEW-01: creating the object \(POST \S+\/catalog\/v1\/entries\): createEntry answers its documented status/),
    ]);
    expect(report.results.find((r) => r.id === 'REG-ACCEPT-01')?.failures[0]).toMatchObject({ expected: '201', actual: expect.stringMatching(/^200 /) });
  });
});

describe('the headers the contracts document are held to them', () => {
  it("a create whose Location names another object fails, naming the request, the expected path and the header sent", async () => {
    const report = await runAgainst('wrong-location', ['ISO-404-02', 'REG-ACCEPT-01', 'CAT-REVIEW-01']);
    expect(messages(report)).toEqual([
      expect.stringMatching(/^ISO-404-02: creating the object \(POST \S+\/registration\/v1\/applications\): the Location header names the created object$/),
      expect.stringMatching(/^REG-ACCEPT-01: creating the object \(POST \S+\/registration\/v1\/applications\): the Location header names the created object$/),
      expect.stringMatching(/^CAT-REVIEW-01: creating the object \(POST \S+\/catalog\/v1\/entries\): the Location header names the created object$/),
    ]);
    const failure = report.results.find((r) => r.id === 'REG-ACCEPT-01')?.failures[0];
    expect(failure?.expected).toMatch(/^\/sandboxes\/\S+\/registration\/v1\/applications\/rga_\w+$/);
    expect(failure?.actual).toMatch(/\/registration\/v1\/applications\/rga_other$/);
  });

  it('answers without the required X-Request-Id fail the checks that validate them, naming the header', async () => {
    const report = await runAgainst('no-request-id', ['CON-SCHEMA-REG-listApplications', 'CON-INPUT-REG-submitApplication', 'REG-ACCEPT-01']);
    expect(messages(report)).toEqual([
      'CON-SCHEMA-REG-listApplications: listApplications: header X-Request-Id is missing (the contract requires it on 200)',
      'CON-INPUT-REG-submitApplication: submitApplication (not_json): header X-Request-Id is missing (the contract requires it on 400)',
      expect.stringMatching(/^REG-ACCEPT-01: creating the object \(POST \S+\/registration\/v1\/applications\): submitApplication header X-Request-Id is missing \(the contract requires it on 201\)$/),
    ]);
  });
});

describe('every paged list is paged through, not only the catalog search', () => {
  it("a page that starts with the previous page's last item fails the lists that have a second page, naming the page and the id", async () => {
    const report = await runAgainst('overlapping-pages', ['CON-SCHEMA-*']);
    const failed = byStatus(report, 'failed').map((r) => r.id);
    expect(failed).toEqual(expect.arrayContaining(['CON-SCHEMA-ODP-listDatasets', 'CON-SCHEMA-CAT-listEntries', 'CON-SCHEMA-CAT-searchEntries']));
    expect(failed.every((id) => /^CON-SCHEMA-\w+-(list|search)\w+$/.test(id))).toBe(true);
    expect(report.results.find((r) => r.id === 'CON-SCHEMA-CAT-listEntries')?.failures[0]).toEqual({
      message: expect.stringMatching(/^GET \/entries page 2, limit 2 \(GET http:\/\/\S+\/catalog\/v1\/entries\?limit=2&cursor=\S+\): ent_\w+ appears on one page only$/),
      expected: 'not on page 1',
      actual: 'on pages 1 and 2',
    });
  });

  it('a total one more than the list holds fails where the last page is read (within six pages)', async () => {
    const report = await runAgainst('total-plus-one', ['CON-SCHEMA-REG-listApplications', 'CON-SCHEMA-SHR-listGrants']);
    expect(messages(report)).toEqual([
      expect.stringMatching(/^CON-SCHEMA-REG-listApplications: GET \/applications page 1, limit 2 \(GET http:\/\/\S+\/registration\/v1\/applications\?limit=2\): the last page ends with total items read$/),
      expect.stringMatching(/^CON-SCHEMA-SHR-listGrants: GET \/grants page 1, limit 2 \(GET http:\/\/\S+\/sharing\/v1\/grants\?limit=2\): the last page ends with total items read$/),
    ]);
    expect(report.results[0]?.failures[0]).toMatchObject({ expected: 1, actual: 0 });
  });
});

describe('a list longer than six pages of two is read to its end when its total is at most 500', () => {
  it('a total one more than a 22-item list holds fails on the last page, read on with the cursor 200 a page', async () => {
    const report = await runAgainst('total-plus-one', ['CON-SCHEMA-CAT-listEntries']);
    expect(report.results[0]?.failures).toEqual([{
      message: expect.stringMatching(/^GET \/entries page 7, limit 200 \(GET http:\/\/\S+\/catalog\/v1\/entries\?limit=200&cursor=\S+\): the last page ends with total items read$/),
      expected: 23,
      actual: 22,
    }]);
  });
});

describe('a refusal for a missing field is the contract\'s, not any 4xx', () => {
  /** The one failure of a check whose refusal answered 401 SIGNATURE_INVALID, naming the request. */
  const refused = (description: string, path: RegExp, expected = '400 application/problem+json VALIDATION_FAILED') => [{
    message: expect.stringMatching(new RegExp(`^${description.replace(/[()]/g, '\\$&')} \\(POST ${path.source}\\): status$`)),
    expected,
    actual: '401 application/problem+json SIGNATURE_INVALID',
  }];
  const failures = (report: Report, id: string) => report.results.find((r) => r.id === id)?.failures;
  const action = /http:\S+\/_sim\/v1\/sandboxes\/[^/]+\/actions/;
  const objections = /http:\S+\/registration\/v1\/public-notices\/[^/]+\/objections/;

  it('a platform refusing a step without reasons, evidence or an existing registration with 401 SIGNATURE_INVALID fails, naming the request, expected and actual', async () => {
    const report = await runAgainst('refusal-as-401', ['SHR-COMPLIANCE-02', 'SHR-DISPUTE-01', 'SHR-ESCALATE-01', 'CAT-REVIEW-01', 'REG-NOTICE-01', 'REG-CHANGE-02']);
    expect(failures(report, 'SHR-COMPLIANCE-02')).toEqual(refused('failing the compliance review without reasons', action));
    expect(failures(report, 'SHR-DISPUTE-01')).toEqual(refused('a rejection without reasons', action));
    expect(failures(report, 'SHR-ESCALATE-01')).toEqual(refused('upholding the rejection without reasons', action));
    expect(failures(report, 'CAT-REVIEW-01')).toEqual(refused('a return without reasons', action));
    expect(failures(report, 'REG-NOTICE-01')).toEqual(refused('an objection without evidence', objections));
    // A missing registration may be 404 NOT_FOUND or 400 at /registrationId; the failure says the 400.
    expect(failures(report, 'REG-CHANGE-02')).toEqual(refused('a change of a registration that does not exist (404 NOT_FOUND, or 400 VALIDATION_FAILED at /registrationId)', /http:\S+\/registration\/v1\/applications/));
  });

  it("an objection without the objector's identity refused with 401 fails", async () => {
    const report = await runAgainst('objector-refusal-as-401', ['REG-NOTICE-01']);
    expect(failures(report, 'REG-NOTICE-01')).toEqual(refused("an objection without the objector's real identity", objections));
  });
});
