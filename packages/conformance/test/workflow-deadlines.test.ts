import { describe, expect, it } from 'vitest';
import { runConformance, type Report } from '../src/index.js';
import { ORGS } from './support/fake-platform.js';
import { createFakeRegistry, registrationSpecs, type RegistryFaults } from './support/fake-registration.js';

const run = (faults: RegistryFaults = {}): Promise<Report> =>
  runConformance({
    baseUrl: 'http://fake.test',
    simulationUrl: 'http://fake.test/_sim/v1',
    organizations: ORGS,
    seed: 3,
    specs: registrationSpecs,
    fetch: createFakeRegistry(faults),
    include: ['REG-ACCEPT-01', 'REG-ACCEPT-02'],
  });

const statuses = (report: Report) => Object.fromEntries(report.results.map((r) => [r.id, r.status]));

describe('registration deadlines through the simulation API', () => {
  it('pass against a registry that counts 3 working days from receipt', async () => {
    expect(statuses(await run())).toEqual({ 'REG-ACCEPT-01': 'passed', 'REG-ACCEPT-02': 'passed' });
  });

  it.each<[string, RegistryFaults, Record<string, string>]>([
    ['a 4 WD acceptance limit', { acceptanceLimit: 4 }, { 'REG-ACCEPT-01': 'failed', 'REG-ACCEPT-02': 'failed' }],
    ['counting calendar days', { calendarDays: true }, { 'REG-ACCEPT-01': 'failed', 'REG-ACCEPT-02': 'failed' }],
    ['approving an overdue application', { approveWhenOverdue: true }, { 'REG-ACCEPT-01': 'passed', 'REG-ACCEPT-02': 'failed' }],
  ])('catch %s', async (_, faults, want) => {
    expect(statuses(await run(faults))).toEqual(want);
  });

  it('names the rule and the dates in the failure', async () => {
    const result = (await run({ acceptanceLimit: 4 })).results.find((r) => r.id === 'REG-ACCEPT-01');
    expect(result?.source).toBe('发改数据规〔2025〕26号 第十条');
    expect(result?.failures[0]?.expected).toMatchObject({ limit: 3, dueDate: '2025-09-30' });
    expect(result?.failures[0]?.actual).toMatchObject({ limit: 4, dueDate: '2025-10-09' });
  });
});
