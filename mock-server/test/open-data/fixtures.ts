import type { OpenDataset } from '../../src/sandbox/seed/types.js';
import { expect } from 'vitest';
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

/** A delivery method the dataset offers (第二十三条 数据提供方式): its API when it has one, else its files. */
export function offeredMethod(dataset: Partial<Pick<OpenDataset, 'api'>>): 'api' | 'file' {
  return dataset.api ? 'api' : 'file';
}

/** A valid application for a dataset by a given organisation. */
export function applicationBy(org: { creditCode: string; name: string }, dataset: Pick<OpenDataset, 'id' | 'openingConditions'> & Partial<Pick<OpenDataset, 'api'>>, overrides: Record<string, unknown> = {}) {
  return {
    applicant: { kind: 'organization', creditCode: org.creditCode, name: org.name },
    datasetIds: [dataset.id],
    scenario: { name: '企业征信', description: '为中小企业融资提供信用评估' },
    dataScope: '全市范围',
    deliveryMethod: offeredMethod(dataset),
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

/** Applies, passes the initial review at once and approves at `approveAt`; answers the grant as its holder reads it. */
export async function grantApprovedAt(world: World, approveAt: string, periodOfUse: { from: string; to: string }, withCondition?: string) {
  const dataset = withCondition ? onApplication(world, withCondition) : world.seed.datasets.find((d) => d.openingType === 'on_application' && !d.openingConditions.includes('usage_feedback'));
  if (!dataset) throw new Error('no suitable on_application dataset in the seed');
  const app = await apply(world, dataset, { periodOfUse });
  const target = { platform: 'open-data', objectType: 'application', objectId: app.id };
  await world.act({ ...target, action: 'pass_initial_review' });
  await world.advance({ to: approveAt });
  const approved = await world.act({ ...target, action: 'approve' });
  expect(approved.body.event.type).toBe('grant_issued');
  return readGrant(world, approved.body.object.grantId);
}

/** The grant as its holder reads it (checked against the contract). */
export async function readGrant(world: World, grantId: string) {
  const reply = await world.openData('GET', `/grants/${grantId}`, { as: world.org(APPLICANT) });
  expectContract('open-data', 'getGrant', reply, 200);
  return reply.body;
}
