import type { OpenDataset } from '../../src/sandbox/seed/types.js';
import { expectContract } from '../support/contract.js';
import type { World } from '../support/world.js';

/** The applying organisation of the open-data tests. */
export const APPLICANT = 'data-operator';

/** An `on_application` dataset of the seed, optionally with a given opening condition. */
export function onApplication(world: World, withCondition?: string): OpenDataset {
  const d = world.seed.datasets.find((x) => x.openingType === 'on_application' && (!withCondition || x.openingConditions.includes(withCondition as never)));
  if (!d) throw new Error('no on_application dataset');
  return d;
}

/** A valid application for a dataset (evidence for each of its opening conditions). */
export function applicationBody(world: World, dataset: OpenDataset, overrides: Record<string, unknown> = {}) {
  return applicationBy(world.org(APPLICANT), dataset, overrides);
}

/** A valid application for a dataset by a given organisation. */
export function applicationBy(org: { creditCode: string; name: string }, dataset: OpenDataset, overrides: Record<string, unknown> = {}) {
  return {
    applicant: { kind: 'organization', creditCode: org.creditCode, name: org.name },
    datasetIds: [dataset.id],
    scenario: { name: '企业征信', description: '为中小企业融资提供信用评估' },
    dataScope: '全市范围',
    deliveryMethod: 'api',
    periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
    securityMeasures: '等保三级环境，访问留痕。',
    conditionEvidence: dataset.openingConditions.map((condition) => ({ condition, text: '已满足' })),
    ...overrides,
  };
}

/** Submits an application as the applicant (checked against the contract) and answers it. */
export async function apply(world: World, dataset = onApplication(world), overrides: Record<string, unknown> = {}) {
  const reply = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, dataset, overrides) });
  expectContract('open-data', 'submitApplication', reply, 201);
  return reply.body;
}
