import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { APPLICANT, applicationBody } from './fixtures.js';

const ctx = useWorld();

/** The profile variant the open-data README gives for science data (科学数据管理办法 第十九条). */
const SCIENCE_DATA = {
  extends: 'national',
  name: 'science-data',
  labels: { openingType: { open: '无条件开放共享', on_application: '有条件开放共享', not_open: '不予开放共享' } },
};

describe('science data as a profile variant', () => {
  it('names the opening classes as 科学数据管理办法 第十九条 does', async () => {
    const world = await openWorld(ctx, { profile: SCIENCE_DATA });
    const open = world.seed.datasets.find((d) => d.openingType === 'open')!;
    const reply = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, open) });
    expectContract('open-data', 'submitApplication', reply, 400);
    expect(reply.body.errors).toEqual([
      { pointer: '/datasetIds/0', code: 'DATASET_OPEN', message: { zh: '该数据集为无条件开放共享，无需申请', en: 'The dataset is open to everyone; no application is needed' } },
    ]);
  });
});
